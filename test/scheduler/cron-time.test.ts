import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lastCronDue, nextCronRun, parseCron } from '../../src/scheduler/cron-time.js';
import { parseInstant, toInstant } from '../../src/shared/time.js';
import { nextRunsFrom, nodeCronAgreement } from './support/next-runs.js';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
// Saturday 2026-11-21 08:59:30 in Shanghai = Friday 16:59:30 in Los Angeles, 00:59:30 UTC.
const FROM = '2026-11-21T08:59:30.000+08:00';

const EXPECTED: Record<string, { next: string; lastDue: string }> = {
  'order-sync': { next: '2026-11-21T09:00:00.000+08:00', lastDue: '2026-11-21T08:55:00.000+08:00' },
  'logistics-refresh': { next: '2026-11-21T09:00:00.000+08:00', lastDue: '2026-11-21T08:30:00.000+08:00' },
  'payment-reminders': { next: '2026-11-21T09:00:00.000+08:00', lastDue: '2026-11-21T08:50:00.000+08:00' },
  'birthday-greetings': { next: '2026-11-21T09:00:00.000+08:00', lastDue: '2026-11-20T09:00:00.000+08:00' },
  'stuck-parcels': { next: '2026-11-21T10:00:00.000+08:00', lastDue: '2026-11-20T16:00:00.000+08:00' },
  'transfer-checks': { next: '2026-11-21T10:00:00.000+08:00', lastDue: '2026-11-20T10:00:00.000+08:00' },
  'transfer-register': { next: '2026-11-21T22:30:00.000+08:00', lastDue: '2026-11-20T22:30:00.000+08:00' },
  'refund-register': { next: '2026-11-21T17:30:00.000+08:00', lastDue: '2026-11-20T17:30:00.000+08:00' },
  'returns-sync': { next: '2026-11-21T09:00:00.000+08:00', lastDue: '2026-11-21T08:30:00.000+08:00' },
  'revisit-list': { next: '2026-11-21T09:00:00.000+08:00', lastDue: '2026-11-20T09:00:00.000+08:00' },
  'handover-day': { next: '2026-11-21T16:15:00.000+08:00', lastDue: '2026-11-20T16:15:00.000+08:00' },
  'handover-night': { next: '2026-11-21T23:00:00.000+08:00', lastDue: '2026-11-20T23:00:00.000+08:00' },
};

describe('cron expressions in shop time', () => {
  it('when the host runs in Los Angeles, then every default schedule resolves in Asia/Shanghai', () => {
    expect(new Date(parseInstant(FROM)).getTimezoneOffset()).toBe(480); // the suite's far-away zone
    expect(nextRunsFrom(parseInstant(FROM))).toEqual(EXPECTED);
  });

  it.each(['UTC', 'America/New_York'])('when the host runs in %s, then the same runs come out', async (tz) => {
    const { stdout } = await run(
      `${ROOT}node_modules/.bin/vite-node`,
      ['test/scheduler/support/next-runs.ts', '--print', FROM],
      {
        cwd: ROOT,
        env: { ...process.env, TZ: tz },
        timeout: 60_000,
      },
    );
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(out.tz).toBe(tz);
    expect(out.hostOffset).toBe(tz === 'UTC' ? 0 : 300);
    expect(out.runs).toEqual(EXPECTED);
    for (const v of Object.values(out.nodeCron) as { nodeCron: string; ours: string }[])
      expect(v.nodeCron).toBe(v.ours);
  });

  it('when node-cron schedules with timezone Asia/Shanghai, then its next run is the one we compute', async () => {
    const agreement = await nodeCronAgreement();
    expect(Object.keys(agreement)).toHaveLength(12);
    for (const v of Object.values(agreement)) expect(v.nodeCron).toBe(v.ours);
  });

  it('when a run is due exactly now, then next is the following one and last due is now', () => {
    const at = parseInstant('2026-11-23T20:00:00+08:00');
    expect(toInstant(nextCronRun('0 20 * * *', at)!)).toBe('2026-11-24T20:00:00.000+08:00');
    expect(toInstant(lastCronDue('0 20 * * *', at)!)).toBe('2026-11-23T20:00:00.000+08:00');
  });

  it('when an expression names weekdays or months, then they are matched on the Shanghai calendar', () => {
    // 2026-11-23 is a Monday in Shanghai while it is still Sunday in Los Angeles.
    const sundayInLa = parseInstant('2026-11-23T01:00:00+08:00');
    expect(toInstant(nextCronRun('0 9 * * 1', sundayInLa)!)).toBe('2026-11-23T09:00:00.000+08:00');
    expect(toInstant(lastCronDue('0 9 * * 0', sundayInLa)!)).toBe('2026-11-22T09:00:00.000+08:00');
    expect(toInstant(nextCronRun('30 22 29 2 *', sundayInLa)!)).toBe('2028-02-29T22:30:00.000+08:00');
  });

  it('when an expression is invalid or uses L / #, then it is refused', () => {
    expect(() => parseCron('61 * * * *')).toThrow(RangeError);
    expect(() => parseCron('0 9 * * 1#2')).toThrow(/not supported/);
  });
});
