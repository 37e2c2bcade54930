/**
 * The periods the summary is asked for: an ISO week `YYYY-Www` (Monday to Sunday, weeks numbered from the one that
 * holds the year's first Thursday) and a month `YYYY-MM`, both in Shanghai days. Shanghai keeps no daylight saving,
 * so a day is always 24 h from its 00:00.
 */
import { ValidationError } from '../shared/errors.js';
import { DAY, shanghaiDate, startOfShanghaiDay, type TimeWindow } from '../shared/time.js';

export interface Period extends TimeWindow {
  /** `2026-W48` or `2026-11`. */
  key: string;
  /** Its Shanghai days, YYYY-MM-DD, first to last. */
  days: string[];
}

const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** Weekday of a Shanghai day, Monday 1 … Sunday 7. */
function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Monday of ISO week 1 of `year`: the week of 4 January. */
function firstMonday(year: number): string {
  const jan4 = `${year}-01-04`;
  return shanghaiDate(startOfShanghaiDay(jan4) - (isoWeekday(jan4) - 1) * DAY);
}

/** How many ISO weeks `year` has (52 or 53). */
export function weeksInYear(year: number): number {
  const start = startOfShanghaiDay(firstMonday(year));
  return Math.round((startOfShanghaiDay(firstMonday(year + 1)) - start) / (7 * DAY));
}

function daysFrom(start: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shanghaiDate(start + i * DAY));
}

export function parseWeek(text: unknown): Period {
  const m = typeof text === 'string' ? WEEK.exec(text.trim()) : null;
  const year = m ? Number(m[1]) : 0;
  const week = m ? Number(m[2]) : 0;
  if (!m || week < 1 || week > weeksInYear(year))
    throw new ValidationError({
      message: '周的写法是 年-W周，如 2026-W48（周一到周日）',
      code: 'week_invalid',
      field: 'week',
      params: { week: String(text ?? '') },
    });
  const start = startOfShanghaiDay(firstMonday(year)) + (week - 1) * 7 * DAY;
  return { key: `${year}-W${String(week).padStart(2, '0')}`, start, end: start + 7 * DAY, days: daysFrom(start, 7) };
}

/** The ISO week that holds the instant (Shanghai calendar). */
export function weekOf(epochMs: number): string {
  const date = shanghaiDate(epochMs);
  const monday = startOfShanghaiDay(date) - (isoWeekday(date) - 1) * DAY;
  // The week belongs to the year of its Thursday.
  const year = Number(shanghaiDate(monday + 3 * DAY).slice(0, 4));
  const week = Math.round((monday - startOfShanghaiDay(firstMonday(year))) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The week before the one that holds the instant: on a Monday morning, the week the meeting talks about. */
export function lastWeekOf(epochMs: number): string {
  return weekOf(epochMs - 7 * DAY);
}

export function parseMonth(text: unknown): Period {
  const m = typeof text === 'string' ? MONTH.exec(text.trim()) : null;
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12)
    throw new ValidationError({
      message: '月份的写法是 年-月，如 2026-11',
      code: 'month_invalid',
      field: 'month',
      params: { month: String(text ?? '') },
    });
  const key = `${m[1]}-${m[2]}`;
  const start = startOfShanghaiDay(`${key}-01`);
  const next = month === 12 ? `${Number(m[1]) + 1}-01-01` : `${m[1]}-${String(month + 1).padStart(2, '0')}-01`;
  const end = startOfShanghaiDay(next);
  return { key, start, end, days: daysFrom(start, Math.round((end - start) / DAY)) };
}

export const monthOf = (epochMs: number) => shanghaiDate(epochMs).slice(0, 7);
