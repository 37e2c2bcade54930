/**
 * Whose birthday is today: the date on the buyer's profile (typed by staff, or read from the ID number the buyer gave
 * when it was recorded; the number itself is not kept). 29 February birthdays are greeted on 28 February in common
 * years (the day does not exist; a day late is worse).
 */
import { isCalendarDate } from './resident-id.js';
import type { BuyerProfile } from './buyer-directory.js';

export type BirthdaySource = 'profile' | 'id_number';

export interface BirthdayFinding {
  nick: string;
  /** YYYY-MM-DD */
  birthday: string | null;
  source: BirthdaySource | null;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function birthdayOf(p: BuyerProfile): BirthdayFinding {
  const date = p.birthday?.trim();
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m || !isCalendarDate(+m[1]!, +m[2]!, +m[3]!)) return { nick: p.nick, birthday: null, source: null };
  return { nick: p.nick, birthday: date!, source: p.source === 'id_number' ? 'id_number' : 'profile' };
}

/** Is `birthday` (YYYY-MM-DD) celebrated on `today` (YYYY-MM-DD)? */
export function isBirthdayOn(birthday: string, today: string): boolean {
  const bm = birthday.slice(5, 7);
  const bd = birthday.slice(8, 10);
  const year = Number(today.slice(0, 4));
  const tm = today.slice(5, 7);
  const td = today.slice(8, 10);
  if (bm === '02' && bd === '29' && !isLeap(year)) return tm === '02' && td === '28';
  return bm === tm && bd === td;
}
