/**
 * A calendar day as people type it (YYYY-MM-DD, a Shanghai day). A pattern alone lets 2026-02-30 through, which
 * then reads as 3 March in every report; the day must exist. One schema for every router, config and service.
 */
import { z } from 'zod';
import { isCalendarDate } from './time.js';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a YYYY-MM-DD that exists in the calendar. */
export function isShopDate(text: unknown): text is string {
  const m = typeof text === 'string' ? PATTERN.exec(text) : null;
  return !!m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The pattern fails as a format error (with the field's example); a day that does not exist names itself. */
export const shopDate = z
  .string()
  .regex(PATTERN, 'YYYY-MM-DD')
  .superRefine((value, ctx) => {
    if (PATTERN.test(value) && !isShopDate(value))
      ctx.addIssue({ code: 'custom', message: `没有 ${value} 这一天`, params: { code: 'date_invalid', date: value } });
  });
