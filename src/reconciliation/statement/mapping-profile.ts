import { z } from 'zod';
import { ValidationError } from '../../shared/errors.js';

/**
 * A keeper-made description of an unknown export: where each column is, by header name or column letter.
 * Saved by the caller and passed back to parseStatement for the same bank later.
 */
const columnRef = z.string().trim().min(1);

export const mappingProfileSchema = z.object({
  name: z.string().trim().min(1).max(60),
  /** 1-based line of the header row; without it the header row is found by the named columns. */
  headerRow: z.number().int().min(1).optional(),
  columns: z.object({
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
  }).strict()
    .refine((c) => Boolean(c.credit) !== Boolean(c.amount), { message: '需要且只能指定 收入列(credit) 或 金额列(amount) 之一 / give exactly one of credit or amount', path: ['credit'] })
    .refine((c) => !c.debit || c.credit, { message: '支出列(debit) 需要与收入列(credit)一起使用 / debit needs credit', path: ['debit'] })
    .refine((c) => !c.direction || c.amount, { message: '方向列(direction) 需要金额列(amount) / direction needs amount', path: ['direction'] })
    .refine((c) => !c.creditMarker || c.direction, { message: 'creditMarker 需要方向列 / creditMarker needs direction', path: ['creditMarker'] }),
}).strict();

export type MappingProfile = z.infer<typeof mappingProfileSchema>;

/** Checks a profile from outside (HTTP body, saved file); every problem is listed in one ValidationError. */
export function validateProfile(input: unknown): MappingProfile {
  const result = mappingProfileSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'profile'}: ${i.message}`);
  const field = result.error.issues[0]?.path.join('.') || 'profile';
  throw new ValidationError(`映射配置无效 / invalid mapping profile: ${problems.join('; ')}`, `profile.${field}`);
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
  while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); }
  return s;
}
