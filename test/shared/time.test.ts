import { describe, expect, it } from 'vitest';
import {
  formatShanghaiDate,
  formatTopTime,
  parseInstant,
  parseTopTime,
  shanghaiDate,
  toInstant,
} from '../../src/shared/time.js';

describe('shop time is Asia/Shanghai whatever the host zone', () => {
  it('when an instant has no offset, then it is read as shop time, not host time', () => {
    expect(parseInstant('2026-11-23T10:00:00')).toBe(Date.parse('2026-11-23T02:00:00Z'));
    expect(parseInstant('2026-11-23')).toBe(Date.parse('2026-11-22T16:00:00Z'));
    expect(parseInstant('2026-11-23T10:00:00+08:00')).toBe(Date.parse('2026-11-23T02:00:00Z'));
    expect(parseInstant('2026-11-23T02:00:00Z')).toBe(Date.parse('2026-11-23T02:00:00Z'));
    expect(() => parseInstant('yesterday')).toThrow(/ISO-8601/);
  });

  it('when 23:30 and 00:30 Shanghai are formatted, then the Shanghai calendar day is used', () => {
    const lateNight = Date.parse('2026-11-23T15:30:00Z'); // 23:30 in Shanghai
    const afterMidnight = Date.parse('2026-11-23T16:30:00Z'); // 00:30 on the 24th
    expect(formatShanghaiDate(lateNight, 'MM.DD')).toBe('11.23');
    expect(formatShanghaiDate(afterMidnight, 'MM.DD')).toBe('11.24');
    expect(shanghaiDate(afterMidnight)).toBe('2026-11-24');
    expect(formatTopTime(afterMidnight)).toBe('2026-11-24 00:30:00');
    expect(parseTopTime('2026-11-24 00:30:00')).toBe(afterMidnight);
    for (const bad of [
      '2026-11-23 25:30:45',
      '2026-11-31 10:00:00',
      '2026-02-29 10:00:00',
      '2026-13-01 10:00:00',
      '2026-11-23 10:60:00',
    ]) {
      expect(() => parseTopTime(bad), bad).toThrow(/no such date or time/);
    }
    expect(toInstant(parseTopTime('2028-02-29 23:59:59'))).toBe('2028-02-29T23:59:59.000+08:00');
    expect(toInstant(parseTopTime('2000-02-29 08:00:00'))).toBe('2000-02-29T08:00:00.000+08:00');
    expect(() => parseTopTime('2100-02-29 08:00:00')).toThrow(/no such date/);
    // Date.UTC reads years 0–99 as 1900–1999: a placeholder time is refused, never moved 1900 years.
    for (const placeholder of ['0001-01-01 00:00:00', '0000-02-29 00:00:00', '0999-12-31 23:59:59']) {
      expect(() => parseTopTime(placeholder), placeholder).toThrow(/no such date or time/);
    }
    expect(
      ['2026-04-30', '2026-04-31', '2026-12-31', '2026-00-10'].map((d) => {
        try {
          parseTopTime(`${d} 12:00:00`);
          return true;
        } catch {
          return false;
        }
      }),
    ).toEqual([true, false, true, false]);
    expect(toInstant(afterMidnight)).toBe('2026-11-24T00:30:00.000+08:00');
  });
});
