import { z } from 'zod';
import { ValidationError } from '../../shared/errors.js';
import { fromZodError, type FieldLabels } from '../../shared/zod-errors.js';

/** The keeper's names for a profile's parts, in the messages about it. */
export const PROFILE_LABELS: FieldLabels = {
  name: '配置名称',
  headerRow: '表头行号',
  columns: '列',
  date: '日期列',
  time: '时间列',
  credit: '收入列',
  debit: '支出列',
  amount: '金额列',
  direction: '方向列',
  creditMarker: '收入标记',
  counterpartyName: '对方户名列',
  counterpartyAccount: '对方账号列',
  note: '附言列',
  balance: '余额列',
  serial: '流水号列',
};

/**
 * A keeper-made description of an unknown export: where each column is, by header name or column letter.
 * Saved by the caller and passed back to parseStatement for the same bank later.
 */
const columnRef = z.string().trim().min(1);

export const mappingProfileSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    /** 1-based line of the header row; without it the header row is found by the named columns. */
    headerRow: z.number().int().min(1).optional(),
    columns: z
      .object({
        date: columnRef,
        time: columnRef.optional(),
        credit: columnRef.optional(),
        debit: columnRef.optional(),
        amount: columnRef.optional(),
        direction: columnRef.optional(),
        creditMarker: z.string().trim().min(1).optional(),
        counterpartyName: columnRef.optional(),
        counterpartyAccount: columnRef.optional(),
        note: columnRef.optional(),
        balance: columnRef.optional(),
        serial: columnRef.optional(),
      })
      .strict()
      .refine((c) => Boolean(c.credit) !== Boolean(c.amount), {
        message: '收入列和金额列需要且只能指定一个',
        path: ['credit'],
        params: { code: 'profile_credit_or_amount' },
      })
      .refine((c) => !c.debit || c.credit, {
        message: '支出列需要与收入列一起使用',
        path: ['debit'],
        params: { code: 'profile_debit_needs_credit' },
      })
      .refine((c) => !c.direction || c.amount, {
        message: '方向列需要金额列',
        path: ['direction'],
        params: { code: 'profile_direction_needs_amount' },
      })
      .refine((c) => !c.creditMarker || c.direction, {
        message: '收入标记需要方向列',
        path: ['creditMarker'],
        params: { code: 'profile_marker_needs_direction' },
      }),
  })
  .strict();

export type MappingProfile = z.infer<typeof mappingProfileSchema>;

/** Checks a profile from outside (HTTP body, saved file); every problem is listed in one ValidationError. */
export function validateProfile(input: unknown): MappingProfile {
  const result = mappingProfileSchema.safeParse(input);
  if (result.success) return result.data;
  const e = fromZodError(result.error, { labels: PROFILE_LABELS, prefix: 'profile' });
  throw new ValidationError({
    message: `映射配置无效：${e.message}`,
    code: e.code,
    field: e.field ?? 'profile',
    ...(e.params ? { params: e.params } : {}),
    ...(e.detail ? { detail: e.detail } : {}),
  });
}

/** 'A' → 0, 'AA' → 26; null when the reference is a header name rather than a column letter. */
export function columnLetterIndex(ref: string): number | null {
  if (!/^[A-Z]{1,3}$/.test(ref)) return null;
  let n = 0;
  for (const ch of ref) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
