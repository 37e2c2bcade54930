/**
 * The one translation of zod's validation issues into what a shop person reads: one Chinese sentence per
 * problem, naming the field by its Chinese label, with a stable code and the values the sentence was built from.
 * zod's own English ("amountFen: Invalid input: expected number, received string") never reaches a person.
 *
 * Labels come, most specific first, from the caller's map (a router's or service's), from the schema's
 * `.describe('金额')`, and from a few names every part of the shop uses alike (tid → 订单号).
 */
import type { z } from 'zod';
import { ValidationError, type ErrorParam, type ErrorParams } from './errors.js';
import { formatYuan } from './money.js';
import { describedAt } from './zod-schema-walk.js';

export interface FieldLabelSpec {
  label: string;
  /** The value is fen: limits are shown in 元, and a wrong value gets the money hint (the person typed 元). */
  yuan?: boolean;
  /** The value is an amount the person types in 元 (as text or a number): a wrong value gets the money hint. */
  money?: boolean;
  /** What each allowed value is called (an enum's 'alipay' → 支付宝); without it the values are not listed. */
  values?: Readonly<Record<string, string>>;
  /** How a valid value looks, for format errors: '2026-11-23'. */
  example?: string;
}
export type FieldLabel = string | FieldLabelSpec;
/** Keyed by the field's path ('items.itemNo', array indexes left out) or by its own name ('amountFen'). */
export type FieldLabels = Readonly<Record<string, FieldLabel>>;

type Issue = z.core.$ZodIssue;

/** Names every router and service uses for the same thing. */
const COMMON_LABELS: FieldLabels = {
  tid: '订单号',
  buyerNick: '买家昵称',
  nick: '买家昵称',
  username: '用户名',
  password: '密码',
  reason: '原因',
  note: '备注',
  date: { label: '日期', example: '2026-11-23' },
  from: { label: '开始日期', example: '2026-11-23' },
  to: { label: '结束日期', example: '2026-11-23' },
  page: '页码',
  pageSize: '每页条数',
  amount: { label: '金额', money: true },
  amountFen: { label: '金额', yuan: true },
  waybill: '运单号',
  text: '内容',
  q: '搜索内容',
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '“是”或“否”',
  array: '一组值',
  object: '一组填写项',
  date: '日期',
  file: '文件',
};

const CJK = /[\u3400-\u9fff]/;
/** What a field no label names is called: the sentences below still read, though they cannot point at the field. */
const UNNAMED = '填写的内容';
/** The hint for an amount: what a person types is 元, whatever unit the API stores. */
const MONEY_HINT = '请输入数字，例如 12.50';
/**
 * zod leaves the input out of a finished issue. Where the caller passes what was parsed, the value at the issue's
 * path tells; else zod's own English, the one place that still says "undefined" (unless the schema wrote its own).
 */
const RECEIVED_NOTHING = /received (undefined|null)$/;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

const absentIn = (inputs: readonly unknown[], path: readonly PropertyKey[]) =>
  inputs.every((input) => valueAt(input, path) === undefined || valueAt(input, path) === null);

function isMissing(issue: Issue, inputs: readonly unknown[] | undefined, base: readonly PropertyKey[] = []): boolean {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_type') {
    if ('input' in issue) return issue.input === undefined || issue.input === null;
    if (inputs) return absentIn(inputs, path);
    return RECEIVED_NOTHING.test(issue.message);
  }
  // An enum or literal left out is reported as a value not allowed; what was sent tells it was not sent at all.
  if (issue.code === 'invalid_value' && inputs) return absentIn(inputs, path);
  if (issue.code === 'invalid_union')
    return issue.errors.length > 0 && issue.errors.every((branch) => branch.some((i) => isMissing(i, inputs, path)));
  return false;
}

interface Named {
  text: string;
  spec: FieldLabelSpec | undefined;
}

function specOf(label: FieldLabel | undefined): FieldLabelSpec | undefined {
  return typeof label === 'string' ? { label } : label;
}

function nameOf(path: readonly PropertyKey[], labels: FieldLabels, schema: z.ZodType | undefined): Named {
  const keys = path.filter((p) => typeof p === 'string');
  const index = path.findLast((p) => typeof p === 'number');
  const own = (key: string | undefined) => (key !== undefined && Object.hasOwn(labels, key) ? labels[key] : undefined);
  const last = keys[keys.length - 1];
  // A key the map does not name (a record's key, a nested part) is spoken of by the nearest part it belongs to.
  const ancestor = () =>
    keys
      .slice(0, -1)
      .reverse()
      .map(own)
      .find((l) => l !== undefined);
  const given = own(path.map(String).join('.')) ?? own(keys.join('.')) ?? own(last) ?? ancestor();
  const described = given === undefined ? describedAt(schema, path) : undefined;
  const common = last !== undefined && Object.hasOwn(COMMON_LABELS, last) ? COMMON_LABELS[last] : undefined;
  const spec = specOf(given ?? described ?? common);
  if (!spec) return { text: index === undefined ? UNNAMED : `第${index + 1}项`, spec };
  return { text: index === undefined ? spec.label : `${spec.label}（第${index + 1}项）`, spec };
}

function amountText(value: number | bigint, spec: FieldLabelSpec | undefined): string {
  const n = Number(value);
  return spec?.yuan && Number.isSafeInteger(n) ? `${formatYuan(n)}元` : String(n);
}

interface Translated {
  code: string;
  message: string;
  params: Record<string, ErrorParam>;
}

function sizeLimit(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>, named: Named): Translated {
  const big = issue.code === 'too_big';
  const limit = big ? issue.maximum : issue.minimum;
  const inclusive = issue.inclusive !== false;
  const n = named.text;
  const params = { [big ? 'maximum' : 'minimum']: Number(limit) };
  if (issue.origin === 'string') {
    if (!big && Number(limit) <= 1) return { code: 'field_required', message: `请填写${n}`, params };
    return big
      ? { code: 'field_too_long', message: `${n}最多${limit}个字`, params }
      : { code: 'field_too_short', message: `${n}至少要${limit}个字`, params };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return big
      ? { code: 'field_too_many', message: `${n}最多${limit}项`, params }
      : { code: 'field_too_few', message: `${n}至少要${limit}项`, params };
  }
  const shown = amountText(limit as number, named.spec);
  if (big)
    return { code: 'field_too_large', message: inclusive ? `${n}不能大于${shown}` : `${n}必须小于${shown}`, params };
  return { code: 'field_too_small', message: inclusive ? `${n}不能小于${shown}` : `${n}必须大于${shown}`, params };
}

function allowedValues(values: readonly unknown[], named: Named): Translated {
  const texts = values.map((v) => named.spec?.values?.[String(v)] ?? String(v));
  const listable = named.spec?.values !== undefined || texts.every((t) => CJK.test(t) || /^\d+$/.test(t));
  const params = { allowed: values.map((v) => (typeof v === 'number' || typeof v === 'boolean' ? v : String(v))) };
  if (listable && texts.length)
    return { code: 'field_not_allowed', message: `${named.text}只能是：${texts.join('、')}`, params };
  return { code: 'field_not_allowed', message: `${named.text}不是可以选择的值`, params };
}

function translate(issue: Issue, named: Named, inputs: readonly unknown[] | undefined): Translated {
  const n = named.text;
  if (isMissing(issue, inputs))
    return { code: 'field_required', message: n === UNNAMED ? '有必填的内容没有填写' : `请填写${n}`, params: {} };
  const money = named.spec?.yuan === true || named.spec?.money === true;
  if (money && (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_format')) {
    const expected = issue.code === 'invalid_type' ? String(issue.expected) : 'number';
    return { code: 'field_wrong_type', message: `${n}：${MONEY_HINT}`, params: { expected } };
  }
  switch (issue.code) {
    case 'invalid_type': {
      const expected = String(issue.expected);
      const type = TYPE_NAMES[expected];
      return {
        code: 'field_wrong_type',
        message: type ? `${n}应该是${type}` : `${n}的填写方式不对`,
        params: { expected },
      };
    }
    case 'too_big':
    case 'too_small':
      return sizeLimit(issue, named);
    case 'invalid_value':
      return allowedValues(issue.values, named);
    case 'invalid_format': {
      const example = named.spec?.example;
      const what =
        issue.format === 'email' ? '不是有效的邮箱地址' : issue.format === 'url' ? '不是有效的网址' : '格式不对';
      return {
        code: 'field_bad_format',
        message: `${n}${what}${example ? `，应该像这样：${example}` : ''}`,
        params: { format: issue.format },
      };
    }
    case 'not_multiple_of':
      return {
        code: 'field_not_multiple',
        message: `${n}必须是${amountText(issue.divisor as number, named.spec)}的整数倍`,
        params: { divisor: Number(issue.divisor) },
      };
    case 'unrecognized_keys':
      return {
        code: 'field_unknown',
        message: `有${issue.keys.length}项内容不是这里可以填写的`,
        params: { keys: [...issue.keys] },
      };
    case 'custom': {
      // A refinement speaks for itself when its author wrote the sentence in Chinese; its params may name a code.
      const own = issue.params as Record<string, ErrorParam> | undefined;
      const code = typeof own?.code === 'string' ? own.code : 'field_invalid';
      return { code, message: CJK.test(issue.message) ? issue.message : `${n}不正确`, params: { ...own } };
    }
    default:
      return { code: 'field_invalid', message: `${n}格式不对`, params: {} };
  }
}

export interface ZodTranslation {
  labels?: FieldLabels;
  /** The schema that was parsed: its `.describe()` texts label fields the map leaves out. */
  schema?: z.ZodType;
  /** Where the parsed value sits in the request ('fields' for a remark's fields). */
  prefix?: string;
  /** What was parsed (or the places it may have come from: body, query), to tell a missing field from a wrong one. */
  inputs?: readonly unknown[];
}

/** At most this many problems are spelled out in one message; params list them all. */
const LISTED = 5;

/** zod issues → one ValidationError: one problem as it is, several listed in one sentence. */
export function fromZodIssues(issues: readonly Issue[], opts: ZodTranslation = {}): ValidationError {
  const labels = opts.labels ?? {};
  const each = issues.map((issue) => {
    const path =
      issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0]!] : issue.path;
    const t = translate(issue, nameOf(path, labels, opts.schema), opts.inputs);
    const field = [opts.prefix, ...path.map(String)].filter((p) => p !== undefined && p !== '').join('.');
    return { ...t, field: field || undefined };
  });
  const detail = issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
  const [first] = each;
  if (!first) return new ValidationError({ message: '填写的内容不正确', code: 'invalid_input', detail });
  if (each.length === 1) {
    const { message, code, field, params } = first;
    return new ValidationError({ message, code, field, params, detail });
  }
  // Two limits broken by one value (at least 0, at least 0.01) are one problem to the person: the last, strictest.
  const lastPerField = each.filter(
    (e, i) => !each.slice(i + 1).some((later) => later.field === e.field && later.code === e.code),
  );
  const sentences = [...new Set(lastPerField.map((e) => e.message))];
  const shown =
    sentences.slice(0, LISTED).join('；') + (sentences.length > LISTED ? `；另有${sentences.length - LISTED}处` : '');
  const params: ErrorParams = {
    count: each.length,
    issues: each.map((e) => ({ code: e.code, message: e.message, field: e.field ?? null, params: e.params })),
  };
  return new ValidationError({
    message: `有${each.length}处需要修改：${shown}`,
    code: 'invalid_fields',
    field: first.field,
    params,
    detail,
  });
}

export function fromZodError(err: z.ZodError, opts: ZodTranslation = {}): ValidationError {
  return fromZodIssues(err.issues, opts);
}

/** schema.parse with the translation: the value, or a ValidationError a person can read. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, labels?: FieldLabels): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw fromZodError(result.error, { schema, inputs: [input], ...(labels ? { labels } : {}) });
}
