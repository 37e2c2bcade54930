/**
 * Birth dates from 18-digit mainland resident ID numbers (GB 11643): digits 7–14 are YYYYMMDD and
 * the last character is the ISO 7064 MOD 11-2 check over the first 17. A number that fails either
 * check gives no birthday (it is reported, never guessed).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdBirthDate = { ok: true; date: string } | { ok: false; reason: 'format' | 'check_digit' | 'date' };

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** A real calendar date (1900 onwards), YYYY-MM-DD. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function birthDateFromIdNumber(raw: string): IdBirthDate {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'format' };
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'check_digit' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!isCalendarDate(y, m, d)) return { ok: false, reason: 'date' };
  return { ok: true, date: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` };
}
