import { parseInstant, shanghaiDate } from '../../shared/time.js';

/** Calendar arithmetic on 'YYYY-MM-DD' strings, free of the host's zone. */
const dayNumbers = new Map<string, number>();

export function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const createdDays = new Map<string, string>();
const createdDayNumbers = new Map<string, number>();

/** Shanghai calendar day an order was created (cached: the same instants are asked for again and again). */
export function createdDay(createdAt: string): string {
  let day = createdDays.get(createdAt);
  if (day === undefined) {
    day = shanghaiDate(parseInstant(createdAt));
    if (createdDays.size > 200_000) createdDays.clear();
    createdDays.set(createdAt, day);
  }
  return day;
}

/**
 * Could this credit be for an order created then? A day of slack before creation covers a buyer who paid
 * late at night and told staff the next morning.
 */
export function existedBy(rowDate: string, createdAt: string): boolean {
  let created = createdDayNumbers.get(createdAt);
  if (created === undefined) {
    created = dayNumber(createdDay(createdAt));
    if (createdDayNumbers.size > 200_000) createdDayNumbers.clear();
    createdDayNumbers.set(createdAt, created);
  }
  return dayNumber(rowDate) - created >= -1;
}

/** The credit came within the window after the order was created. */
export function withinCreationWindow(rowDate: string, createdAt: string, windowDays: number): boolean {
  const d = daysBetween(createdDay(createdAt), rowDate);
  return d >= -1 && d <= windowDays;
}
