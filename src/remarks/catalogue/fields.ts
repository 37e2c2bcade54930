/**
 * Field types shared by the catalogue's schemas. Text fields may not contain the characters that
 * structure a memo (`+` joins parts, `；`/`;`/line breaks separate entries): a value holding them
 * would make the entry unreadable to staff and to the memo parser.
 */
import { z } from 'zod';
import { yuanToFen } from '../../shared/money.js';

export { yuanToFen };

const STRUCTURAL = /[+；;\r\n]/;

export function text(label: string, max = 60) {
  return z
    .string(`${label}必须是文字`)
    .describe(label)
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}最多${max}个字`)
    .refine((s) => !STRUCTURAL.test(s), {
      message: `${label}不能包含 + ； ; 或换行`,
      params: { code: 'text_structural' },
    });
}

/** 货号: one token, no spaces or punctuation that the memo uses around it. */
export const sku = text('货号', 40).refine((s) => /^[^\s,，:：()（）]+$/.test(s), {
  message: '货号不能包含空格、逗号、冒号或括号',
  params: { code: 'sku_not_one_token' },
});

export const personName = (label: string) =>
  text(label, 20).refine((s) => !/[/\s,，()（）]/.test(s), `${label}不能包含 / 、空格、逗号或括号`);

export const waybill = z
  .string('运单号必须是文字')
  .describe('运单号')
  .trim()
  .regex(/^[A-Za-z0-9-]{6,30}$/, '运单号只能是6–30位字母数字');

export const amount = z.union([z.string(), z.number()], '金额必须是数字').transform((v, ctx) => {
  try {
    return yuanToFen(v);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `金额必须是大于0、最多两位小数的元数，如 5 或 8.5，收到“${String(v)}”`,
      params: { code: 'amount_not_yuan', value: String(v) },
    });
    return z.NEVER;
  }
});

/** CLI and forms send 'true'/'false'; JSON sends booleans. */
export const flagBool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])], '必须是“是”或“否”')
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');

export const refundType = z.enum(['discount', 'postage'], '类型必须是折扣或邮费');
export const REFUND_TYPE_LABEL: Record<'discount' | 'postage', string> = { discount: '折扣', postage: '邮费' };
