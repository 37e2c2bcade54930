/**
 * Whose birthday is today: from the profile, or else from a valid resident ID number. 29 February
 * birthdays are greeted on 28 February in common years (the day does not exist; a day late is worse).
 */
import { maskIdNumber } from '../shared/mask.js';
import { birthDateFromIdNumber, isCalendarDate } from './resident-id.js';
import type { BuyerProfile } from './buyer-directory.js';

export type BirthdaySource = 'profile' | 'id_number';

export interface BirthdayFinding {
  nick: string;
  /** YYYY-MM-DD */
  birthday: string | null;
  source: BirthdaySource | null;
  /** Masked ID number and why it was refused, when the ID was consulted and failed. */
  invalidId?: { masked: string; reason: string };
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function birthdayOf(p: BuyerProfile): BirthdayFinding {
  const profile = p.birthday?.trim();
  const m = profile ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(profile) : null;
  if (m && isCalendarDate(+m[1]!, +m[2]!, +m[3]!)) return { nick: p.nick, birthday: profile!, source: 'profile' };
  if (!p.idNumber) return { nick: p.nick, birthday: null, source: null };
  const fromId = birthDateFromIdNumber(p.idNumber);
  if (fromId.ok) return { nick: p.nick, birthday: fromId.date, source: 'id_number' };
  return {
    nick: p.nick,
    birthday: null,
    source: null,
    invalidId: { masked: maskIdNumber(p.idNumber), reason: fromId.reason },
  };
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
