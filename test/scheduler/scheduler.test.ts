import { describe, expect, it } from 'vitest';
import type { Job, JobContext, JobRun } from '../../src/scheduler/job.js';
import { startScheduler, type CronDriver } from '../../src/scheduler/scheduler.js';
import { catchUpDecision } from '../../src/scheduler/catch-up.js';
import { UpstreamError } from '../../src/shared/errors.js';
import { silentLogger } from '../../src/shared/logger.js';
import { fixedClock, parseInstant, toInstant } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';

/** Ticks fired by hand instead of by node-cron. */
function manualCron() {
  const ticks = new Map<string, () => Promise<void>>();
  const options: { name: string; timezone: string; expression: string }[] = [];
  const driver: CronDriver = {
    schedule(expression, fn, opts) {
      ticks.set(opts.name, fn);
      options.push({ name: opts.name, timezone: opts.timezone, expression });
      return { stop: () => undefined };
    },
  };
  return { driver, tick: (name: string) => ticks.get(name)!(), options };
}

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}

const readAll = async (store: ReturnType<typeof createMemoryStore>) => {
  const out: JobRun[] = [];
  for await (const r of store.log<JobRun>('job-runs').read()) out.push(r);
  return out;
};

describe('scheduler', () => {
  it('when a tick comes while the job still runs, then the job is not started twice and the skip is recorded', async () => {
    const store = createMemoryStore();
    const clock = fixedClock('2026-11-23T10:00:00+08:00');
    const gate = deferred();
    let started = 0;
    const job: Job = {
      name: 'slow',
      schedule: '*/5 * * * *',
      description: '',
      run: async () => {
        started++;
        await gate.promise;
        return { done: 1 };
      },
    };
    const cron = manualCron();
    const s = startScheduler([job], {
      clock,
      logger: silentLogger(),
      runs: store.log('job-runs'),
      store,
      cron: cron.driver,
    });
    await s.ready;
    const first = cron.tick('slow');
    await cron.tick('slow');
    const manual = s.runNow('slow');
    expect((await s.list())[0]!.running).toBe(true);
    gate.release();
    await first;
    const joined = await manual;
    expect(started).toBe(1);
    expect(joined.outcome).toBe('ok');
    expect((await readAll(store)).map((r) => r.outcome)).toEqual(['skipped-overlap', 'ok']);
    expect(cron.options).toEqual([{ name: 'slow', timezone: 'Asia/Shanghai', expression: '*/5 * * * *' }]);
  });

  it('when a job fails, then the run is recorded with its error and the next run still happens', async () => {
    const store = createMemoryStore();
    const clock = fixedClock('2026-11-23T10:00:00+08:00');
    let calls = 0;
    const job: Job = {
      name: 'flaky',
      schedule: '0 10 * * *',
      description: '',
      run: async () => {
        if (++calls === 1) throw new Error('bank down for 13812345678');
        return { ok: 1 };
      },
    };
    const s = startScheduler([job], {
      clock,
      logger: silentLogger(),
      runs: store.log('job-runs'),
      store,
      autoStart: false,
    });
    const failed = await s.runNow('flaky');
    expect(failed).toMatchObject({ outcome: 'failed', error: 'bank down for 138****5678', reason: 'manual' });
    clock.advance(60_000);
    expect(await s.runNow('flaky')).toMatchObject({
      outcome: 'ok',
      counts: { ok: 1 },
      startedAt: '2026-11-23T10:01:00.000+08:00',
    });
    expect((await s.list())[0]).toMatchObject({
      name: 'flaky',
      timeZone: 'Asia/Shanghai',
      nextRun: '2026-11-24T10:00:00.000+08:00',
      lastRun: { outcome: 'ok' },
    });
    await expect(s.runNow('nope')).rejects.toMatchObject({ code: 'job_not_found', params: { name: 'nope' } });
  });

  it("when a job fails with an outside system's error, then the run records the sentence a person reads, not the system's English", async () => {
    const store = createMemoryStore();
    const job: Job = {
      name: 'sync',
      schedule: '0 10 * * *',
      description: '',
      run: async () => {
        throw new UpstreamError({
          upstream: 'taobao',
          code: 'request_failed',
          message: 'taobao: network error (ECONNRESET)',
          retriable: true,
        });
      },
    };
    const s = startScheduler([job], {
      clock: fixedClock('2026-11-23T10:00:00+08:00'),
      logger: silentLogger(),
      runs: store.log('job-runs'),
      store,
      autoStart: false,
    });
    expect(await s.runNow('sync')).toMatchObject({ outcome: 'failed', error: '淘宝平台暂时无法访问，请稍后再试' });
  });

  describe('catch-up of missed daily runs', () => {
    const daily = (seen: JobContext[], catchUpMinutes = 60): Job => ({
      name: 'review-repair',
      schedule: '0 20 * * *',
      description: '',
      catchUpMinutes,
      run: async (ctx) => {
        seen.push(ctx!);
        return {};
      },
    });

    it('when the service starts inside the window after a missed run, then the job runs once for that due time', async () => {
      const store = createMemoryStore();
      await store.log<JobRun>('job-runs').append({
        job: 'review-repair',
        startedAt: '2026-11-22T20:00:00.000+08:00',
        finishedAt: '2026-11-22T20:00:05.000+08:00',
        outcome: 'ok',
        counts: {},
        error: null,
      });
      const seen: JobContext[] = [];
      const clock = fixedClock('2026-11-23T20:40:00+08:00');
      const s = startScheduler([daily(seen)], {
        clock,
        logger: silentLogger(),
        runs: store.log('job-runs'),
        cron: manualCron().driver,
      });
      const made = await s.ready;
      expect(made).toHaveLength(1);
      expect(seen).toEqual([{ dueAt: parseInstant('2026-11-23T20:00:00+08:00'), reason: 'catch-up' }]);
      // a second start (same log) finds it up to date
      const again = startScheduler([daily(seen)], {
        clock,
        logger: silentLogger(),
        runs: store.log('job-runs'),
        cron: manualCron().driver,
      });
      expect(await again.ready).toEqual([]);
      expect(seen).toHaveLength(1);
    });

    it('when the service starts at 03:00 after a missed 20:00 run, then nothing is sent until the next window', async () => {
      const seen: JobContext[] = [];
      const store = createMemoryStore();
      const clock = fixedClock('2026-11-24T03:00:00+08:00');
      const s = startScheduler([daily(seen)], {
        clock,
        logger: silentLogger(),
        runs: store.log('job-runs'),
        store,
        cron: manualCron().driver,
      });
      expect(await s.ready).toEqual([]);
      expect(seen).toEqual([]);
      expect(catchUpDecision(daily(seen), null, clock.now())).toEqual({
        run: false,
        reason: 'outside-window',
        dueAt: parseInstant('2026-11-23T20:00:00+08:00'),
      });
    });

    it('when the last success is newer than the last due time, then there is nothing to catch up', () => {
      const job = { schedule: '0 9 * * *', catchUpMinutes: 720 };
      const now = parseInstant('2026-11-23T11:00:00+08:00');
      expect(catchUpDecision(job, parseInstant('2026-11-23T09:00:02+08:00'), now)).toMatchObject({
        run: false,
        reason: 'up-to-date',
      });
      expect(catchUpDecision(job, parseInstant('2026-11-22T09:00:02+08:00'), now)).toEqual({
        run: true,
        dueAt: parseInstant('2026-11-23T09:00:00+08:00'),
      });
      expect(catchUpDecision({ schedule: '*/5 * * * *' }, null, now)).toMatchObject({
        run: false,
        reason: 'no-catch-up',
      });
    });

    it('when the state is kept in the store, then a restart knows the last success without reading the log', async () => {
      const store = createMemoryStore();
      const clock = fixedClock('2026-11-23T20:01:00+08:00');
      const seen: JobContext[] = [];
      const first = startScheduler([daily(seen)], {
        clock,
        logger: silentLogger(),
        runs: store.log('job-runs'),
        store,
        cron: manualCron().driver,
      });
      await first.ready;
      expect(seen).toHaveLength(1);
      // an empty log proves the restart reads the kept state
      const second = startScheduler([daily(seen)], {
        clock,
        logger: silentLogger(),
        runs: createMemoryStore().log('job-runs'),
        store,
        cron: manualCron().driver,
      });
      expect(await second.ready).toEqual([]);
      expect((await second.list())[0]!.lastRun).toMatchObject({
        outcome: 'ok',
        reason: 'catch-up',
        startedAt: toInstant(clock.now()),
      });
    });
  });
});
