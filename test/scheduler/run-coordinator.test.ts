import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Job, JobContext, JobRun } from '../../src/scheduler/job.js';
import { createLocalRunCoordinator, type RunCoordinator } from '../../src/scheduler/run-coordinator.js';
import { startScheduler } from '../../src/scheduler/scheduler.js';
import { createLogger, silentLogger } from '../../src/shared/logger.js';
import { fixedClock, parseInstant } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { coordinatedCron } from './support/coordinated-cron.js';

const job = (seen: JobContext[], over: Partial<Job> = {}): Job => ({
  name: 'daily-report',
  schedule: '0 9 * * *',
  description: '',
  run: async (ctx) => {
    seen.push(ctx!);
    return { sent: 1 };
  },
  ...over,
});

/** The local coordinator, with what the scheduler told it kept for the test to read. */
function recording() {
  const local = createLocalRunCoordinator();
  const finished: { job: string; slot: string; run: JobRun }[] = [];
  const manual: { run: JobRun; instanceId: string }[] = [];
  const coordinator: RunCoordinator = {
    ...local,
    finish: async (j, slot, run) => void finished.push({ job: j, slot, run }),
    recordManual: async (run, instanceId) => void manual.push({ run, instanceId }),
  };
  return { coordinator, finished, manual };
}

describe('run coordinator (one process)', () => {
  it('when the local coordinator is asked twice for one slot, then only the first claim wins, per job', async () => {
    const c = createLocalRunCoordinator();
    const claim = (j: string, slot: string) =>
      c.claim({ job: j, slot, instanceId: 'a', reason: 'scheduled', at: slot });
    expect(await claim('sync', '2026-11-23T09:00:00.000+08:00')).toBe(true);
    // the same instant written in UTC is the same slot
    expect(await claim('sync', '2026-11-23T01:00:00.000Z')).toBe(false);
    expect(await claim('report', '2026-11-23T09:00:00.000+08:00')).toBe(true);
    expect(await claim('sync', '2026-11-23T09:05:00.000+08:00')).toBe(true);
  });

  it('when node-cron fires a slot, then the scheduler claims it, runs it for that due time and reports the outcome', async () => {
    const seen: JobContext[] = [];
    const rec = recording();
    const cron = coordinatedCron();
    const s = startScheduler([job(seen)], {
      clock: fixedClock('2026-11-23T09:00:01+08:00'),
      logger: silentLogger(),
      runs: createMemoryStore().log('job-runs'),
      cron: cron.driver,
      coordinator: rec.coordinator,
      instanceId: 'host-a:1',
    });
    await s.ready;
    expect(await cron.fire('daily-report', '2026-11-23T09:00:00+08:00')).toBe(true);
    // the same slot again (a catch-up made it, or a second fire): not run twice
    expect(await cron.fire('daily-report', '2026-11-23T09:00:00+08:00')).toBe(false);
    expect(seen).toEqual([{ dueAt: parseInstant('2026-11-23T09:00:00+08:00'), reason: 'scheduled' }]);
    expect(rec.finished).toMatchObject([
      { job: 'daily-report', slot: '2026-11-23T09:00:00.000+08:00', run: { outcome: 'ok', counts: { sent: 1 } } },
    ]);
    await s.runNow('daily-report');
    expect(rec.manual).toMatchObject([{ run: { reason: 'manual', outcome: 'ok' }, instanceId: 'host-a:1' }]);
  });

  it('when the service starts inside the catch-up window, then the made-up run holds its slot and the fire of that slot does not run again', async () => {
    const seen: JobContext[] = [];
    const cron = coordinatedCron();
    const s = startScheduler([job(seen, { catchUpMinutes: 60 })], {
      clock: fixedClock('2026-11-23T09:00:00.200+08:00'),
      logger: silentLogger(),
      runs: createMemoryStore().log('job-runs'),
      cron: cron.driver,
    });
    expect(await s.ready).toHaveLength(1);
    expect(await cron.fire('daily-report', '2026-11-23T09:00:00+08:00')).toBe(false);
    expect(seen.map((c) => c.reason)).toEqual(['catch-up']);
  });

  it('when a claimed slot runs, then it beats for its slot until it ends, and a manual run does not', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    onTestFinished(() => void vi.useRealTimers());
    const beats: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const seen: JobContext[] = [];
    const cron = coordinatedCron();
    const slow = job(seen, {
      run: async (ctx) => {
        seen.push(ctx!);
        if (ctx!.reason !== 'manual') await gate;
        return {};
      },
    });
    const s = startScheduler([slow], {
      clock: fixedClock('2026-11-23T09:00:01+08:00'),
      logger: silentLogger(),
      runs: createMemoryStore().log('job-runs'),
      cron: cron.driver,
      coordinator: { ...createLocalRunCoordinator(), heartbeat: async (j, slot) => void beats.push(`${j} ${slot}`) },
      heartbeatMs: 5,
    });
    const fired = cron.fire('daily-report', '2026-11-23T09:00:00+08:00');
    while (seen.length === 0) await new Promise((r) => setImmediate(r));
    vi.advanceTimersByTime(12);
    expect(beats).toEqual(Array(2).fill('daily-report 2026-11-23T09:00:00.000+08:00'));
    release();
    await fired;
    // a timer left running would go on beating; the manual run (no slot) starts none
    const manual = s.runNow('daily-report');
    vi.advanceTimersByTime(50);
    await manual;
    vi.advanceTimersByTime(50);
    expect(beats).toHaveLength(2);
  });

  it('when the coordinator cannot answer, then the slot is not run (never twice) and the error is logged', async () => {
    const seen: JobContext[] = [];
    const lines: string[] = [];
    const logger = createLogger({ level: 'error', destination: { write: (line: string) => void lines.push(line) } });
    const cron = coordinatedCron();
    const s = startScheduler([job(seen)], {
      clock: fixedClock('2026-11-23T09:00:01+08:00'),
      logger,
      runs: createMemoryStore().log('job-runs'),
      cron: cron.driver,
      coordinator: {
        ...createLocalRunCoordinator(),
        claim: async () => {
          throw new Error('connection refused');
        },
      },
    });
    await s.ready;
    expect(await cron.fire('daily-report', '2026-11-23T09:00:00+08:00')).toBe(false);
    expect(seen).toEqual([]);
    expect(lines.map((l) => JSON.parse(l))).toMatchObject([
      {
        msg: 'run coordinator did not answer; the slot is skipped here',
        job: 'daily-report',
        err: { message: 'connection refused' },
      },
    ]);
  });
});
