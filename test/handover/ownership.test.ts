import { describe, expect, it } from 'vitest';
import { ownerOf } from '../../src/handover/ownership.js';
import { defaultJobsConfig } from '../../src/operations/jobs-config.js';
import { DEMO_ROSTER, type Roster } from '../../src/roster/index.js';
import { parseInstant } from '../../src/shared/time.js';

const at = (local: string) => parseInstant(`${local}+08:00`);
const staff = new Set(['xiaoli', 'azhang', 'xiaozhou', 'admin']);
const known = (u: string) => staff.has(u);
// Friday 2026-11-20: 小丽 and 小周 on the day shift, 阿张 on the night shift.
const roster: Roster = DEMO_ROSTER;

describe('the owner rule table', () => {
  it('when the rule names a colleague, then it is them, unless they have no account (then whoever is on duty)', () => {
    expect(ownerOf({ rule: 'named', person: 'azhang', due: at('2026-11-20T10:00:00') }, roster, known)).toBe('azhang');
    expect(ownerOf({ rule: 'named', person: 'xiaolin', due: at('2026-11-20T10:00:00') }, roster, known)).toBe('xiaoli');
  });

  it('when an order follow-up has nobody who acted on the order, then whoever is on duty when it is due takes it', () => {
    expect(ownerOf({ rule: 'last_actor', person: 'xiaozhou', due: at('2026-11-20T19:00:00') }, roster, known)).toBe(
      'xiaozhou',
    );
    expect(ownerOf({ rule: 'last_actor', person: null, due: at('2026-11-20T19:00:00') }, roster, known)).toBe('azhang');
    // at 02:00 nobody works: the first on duty after it (the day shift at 09:00)
    expect(ownerOf({ rule: 'last_actor', due: at('2026-11-21T02:00:00') }, roster, known)).toBe('xiaoli');
  });

  it('when it is money, then the keeper; when it is a review, then whoever works the next repair window', () => {
    expect(ownerOf({ rule: 'keeper', due: at('2026-11-20T10:00:00') }, roster, known)).toBe('xiaozhou');
    const windows = defaultJobsConfig().reviewWindows;
    const repair = (due: number, r: Roster = roster) => ownerOf({ rule: 'repair_window', due }, r, known, windows);
    // 10:00: the 11:00 window is the day shift's
    expect(repair(at('2026-11-20T10:00:00'))).toBe('xiaoli');
    // 17:00: the 20:00 window, the night shift's
    expect(repair(at('2026-11-20T17:00:00'))).toBe('azhang');
    // after 21:00 it is the next morning's window: whoever is on duty at 11:00 on 11-21
    expect(repair(at('2026-11-20T21:30:00'))).toBe(
      ownerOf({ rule: 'on_duty', due: at('2026-11-21T11:00:00') }, roster, known),
    );
    // 阿张 off on 11-21 and 小丽 swapped onto the night: the call is hers
    const swapped: Roster = {
      ...roster,
      exceptions: [
        { date: '2026-11-21', username: 'azhang', duty: 'off' },
        { date: '2026-11-21', username: 'xiaoli', duty: 'night' },
      ],
    };
    expect(repair(at('2026-11-21T17:00:00'), swapped)).toBe('xiaoli');
  });

  it('when nobody is rostered at all, then every item still has an owner: the keeper', () => {
    const empty: Roster = { ...roster, people: [], exceptions: [] };
    for (const rule of ['named', 'last_actor', 'repair_window', 'on_duty'] as const)
      expect(ownerOf({ rule, due: at('2026-11-20T10:00:00') }, empty, known)).toBe('xiaozhou');
  });
});
