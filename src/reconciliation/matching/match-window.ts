import { parseInstant } from '../../shared/time.js';

/** Calendar arithmetic on 'YYYY-MM-DD' strings, free of the host's zone: days since 1970-01-01. */
export function dayNumber(date: string): number {
  const digit = (i: number) => date.charCodeAt(i) - 48;
  const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Day number (see dayNumber) of the Shanghai calendar day an instant falls on: the day an order was created. */
export function createdDayNumber(createdAt: string): number {
  // xiaoer stores instants with +08:00 (shared/time.ts toInstant): their first ten characters are the Shanghai day.
  if (
    createdAt.length >= 16 &&
    createdAt.endsWith('+08:00') &&
    createdAt.charCodeAt(4) === 45 &&
    createdAt.charCodeAt(7) === 45
  ) {
    return dayNumber(createdAt.slice(0, 10));
  }
  return Math.floor((parseInstant(createdAt) + 8 * 3_600_000) / 86_400_000);
}

/**
 * Could this credit be for an order created then? A day of slack before creation covers a buyer who paid
 * late at night and told staff the next morning. Both days are day numbers (see dayNumber).
 */
export function existedBy(rowDay: number, order: { readonly createdDayNo: number }): boolean {
  return rowDay - order.createdDayNo >= -1;
}

/** The credit came within the window after the order was created. */
export function withinCreationWindow(
  rowDay: number,
  order: { readonly createdDayNo: number },
  windowDays: number,
): boolean {
  const d = rowDay - order.createdDayNo;
  return d >= -1 && d <= windowDays;
}
