/**
 * Field types shared by the catalogue's schemas. Text fields may not contain the characters that
 * structure a memo (`+` joins parts, `；`/`;`/line breaks separate entries): a value holding them
 * would make the entry unreadable to staff and to the memo parser.
 */
import { z } from 'zod';
import { parseYuan } from '../../shared/money.js';

const STRUCTURAL = /[+；;\r\n]/;

export function text(label: string, max = 60) {
  return z
    .string(`${label}必须是文字 (must be text)`)
    .trim()
    .min(1, `${label}不能为空 (required)`)
    .max(max, `${label}最多${max}个字 (at most ${max} characters)`)
    .refine((s) => !STRUCTURAL.test(s), `${label}不能包含 + ； ; 或换行 (must not contain + ; or line breaks)`);
}

/** 货号: one token, no spaces or punctuation that the memo uses around it. */
export const sku = text('货号', 40).refine((s) => /^[^\s,，:：()（）]+$/.test(s), '货号不能包含空格、逗号、冒号或括号 (item number: one token)');

export const personName = (label: string) => text(label, 20).refine((s) => !/[/\s,，()（）]/.test(s), `${label}不能包含 / 、空格、逗号或括号`);

export const waybill = z
  .string('运单号必须是文字 (must be text)')
  .trim()
  .regex(/^[A-Za-z0-9-]{6,30}$/, '运单号只能是6–30位字母数字 (waybill: 6–30 letters or digits)');

const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A positive amount in yuan (string or number) → integer fen, exactly. Accepts '8.5', 8.5, '1,288'
 * (proper thousands groups only: '1,28' is refused, it could be a decimal comma); refuses negative,
 * zero, non-numeric and more than two decimals. Numbers go through their shortest decimal text,
 * so 0.1 + 0.2 is refused rather than rounded.
 */
export function yuanToFen(value: unknown): number {
  let s: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('not finite');
    s = String(value);
  } else if (typeof value === 'string') {
    s = value.trim();
  } else {
    throw new RangeError('not an amount');
  }
  if (s.includes(',') && !THOUSANDS.test(s)) throw new RangeError('bad thousands separator');
  const fen = parseYuan(s);
  if (fen <= 0) throw new RangeError('not positive');
  return fen;
}

export const amount = z.union([z.string(), z.number()], '金额必须是数字 (amount must be a number in yuan)').transform((v, ctx) => {
  try {
    return yuanToFen(v);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `金额必须是大于0、最多两位小数的元数，如 5 或 8.5，收到 ${JSON.stringify(v)} (amount must be positive yuan with at most 2 decimals)`,
    });
    return z.NEVER;
  }
});

/** CLI and forms send 'true'/'false'; JSON sends booleans. */
export const flagBool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])], '必须是 true 或 false (must be true or false)')
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');

export const refundType = z.enum(['discount', 'postage'], 'type 必须是 discount(折扣) 或 postage(邮费)');
export const REFUND_TYPE_LABEL: Record<'discount' | 'postage', string> = { discount: '折扣', postage: '邮费' };
