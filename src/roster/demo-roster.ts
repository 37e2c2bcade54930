/**
 * The sandbox shop's roster for its demo accounts (accounts.ts DEMO_ACCOUNTS): 小丽 on the day shift and 阿张 on
 * the night shift, each ten days on and two off with their rest days apart, 小周 (the keeper of money) on the day
 * shift Monday to Friday. The admin is not on the floor.
 */
import { HANDBOOK_SHIFTS, tenOnTwoOff, type Roster } from './roster.js';

export const DEMO_ROSTER: Roster = {
  shifts: HANDBOOK_SHIFTS,
  people: [
    { username: 'xiaoli', pattern: tenOnTwoOff('day', '2026-11-03') },
    { username: 'azhang', pattern: tenOnTwoOff('night', '2026-11-05') },
    { username: 'xiaozhou', pattern: { kind: 'weekly', days: ['day', 'day', 'day', 'day', 'day', 'off', 'off'] } },
  ],
  exceptions: [],
  keeper: 'xiaozhou',
};

/** A shop with no roster yet: the handbook's hours, nobody rostered, the given keeper. */
export function emptyRoster(keeper: string): Roster {
  return { shifts: HANDBOOK_SHIFTS, people: [], exceptions: [], keeper };
}
