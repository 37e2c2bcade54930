/**
 * A day's duty has one list of names (roster/roster.ts DUTY_LABELS): the roster's shifts, the handover's titles and
 * the console's 排班 and 交接班 pages (via GET /api/labels) read it.
 */
import { describe, expect, it } from 'vitest';
import { DUTIES, DUTY_LABELS, HANDBOOK_SHIFTS } from '../../src/roster/index.js';
import { SHIFT_TEXT } from '../../src/handover/index.js';
import { labels } from '../../src/service/labels-router.js';
import { copiesOutside } from '../support/literal-copies.js';

describe('duty names', () => {
  it('when the source is searched, then no file but roster.ts spells the name of a shift or a day off', () => {
    expect(copiesOutside(Object.values(DUTY_LABELS), ['src/roster/roster.ts'])).toEqual({});
  });

  it('when the roster, the handover and the labels name a duty, then they use the one list', () => {
    expect(Object.keys(DUTY_LABELS)).toEqual([...DUTIES]);
    expect(HANDBOOK_SHIFTS.day.label).toBe(DUTY_LABELS.day);
    expect(SHIFT_TEXT).toEqual({ day: DUTY_LABELS.day, night: DUTY_LABELS.night });
    expect(labels().duties).toEqual(DUTY_LABELS);
  });
});
