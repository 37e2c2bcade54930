/** Quiet hours and send windows at their boundaries, in Shanghai time (tests run in Los Angeles). */
import { describe, expect, it } from 'vitest';
import { messagingConfigSchema } from '../../../src/messaging/messaging-config.js';
import { isWithin, nextAllowedAt, nextDayOpening, windowFor } from '../../../src/messaging/policy/send-windows.js';
import { parseInstant, toInstant } from '../../../src/shared/time.js';

const settings = messagingConfigSchema.parse({});
const at = (hhmm: string, day = '2026-11-23') => parseInstant(`${day}T${hhmm}:00.000+08:00`);
const normal = windowFor('payment-reminder-first', false, settings).window;
const repair = windowFor('review-repair', false, settings).window;
const marketing = windowFor('birthday', true, settings).window;

describe('send windows', () => {
  const table: [string, typeof normal, string, boolean][] = [
    ['normal', normal, '08:59', false],
    ['normal', normal, '09:00', true],
    ['normal', normal, '20:59', true],
    ['normal', normal, '21:00', false],
    ['normal', normal, '00:00', false],
    ['normal', normal, '12:00', true],
    ['review-repair', repair, '19:59', false],
    ['review-repair', repair, '20:00', true],
    ['review-repair', repair, '20:59', true],
    ['review-repair', repair, '21:00', false],
    ['marketing', marketing, '07:59', false],
    ['marketing', marketing, '08:00', true],
    ['marketing', marketing, '21:59', true],
    ['marketing', marketing, '22:00', false],
  ];
  for (const [name, window, hhmm, allowed] of table) {
    it(`when a ${name} message is due at ${hhmm} Shanghai time, then it is ${allowed ? 'allowed' : 'held back'}`, () => {
      expect(isWithin(at(hhmm), window)).toBe(allowed);
    });
  }

  it('when the kinds are looked up, then review repair and marketing have their own windows and the rest avoid 21:00–09:00', () => {
    expect(windowFor('review-repair', false, settings)).toEqual({
      name: 'review-repair',
      window: { start: '20:00', end: '21:00' },
    });
    expect(windowFor('birthday', true, settings)).toEqual({
      name: 'marketing',
      window: { start: '08:00', end: '22:00' },
    });
    expect(windowFor('logistics-stuck', false, settings)).toEqual({
      name: 'normal',
      window: { start: '09:00', end: '21:00' },
    });
  });

  it('when a normal message is due at 21:00, then it waits until 09:00 the next morning', () => {
    expect(toInstant(nextAllowedAt(at('21:00'), normal))).toBe('2026-11-24T09:00:00.000+08:00');
  });

  it('when a normal message is due at 02:30, then it waits until 09:00 the same day', () => {
    expect(toInstant(nextAllowedAt(at('02:30'), normal))).toBe('2026-11-23T09:00:00.000+08:00');
  });

  it('when a review repair is due at 10:00, then it waits for 20:00 that evening; due at 21:00, for 20:00 the next day', () => {
    expect(toInstant(nextAllowedAt(at('10:00'), repair))).toBe('2026-11-23T20:00:00.000+08:00');
    expect(toInstant(nextAllowedAt(at('21:00'), repair))).toBe('2026-11-24T20:00:00.000+08:00');
  });

  it('when a time inside the window is given, then it is kept as it is', () => {
    expect(nextAllowedAt(at('20:59'), normal)).toBe(at('20:59'));
  });

  it('when a message may not go again today, then the next opening is the next Shanghai day at the window start', () => {
    expect(toInstant(nextDayOpening(at('10:00'), normal))).toBe('2026-11-24T09:00:00.000+08:00');
    // 23:30 Shanghai is still "today"; the host zone (Los Angeles) must not shift the day.
    expect(toInstant(nextDayOpening(at('23:30'), marketing))).toBe('2026-11-24T08:00:00.000+08:00');
  });

  it('when quiet hours are configured differently, then the normal window follows them', () => {
    const custom = messagingConfigSchema.parse({ quietHours: { start: '22:30', end: '08:30' } });
    const w = windowFor('logistics-shipped', false, custom).window;
    expect(isWithin(at('08:29'), w)).toBe(false);
    expect(isWithin(at('08:30'), w)).toBe(true);
    expect(isWithin(at('22:29'), w)).toBe(true);
    expect(isWithin(at('22:30'), w)).toBe(false);
  });
});
