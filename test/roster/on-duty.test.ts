import { describe, expect, it } from 'vitest';
import {
  breaksOf,
  DEMO_ROSTER,
  nextOnDuty,
  onDuty,
  rosterOn,
  rosterSchema,
  shiftOf,
  tenOnTwoOff,
  type Roster,
} from '../../src/roster/index.js';
import { parseInstant } from '../../src/shared/time.js';

const at = (local: string) => parseInstant(`${local}+08:00`);
const roster: Roster = {
  ...DEMO_ROSTER,
  people: [
    { username: 'xiaoli', pattern: tenOnTwoOff('day', '2026-11-01') },
    {
      username: 'azhang',
      pattern: { kind: 'weekly', days: ['night', 'night', 'off', 'night', 'night', 'day', 'off'] },
    },
  ],
  exceptions: [{ date: '2026-11-25', username: 'azhang', duty: 'day', note: '和小丽换班' }],
};

describe('roster', () => {
  it('when the rota is ten days on and two off, then days 11 and 12 of each cycle are rest days, before and after its start', () => {
    const days = Array.from({ length: 24 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
    const off = days.filter((d) => shiftOf(roster, 'xiaoli', d) === null);
    expect(off).toEqual(['2026-11-11', '2026-11-12', '2026-11-23', '2026-11-24']);
    // the cycle runs backwards from its start too: 2026-10-30 and -31 are the rest days before it
    expect(shiftOf(roster, 'xiaoli', '2026-10-31')).toBeNull();
    expect(shiftOf(roster, 'xiaoli', '2026-10-29')).toBe('day');
  });

  it('when a weekly pattern has an exception on a date, then the exception wins on that date only', () => {
    // 2026-11-23 is a Monday
    expect(shiftOf(roster, 'azhang', '2026-11-23')).toBe('night');
    expect(shiftOf(roster, 'azhang', '2026-11-24')).toBe('night');
    expect(shiftOf(roster, 'azhang', '2026-11-25')).toBe('day'); // Wednesday is off in the pattern
    expect(shiftOf(roster, 'azhang', '2026-11-28')).toBe('day'); // Saturday
    expect(shiftOf(roster, 'azhang', '2026-11-29')).toBeNull(); // Sunday
    expect(shiftOf(roster, 'nobody', '2026-11-23')).toBeNull();
    expect(rosterOn(roster, '2026-11-25')).toEqual({ day: ['xiaoli', 'azhang'], night: [] });
  });

  it('when asked at an instant, then only people whose shift period holds it (Shanghai time) are on duty', () => {
    expect(onDuty(roster, at('2026-11-20T09:00:00'))).toEqual(['xiaoli']);
    expect(onDuty(roster, at('2026-11-20T12:10:00'))).toEqual([]); // the day shift's break
    expect(onDuty(roster, at('2026-11-20T16:15:00'))).toEqual(['xiaoli', 'azhang']); // handover overlap (Friday)
    expect(onDuty(roster, at('2026-11-20T17:45:00'))).toEqual([]); // the night shift's break
    expect(onDuty(roster, at('2026-11-20T22:59:00'))).toEqual(['azhang']);
    expect(onDuty(roster, at('2026-11-20T23:00:00'))).toEqual([]);
    // 01:00 UTC is 09:00 in Shanghai: the host's zone plays no part
    expect(onDuty(roster, Date.parse('2026-11-20T01:00:00Z'))).toEqual(['xiaoli']);
  });

  it('when nobody is on duty, then the next person on duty is the first one rostered after it', () => {
    expect(nextOnDuty(roster, at('2026-11-20T23:30:00'))).toEqual({
      at: at('2026-11-21T09:00:00'),
      usernames: ['xiaoli', 'azhang'],
    });
    expect(nextOnDuty(roster, at('2026-11-20T12:10:00'))!.at).toBe(at('2026-11-20T12:30:00'));
    expect(nextOnDuty({ ...roster, people: [], exceptions: [] }, at('2026-11-20T12:10:00'))).toBeNull();
  });

  it('when shifts are read, then their breaks are the gaps between their periods', () => {
    expect(breaksOf(roster.shifts.day.periods)).toEqual([{ start: '12:00', end: '12:30' }]);
    expect(breaksOf(roster.shifts.night.periods)).toEqual([{ start: '17:30', end: '18:00' }]);
  });

  it('when a roster is malformed, then the schema refuses it', () => {
    const bad = (patch: Partial<Roster>) => rosterSchema.safeParse({ ...DEMO_ROSTER, ...patch }).success;
    expect(bad({})).toBe(true);
    expect(
      bad({ shifts: { ...DEMO_ROSTER.shifts, day: { label: '白班', periods: [{ start: '12:00', end: '09:00' }] } } }),
    ).toBe(false);
    expect(bad({ people: [DEMO_ROSTER.people[0]!, DEMO_ROSTER.people[0]!] })).toBe(false);
    expect(bad({ people: [{ username: 'x', pattern: { kind: 'weekly', days: ['day'] } }] })).toBe(false);
  });
});
