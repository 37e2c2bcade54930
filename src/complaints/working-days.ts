/**
 * Working-day arithmetic for the complaint clocks: Saturday and Sunday are not working days, nor are
 * the configured public holidays. Dates are Shanghai calendar days (YYYY-MM-DD).
 */
import { DAY, shanghaiDate, startOfShanghaiDay } from '../shared/time.js';

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(startOfShanghaiDay(date) + 8 * 3600_000).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The n-th working day after `date` (not counting `date` itself). */
export function addWorkingDays(date: string, n: number, holidays: ReadonlySet<string>): string {
  let day = date;
  let left = n;
  while (left > 0) {
    day = shanghaiDate(startOfShanghaiDay(day) + DAY);
    if (isWorkingDay(day, holidays)) left--;
  }
  return day;
}

/**
 * "Within n working days" of an instant: until the end of the n-th working day after the day it
 * happened (opened Friday → Mon, Tue, Wed → due Wednesday 24:00; the same for Saturday).
 */
export function workingDayDeadline(epochMs: number, n: number, holidays: ReadonlySet<string>): number {
  return startOfShanghaiDay(addWorkingDays(shanghaiDate(epochMs), n, holidays)) + DAY;
}
