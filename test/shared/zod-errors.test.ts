import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/shared/errors.js';
import { fromZodError, parseInput } from '../../src/shared/zod-errors.js';
import { englishWords } from '../support/english-words.js';

const schema = z
  .object({
    title: z.string().max(10),
    amountFen: z.number().int().min(1).max(1_000_000),
    method: z.enum(['alipay', 'bank']),
    shift: z.enum(['早班', '晚班']).optional(),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    mail: z.email().optional(),
    rows: z.array(z.string().min(1)).min(1).max(2),
    quantity: z.number().int().positive().optional(),
    note: z.string().trim().min(1).optional(),
    payer: z.string().describe('付款人').optional(),
  })
  .strict();

const labels = {
  title: '标题',
  amountFen: { label: '应付金额', yuan: true },
  method: { label: '付款方式', values: { alipay: '支付宝', bank: '银行转账' } },
  shift: '班次',
  day: { label: '汇款日期', example: '2026-11-23' },
  mail: '邮箱',
  rows: '流水',
  quantity: '数量',
};

const valid = { title: '新品', amountFen: 100, method: 'bank', day: '2026-11-23', rows: ['a'] };

/** The one problem `patch` causes, as a person reads it. */
function problem(patch: Record<string, unknown>) {
  const result = schema.safeParse({ ...valid, ...patch });
  if (result.success) throw new Error('expected a problem');
  const err = fromZodError(result.error, { labels, schema });
  expect(err).toBeInstanceOf(ValidationError);
  expect(englishWords(err.message), err.message).toEqual([]);
  return { code: err.code, message: err.message, field: err.field, params: err.params };
}

describe('zod issues in Chinese, one translation for every router', () => {
  it('when a field is missing, then the message asks for it by its label', () => {
    const { amountFen: _, ...rest } = valid;
    const result = schema.safeParse(rest);
    const err = fromZodError(result.error!, { labels, schema });
    expect(err).toMatchObject({ code: 'field_required', message: '请填写应付金额', field: 'amountFen' });
    // The English stays for the engineer, in the log.
    expect(err.detail).toMatch(/amountFen: Invalid input: expected number, received undefined/);
  });

  it('when a schema writes its own type message, then a missing field is still told from a wrong one by the input', () => {
    const own = z.object({ sku: z.string('货号必须是文字').describe('货号') });
    expect(fromZodError(own.safeParse({}).error!, { schema: own, inputs: [{}] })).toMatchObject({
      code: 'field_required',
      message: '请填写货号',
    });
    expect(fromZodError(own.safeParse({ sku: 5 }).error!, { schema: own, inputs: [{ sku: 5 }] })).toMatchObject({
      code: 'field_wrong_type',
      message: '货号应该是文字',
    });
    expect(() => parseInput(own, {})).toThrow('请填写货号');
    const choice = z.object({ method: z.enum(['alipay', 'bank']) });
    expect(fromZodError(choice.safeParse({}).error!, { labels, inputs: [{}] })).toMatchObject({
      code: 'field_required',
      message: '请填写付款方式',
    });
    expect(
      fromZodError(choice.safeParse({ method: 'cash' }).error!, { labels, inputs: [{ method: 'cash' }] }),
    ).toMatchObject({ code: 'field_not_allowed' });
  });

  it('when a field is null or an empty string, then it counts as not filled in', () => {
    expect(problem({ title: null })).toMatchObject({ code: 'field_required', message: '请填写标题' });
    expect(problem({ note: '   ' })).toMatchObject({ code: 'field_required', message: '请填写备注', field: 'note' });
  });

  it('when a field has the wrong type, then the message says what it should be; a fen amount is spoken of in 元', () => {
    expect(problem({ title: 5 })).toEqual({
      code: 'field_wrong_type',
      message: '标题应该是文字',
      field: 'title',
      params: { expected: 'string' },
    });
    expect(problem({ amountFen: '12' })).toMatchObject({
      code: 'field_wrong_type',
      message: '应付金额：请输入数字，例如 12.50',
    });
    expect(problem({ quantity: 1.5 })).toMatchObject({
      code: 'field_wrong_type',
      message: '数量应该是整数',
      params: { expected: 'int' },
    });
  });

  it('when text is too long or a number out of range, then the limit is named, money in 元', () => {
    expect(problem({ title: '一二三四五六七八九十一' })).toEqual({
      code: 'field_too_long',
      message: '标题最多10个字',
      field: 'title',
      params: { maximum: 10 },
    });
    expect(problem({ amountFen: 2_000_000 })).toMatchObject({
      code: 'field_too_large',
      message: '应付金额不能大于10000元',
      params: { maximum: 1_000_000 },
    });
    expect(problem({ amountFen: 0 })).toMatchObject({ code: 'field_too_small', message: '应付金额不能小于0.01元' });
    expect(problem({ quantity: 0 })).toMatchObject({ code: 'field_too_small', message: '数量必须大于0' });
    expect(problem({ rows: ['a', 'b', 'c'] })).toMatchObject({ code: 'field_too_many', message: '流水最多2项' });
    expect(problem({ rows: [] })).toMatchObject({ code: 'field_too_few', message: '流水至少要1项' });
  });

  it('when a value is not one of the allowed ones, then the allowed values are listed by their Chinese names, never by internal ones', () => {
    expect(problem({ method: 'cash' })).toEqual({
      code: 'field_not_allowed',
      message: '付款方式只能是：支付宝、银行转账',
      field: 'method',
      params: { allowed: ['alipay', 'bank'] },
    });
    expect(problem({ shift: '中班' })).toMatchObject({ message: '班次只能是：早班、晚班' });
    const unnamed = fromZodError(z.object({ kind: z.enum(['a_b', 'c_d']) }).safeParse({ kind: 'x' }).error!);
    expect(unnamed.message).toBe('填写的内容不是可以选择的值');
  });

  it('when a value has a bad format, then the message says so and shows an example where the label has one', () => {
    expect(problem({ day: '23/11' })).toEqual({
      code: 'field_bad_format',
      message: '汇款日期格式不对，应该像这样：2026-11-23',
      field: 'day',
      params: { format: 'regex' },
    });
    expect(problem({ mail: 'nope' })).toMatchObject({ code: 'field_bad_format', message: '邮箱不是有效的邮箱地址' });
  });

  it('when an element of a list is wrong, then its position is named; a label from .describe() is used where the map has none', () => {
    expect(problem({ rows: ['a', ''] })).toMatchObject({
      code: 'field_required',
      message: '请填写流水（第2项）',
      field: 'rows.1',
    });
    expect(problem({ payer: 3 })).toMatchObject({ message: '付款人应该是文字', field: 'payer' });
  });

  it('when a field is not in the schema, then it is refused without naming internals in the message', () => {
    expect(problem({ staff: 'x' })).toEqual({
      code: 'field_unknown',
      message: '有1项内容不是这里可以填写的',
      field: 'staff',
      params: { keys: ['staff'] },
    });
  });

  it('when several fields are wrong, then every problem is listed in one message and in params', () => {
    const result = schema.safeParse({ ...valid, title: 5, method: 'cash', amountFen: undefined });
    const err = fromZodError(result.error!, { labels, schema });
    expect(err.code).toBe('invalid_fields');
    expect(err.message).toBe('有3处需要修改：标题应该是文字；请填写应付金额；付款方式只能是：支付宝、银行转账');
    expect(err.field).toBe('title');
    expect(err.params).toMatchObject({
      count: 3,
      issues: [
        { code: 'field_wrong_type', field: 'title' },
        { code: 'field_required', field: 'amountFen' },
        { code: 'field_not_allowed', field: 'method' },
      ],
    });
  });

  it('when a refinement writes its own Chinese sentence and code, then those are kept; an English one is replaced', () => {
    const refined = z.object({ to: z.string() }).refine((v) => v.to !== 'x', {
      message: '结束日期不能早于开始日期',
      path: ['to'],
      params: { code: 'range_reversed' },
    });
    expect(fromZodError(refined.safeParse({ to: 'x' }).error!)).toMatchObject({
      code: 'range_reversed',
      message: '结束日期不能早于开始日期',
      field: 'to',
    });
    const english = z
      .object({ to: z.string() })
      .refine((v) => v.to !== 'x', { message: 'to is before from', path: ['to'] });
    expect(fromZodError(english.safeParse({ to: 'x' }).error!)).toMatchObject({
      code: 'field_invalid',
      message: '结束日期不正确',
    });
  });

  it('when an amount a person types in 元 is not a number, then the field is named with the hint and an example', () => {
    const typed = z.object({ amount: z.union([z.string(), z.number()]), priceFen: z.number().int() });
    const err = fromZodError(typed.safeParse({ amount: [], priceFen: 1 }).error!);
    expect(err).toMatchObject({ code: 'field_wrong_type', message: '金额：请输入数字，例如 12.50', field: 'amount' });
    const fen = fromZodError(typed.safeParse({ amount: '1', priceFen: '12.50' }).error!, {
      labels: { priceFen: { label: '单价', yuan: true } },
    });
    expect(fen.message).toBe('单价：请输入数字，例如 12.50');
  });

  it('when a part the map does not name is wrong, then it is named by the nearest part that has a label', () => {
    const shifts = z.object({ shifts: z.record(z.enum(['day', 'night']), z.object({ start: z.string() })) });
    const err = fromZodError(shifts.safeParse({ shifts: { day: { start: 5 }, night: { start: '18:00' } } }).error!, {
      labels: { shifts: '班次' },
    });
    expect(err).toMatchObject({ message: '班次应该是文字', field: 'shifts.day.start' });
    const unnamed = fromZodError(z.object({ zz: z.string() }).safeParse({}).error!, { inputs: [{}] });
    expect(unnamed.message).toBe('有必填的内容没有填写');
  });

  it('when one value breaks two limits of its field, then the person reads one sentence, the stricter', () => {
    const due = z.object({ amountDueFen: z.number().int().min(0).positive(), title: z.string() });
    const err = fromZodError(due.safeParse({ amountDueFen: -1, title: 1 }).error!, {
      labels: { amountDueFen: { label: '应付金额', yuan: true }, title: '标题' },
    });
    expect(err.message).toBe('有3处需要修改：应付金额必须大于0元；标题应该是文字');
    expect(err.params).toMatchObject({ count: 3 });
  });

  it('when parseInput is given a prefix-free schema, then it returns the value or throws the translated error', () => {
    expect(parseInput(z.object({ tid: z.string() }), { tid: '1' })).toEqual({ tid: '1' });
    expect(() => parseInput(z.object({ tid: z.string() }), {})).toThrow('请填写订单号');
  });
});
