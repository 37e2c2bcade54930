/** Remark refusals as staff meet them over HTTP: a code, the values behind it, one Chinese sentence. */
import { beforeEach, describe, expect, it } from 'vitest';
import { englishWords } from '../support/english-words.js';
import { startHarness, type Harness } from './support/harness.js';

const ADDRESS = '浙江省杭州市西湖区文三路90号';
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});

type Answer = { status: number; body: { error?: { code: string; message: string; field?: string; params?: unknown } } };

function refusal(res: Answer, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const error = res.body.error!;
  expect(englishWords(error.message, error.params), error.message).toEqual([]);
  return error;
}

describe('remark write refusals in Chinese', () => {
  it('when the amount is not yuan, then the answer names the field, carries the value and never says "amount must"', async () => {
    const error = refusal(await h.remark('xiaoli', '2003', 'price.review_reward', { amount: '1.005' }), 400);
    expect(error).toEqual({
      code: 'amount_not_yuan',
      field: 'fields.amount',
      params: { code: 'amount_not_yuan', value: '1.005' },
      message: '金额必须是大于0、最多两位小数的元数，如 5 或 8.5，收到“1.005”',
    });
  });

  it('when a required field is left empty or text is too long, then the field is named by its form label', async () => {
    expect(
      refusal(await h.remark('xiaoli', '2001', 'refund.in_trade', { type: 'postage', amount: '10', sku: ' ' }), 400),
    ).toMatchObject({ code: 'field_required', field: 'fields.sku', message: '请填写货号' });
    expect(
      refusal(await h.remark('xiaoli', '2001', 'refund.in_trade', { type: 'gift', amount: '10', sku: 'A1' }), 400),
    ).toMatchObject({
      code: 'field_not_allowed',
      field: 'fields.type',
      message: '类型只能是：折扣、邮费',
      params: { allowed: ['discount', 'postage'] },
    });
    expect(
      refusal(await h.remark('xiaoli', '2001', 'address.change', { field: 'address', value: '长'.repeat(201) }), 400),
    ).toMatchObject({
      code: 'field_too_long',
      field: 'fields.value',
      message: '新内容最多200个字',
      params: { maximum: 200 },
    });
    expect(
      refusal(await h.remark('xiaoli', '2001', 'address.change', { field: 'zip', value: ADDRESS }), 400),
    ).toMatchObject({
      code: 'field_not_allowed',
      field: 'fields.field',
      message: '要改的项目只能是：收件地址、收件人、电话',
    });
  });

  it('when a colleague is unknown or of the wrong role, then the name is a param and the sentence says which', async () => {
    expect(
      refusal(
        await h.remark('xiaoli', '2002', 'address.change', { field: 'address', value: ADDRESS, assistant: '老王' }),
        400,
      ),
    ).toEqual({
      code: 'unknown_colleague',
      field: 'fields.assistant',
      message: '助理“老王”不是本店同事',
      params: { name: '老王' },
    });
    expect(
      refusal(
        await h.remark('xiaoli', '2002', 'address.change', { field: 'address', value: ADDRESS, assistant: '小周' }),
        400,
      ),
    ).toMatchObject({ code: 'wrong_role', params: { name: '小周', role: 'keeper' } });
  });

  it('when the kind, the order, the state or the writer is wrong, then each has its code and a sentence without internal names', async () => {
    expect(refusal(await h.remark('xiaoli', '2001', 'price.magic'), 400)).toMatchObject({
      code: 'unknown_kind',
      field: 'kind',
      params: { kind: 'price.magic' },
    });
    expect(refusal(await h.remark('xiaoli', '9999', 'price.ordinary'), 404)).toEqual({
      code: 'order_not_found',
      message: '订单 9999 不存在',
      params: { tid: '9999' },
    });
    expect(refusal(await h.remark('xiaoli', '12ab', 'price.ordinary'), 400)).toMatchObject({
      code: 'tid_not_digits',
      field: 'tid',
    });
    const state = refusal(await h.remark('xiaoli', '2003', 'exchange.request', { fromSku: 'A1', toSku: 'B2' }), 400);
    expect(state).toMatchObject({
      code: 'not_applicable',
      field: 'state',
      params: { kind: 'exchange.request', state: 'unpaid' },
    });
    expect(state.message).not.toContain('exchange.request');
    const staff = refusal(await h.remark('xiaoli', '2001', 'price.ordinary', { staff: '阿张' }), 400);
    expect(staff).toMatchObject({ code: 'unknown_field', field: 'fields.staff' });
    expect(staff.message).toContain('写入人取自登录账号');
  });

  it('when the body has no kind at all, then the router names it 备注类型', async () => {
    const res = await h.as('xiaoli').post('/orders/2001/remarks', { fields: {} });
    expect(refusal(res, 400)).toMatchObject({ code: 'field_required', field: 'kind', message: '请填写备注类型' });
  });
});
