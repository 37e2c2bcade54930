/** ISO weeks and months in Shanghai days: the week's bounds, the year's first week, 53-week years, refusals. */
import { describe, expect, it } from 'vitest';
import { lastWeekOf, parseMonth, parseWeek, weekOf } from '../../src/summary/index.js';
import { parseInstant, toInstant } from '../../src/shared/time.js';

describe('ISO weeks in Asia/Shanghai', () => {
  it('when 2026-W48 is asked for, then it runs from Monday 23 November 00:00 to the next Monday 00:00 Shanghai time', () => {
    const w = parseWeek('2026-W48');
    expect(toInstant(w.start)).toBe('2026-11-23T00:00:00.000+08:00');
    expect(toInstant(w.end)).toBe('2026-11-30T00:00:00.000+08:00');
    expect(w.days).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
  });

  it('when a year starts mid-week, then week 1 is the week of 4 January, and late December may belong to next year', () => {
    expect(parseWeek('2027-W01').days[0]).toBe('2027-01-04');
    expect(parseWeek('2026-W01').days[0]).toBe('2025-12-29');
    expect(weekOf(parseInstant('2025-12-31T12:00:00+08:00'))).toBe('2026-W01');
    expect(weekOf(parseInstant('2027-01-03T23:59:00+08:00'))).toBe('2026-W53');
    expect(parseWeek('2026-W53').days[6]).toBe('2027-01-03');
  });

  it('when Monday 00:30 in Shanghai is Sunday in UTC, then the instant is in the Shanghai week, and last week is the one before', () => {
    const mondayEarly = parseInstant('2026-11-30T00:30:00+08:00'); // 2026-11-29T16:30Z, a Sunday in UTC
    expect(weekOf(mondayEarly)).toBe('2026-W49');
    expect(lastWeekOf(mondayEarly)).toBe('2026-W48');
  });

  it('when a week or month is written wrongly or does not exist, then it is refused in Chinese naming the field', () => {
    for (const bad of ['2026-48', '2026-W00', '2025-W53', 'W48', '', undefined])
      expect(() => parseWeek(bad)).toThrow(expect.objectContaining({ field: 'week', code: 'week_invalid' }));
    expect(() => parseWeek('2026-W54')).toThrow('周的写法是 年-W周');
    expect(() => parseMonth('2026-13')).toThrow(expect.objectContaining({ field: 'month' }));
    const feb = parseMonth('2028-02');
    expect(feb.days).toHaveLength(29);
    expect(toInstant(parseMonth('2026-12').end)).toBe('2027-01-01T00:00:00.000+08:00');
  });
});
