/**
 * The roster for the rest of the service: the current one, who is on duty now, and replacing it (every
 * username must be a staff account, so an owner the handover names can always log in and close the item).
 */
import type { User } from '../accounts/index.js';
import { ValidationError } from '../shared/errors.js';
import { shanghaiDate, type Clock } from '../shared/time.js';
import { breaksOf, onDuty, rosterOn } from './on-duty.js';
import { rosterSchema, SHIFT_NAMES, type Roster } from './roster.js';
import type { RosterRepository } from './roster-repository.js';

export interface StaffList {
  list(): readonly { username: string; displayName: string }[];
}

export function createRosterService(deps: { repo: RosterRepository; clock: Clock; staff: StaffList }) {
  const { repo, clock, staff } = deps;
  const nameOf = (username: string) => staff.list().find((s) => s.username === username)?.displayName ?? username;
  return {
    get: () => repo.get(),
    nameOf,
    /** The roster with today's line-up and who is on duty now, for GET /api/roster and the console. */
    view() {
      const roster = repo.get();
      const now = clock.now();
      const date = shanghaiDate(now);
      return {
        roster,
        breaks: Object.fromEntries(SHIFT_NAMES.map((s) => [s, breaksOf(roster.shifts[s].periods)])),
        today: { date, ...rosterOn(roster, date) },
        onDuty: onDuty(roster, now),
        staff: staff.list().map((s) => ({ username: s.username, displayName: s.displayName })),
      };
    },
    async replace(input: unknown, user: User) {
      const roster: Roster = rosterSchema.parse(input);
      const known = new Set(staff.list().map((s) => s.username));
      const check = (username: string, field: string) => {
        if (!known.has(username))
          throw new ValidationError({
            message: `没有账号为“${username}”的员工，请先在配置里添加`,
            code: 'unknown_staff',
            field,
            params: { username },
          });
      };
      check(roster.keeper, 'keeper');
      roster.people.forEach((p, i) => check(p.username, `people.${i}.username`));
      roster.exceptions.forEach((e, i) => check(e.username, `exceptions.${i}.username`));
      return repo.save(roster, user.username);
    },
  };
}

export type RosterService = ReturnType<typeof createRosterService>;
