/**
 * Request fields → normalized fields through the kind's zod schema. Blank values count as absent
 * (forms and the CLI send '' for an empty box), and the problems become one ValidationError naming
 * `fields.<name>` in the shop's words, so the HTTP layer answers 400 with the field.
 */
import type { z } from 'zod';
import { ValidationError } from '../../shared/errors.js';
import { fromZodIssues, type FieldLabels } from '../../shared/zod-errors.js';
import { REFUND_TYPE_LABEL } from './fields.js';
import type { RemarkKind } from './types.js';

/** What staff call each remark field (the console's form labels); a field's own `.describe()` wins. */
const REMARK_FIELD_LABELS: FieldLabels = {
  amount: '金额',
  sku: '货号',
  fromSku: '原货号',
  toSku: '新货号',
  waybill: '运单号',
  keeper: '上架人',
  assistant: '助理',
  realName: '实名',
  account: '账号',
  bankName: '银行',
  value: '新内容',
  reason: '原因',
  courierContact: '快递联系人',
  via: '联系方式',
  auction: '拍卖款',
  type: { label: '类型', values: REFUND_TYPE_LABEL },
  channel: { label: '退款渠道', values: { alipay: '支付宝', bank: '银行卡' } },
  field: { label: '要改的项目', values: { address: '收件地址', receiver: '收件人', phone: '电话' } },
};

export function fieldLabel(name: string): string {
  const label = Object.hasOwn(REMARK_FIELD_LABELS, name) ? REMARK_FIELD_LABELS[name] : undefined;
  return typeof label === 'string' ? label : (label?.label ?? '一项内容');
}

export function validateFields(kind: RemarkKind, raw: unknown): Record<string, unknown> {
  const input = raw ?? {};
  if (typeof input !== 'object' || Array.isArray(input))
    throw new ValidationError({
      message: '备注内容的填写方式不对',
      code: 'field_wrong_type',
      field: 'fields',
      params: { expected: 'object' },
    });
  const present: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) continue;
    present[k] = v;
  }
  const parsed = kind.schema.safeParse(present);
  if (parsed.success) return dropUndefined(parsed.data);
  throw toValidationError(kind, parsed.error.issues, present);
}

function toValidationError(
  kind: RemarkKind,
  issues: readonly z.core.$ZodIssue[],
  present: Record<string, unknown>,
): ValidationError {
  const issue = issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const hint = key === 'staff' ? '；写入人取自登录账号，不用填写' : '';
    return new ValidationError({
      message: `“${kind.title}”不需要填写这一项${hint}`,
      code: 'unknown_field',
      field: `fields.${key}`,
      params: { kind: kind.id, keys: [...issue.keys] },
    });
  }
  return fromZodIssues(issues, {
    schema: kind.schema,
    labels: REMARK_FIELD_LABELS,
    prefix: 'fields',
    inputs: [present],
  });
}

function dropUndefined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}
