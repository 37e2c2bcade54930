/**
 * Several instances on one PostgreSQL database: the run coordinator's table lets each (job, slot) run once,
 * through node-cron 4's distributed mode, and catch-up after downtime reads what any instance recorded there.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, JobContext } from '../../src/scheduler/job.js';
import type { RunCoordinator } from '../../src/scheduler/run-coordinator.js';
import { nodeCronDriver, startScheduler, type Scheduler } from '../../src/scheduler/scheduler.js';
import { silentLogger } from '../../src/shared/logger.js';
import { fixedClock, parseInstant, systemClock, type Clock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { connectPostgres, createPostgresRunCoordinator, type Db } from '../../src/storage/postgres/index.js';
import { startMigratedPostgres, type TestPostgres } from '../support/postgres.js';
import { coordinatedCron } from './support/coordinated-cron.js';

let pg: TestPostgres;
const pools: Db[] = [];
const schedulers: Scheduler[] = [];

/** A migrated database of its own for each test, copied from one migrated once. */
const freshDatabase = (name: string) => pg.createDatabase(name, { template: 'migrated' });

/** One instance: its own pool, its own (empty) local store, the shared table as coordinator. */
function instance(
  url: string,
  id: string,
  jobs: Job[],
  opts: { clock: Clock; cron?: ReturnType<typeof coordinatedCron> },
) {
  const db = connectPostgres({ url, poolSize: 2 });
  pools.push(db);
  const coordinator: RunCoordinator = createPostgresRunCoordinator(db);
  const s = startScheduler(jobs, {
    clock: opts.clock,
    logger: silentLogger(),
    runs: createMemoryStore().log('job-runs'),
    cron: opts.cron?.driver ?? nodeCronDriver,
    coordinator,
    instanceId: id,
  });
  schedulers.push(s);
  return { s, db, coordinator, cron: opts.cron };
}

const counting = (seen: JobContext[], over: Partial<Job> = {}): Job => ({
  name: 'remark-outbox',
  schedule: '*/5 * * * *',
  description: '',
  run: async (ctx) => {
    seen.push(ctx!);
    return { n: 1 };
  },
  ...over,
});

beforeAll(async () => {
  pg = await startMigratedPostgres();
});
afterAll(async () => {
  await Promise.all(schedulers.map((s) => s.stop()));
  await Promise.all(pools.map((db) => db.destroy()));
  await pg?.stop();
});

describe('run coordinator on PostgreSQL', () => {
  it('when two instances fire the same slots at once, then each slot runs once and the table records who ran it', async () => {
    const url = await freshDatabase('same_fire');
    const seen: JobContext[] = [];
    const clock = fixedClock('2026-11-23T10:00:01+08:00');
    const a = instance(url, 'host-a:1', [counting(seen)], { clock, cron: coordinatedCron() });
    const b = instance(url, 'host-b:2', [counting(seen)], { clock, cron: coordinatedCron() });
    const slots = ['2026-11-23T10:00:00+08:00', '2026-11-23T10:05:00+08:00', '2026-11-23T10:10:00+08:00'];
    // Each slot fires on both instances at the same moment; the slots come one after another, as they do.
    const won: boolean[] = [];
    for (const slot of slots) won.push(...(await Promise.all([a, b].map((i) => i.cron!.fire('remark-outbox', slot)))));
    expect(won.filter(Boolean)).toHaveLength(3);
    expect(seen.map((c) => c.dueAt).sort()).toEqual(slots.map(parseInstant));
    const rows = await a.db
      .selectFrom('job_runs')
      .select(['slot', 'reason', 'outcome', 'instance_id', 'counts'])
      .orderBy('slot')
      .execute();
    expect(rows.map((r) => [r.slot?.getTime(), r.reason, r.outcome, r.counts])).toEqual(
      slots.map((s) => [parseInstant(s), 'scheduled', 'ok', { n: 1 }]),
    );
    expect(rows.every((r) => ['host-a:1', 'host-b:2'].includes(r.instance_id))).toBe(true);
  });

  it('when two instances run node-cron itself every second, then no slot runs twice', async () => {
    const url = await freshDatabase('node_cron');
    const seen: JobContext[] = [];
    const job = counting(seen, { name: 'every-second', schedule: '* * * * * *' });
    const a = instance(url, 'host-a:1', [job], { clock: systemClock });
    instance(url, 'host-b:2', [job], { clock: systemClock });
    // Wait for three finished slots (polling the table, not sleeping for a result).
    const finished = () =>
      a.db
        .selectFrom('job_runs')
        .select('slot')
        .where('job', '=', 'every-second')
        .where('outcome', '=', 'ok')
        .execute();
    const deadline = Date.now() + 15_000;
    while ((await finished()).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    const slots = seen.map((c) => c.dueAt);
    expect(slots.length).toBeGreaterThanOrEqual(3);
    // Both instances were fired for every second; without the coordinator each slot would be here twice.
    expect(new Set(slots).size).toBe(slots.length);
    const claimed = new Set((await finished()).map((r) => r.slot!.getTime()));
    for (const at of slots.slice(0, 3)) expect(claimed.has(at)).toBe(true);
  });

  it('when the database does not answer, then the slot is not run on that instance and the next slot runs', async () => {
    const url = await freshDatabase('outage');
    const seen: JobContext[] = [];
    const clock = fixedClock('2026-11-23T10:00:01+08:00');
    // An address where nothing listens: every claim fails at once, as during a database restart.
    const down = instance(url.replace(`:${pg.port}/`, ':1/'), 'host-a:1', [counting(seen)], {
      clock,
      cron: coordinatedCron(),
    });
    expect(await down.cron!.fire('remark-outbox', '2026-11-23T10:00:00+08:00')).toBe(false);
    expect(seen).toEqual([]);
    const up = instance(url, 'host-a:1', [counting(seen)], { clock, cron: coordinatedCron() });
    expect(await up.cron!.fire('remark-outbox', '2026-11-23T10:05:00+08:00')).toBe(true);
    expect(seen.map((c) => c.dueAt)).toEqual([parseInstant('2026-11-23T10:05:00+08:00')]);
  });

  describe('one run of a job at a time, across instances', () => {
    it('when a slot comes while another instance still runs the job, then nobody runs it and it is recorded as skipped', async () => {
      const url = await freshDatabase('overlap');
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const seen: JobContext[] = [];
      const slow = counting(seen, {
        run: async (ctx) => {
          seen.push(ctx!);
          if (seen.length === 1) await gate;
          return {};
        },
      });
      const clock = fixedClock('2026-11-23T10:00:01+08:00');
      const a = instance(url, 'host-a:1', [slow], { clock, cron: coordinatedCron() });
      const b = instance(url, 'host-b:2', [slow], { clock, cron: coordinatedCron() });
      const first = a.cron!.fire('remark-outbox', '2026-11-23T10:00:00+08:00');
      while (seen.length === 0) await new Promise((r) => setImmediate(r));
      // B is idle, but A's run of the job is still going: B must not start a second one.
      expect(await b.cron!.fire('remark-outbox', '2026-11-23T10:05:00+08:00')).toBe(false);
      release();
      expect(await first).toBe(true);
      expect(await b.cron!.fire('remark-outbox', '2026-11-23T10:10:00+08:00')).toBe(true);
      expect(seen.map((c) => c.dueAt)).toEqual(
        ['2026-11-23T10:00:00+08:00', '2026-11-23T10:10:00+08:00'].map(parseInstant),
      );
      const rows = await a.db.selectFrom('job_runs').select(['instance_id', 'outcome']).orderBy('slot').execute();
      expect(rows).toEqual([
        { instance_id: 'host-a:1', outcome: 'ok' },
        { instance_id: 'host-b:2', outcome: 'skipped-overlap' },
        { instance_id: 'host-b:2', outcome: 'ok' },
      ]);
    });

    it('when the running instance stops beating, then its run no longer blocks the job, and its outcome stays unknown', async () => {
      const url = await freshDatabase('dead_run');
      const seen: JobContext[] = [];
      const clock = fixedClock('2026-11-23T10:00:01+08:00');
      const b = instance(url, 'host-b:2', [counting(seen)], { clock, cron: coordinatedCron() });
      // host-a claimed 10:00 and then died mid-run (its claim made by hand: no scheduler finishes it).
      const slot = '2026-11-23T10:00:00.000+08:00';
      const a = createPostgresRunCoordinator(b.db);
      expect(await a.claim({ job: 'remark-outbox', slot, instanceId: 'host-a:1', reason: 'scheduled', at: slot })).toBe(
        true,
      );
      const lastBeat = (ago: string) =>
        b.db
          .updateTable('job_runs')
          .set({ heartbeat_at: sql<Date>`now() - ${ago}::interval` })
          .where('instance_id', '=', 'host-a:1')
          .execute();
      await lastBeat('2 minutes');
      await a.heartbeat('remark-outbox', slot); // alive after all
      expect(await b.cron!.fire('remark-outbox', '2026-11-23T10:05:00+08:00')).toBe(false);
      await lastBeat('61 seconds');
      expect(await b.cron!.fire('remark-outbox', '2026-11-23T10:10:00+08:00')).toBe(true);
      expect(seen).toHaveLength(1);
      const dead = await b.db
        .selectFrom('job_runs')
        .select(['outcome', 'finished_at'])
        .where('instance_id', '=', 'host-a:1')
        .execute();
      expect(dead).toEqual([{ outcome: null, finished_at: null }]);
    });
  });

  describe('catch-up after downtime', () => {
    const daily = (seen: JobContext[]) =>
      counting(seen, { name: 'daily-report', schedule: '0 9 * * *', catchUpMinutes: 60 });

    it('when two instances start at once after a missed slot, then one of them makes it up', async () => {
      const url = await freshDatabase('catch_up_once');
      const seen: JobContext[] = [];
      const clock = fixedClock('2026-11-23T09:20:00+08:00');
      const a = instance(url, 'host-a:1', [daily(seen)], { clock, cron: coordinatedCron() });
      const b = instance(url, 'host-b:2', [daily(seen)], { clock, cron: coordinatedCron() });
      const made = await Promise.all([a.s.ready, b.s.ready]);
      expect(made.flat()).toHaveLength(1);
      expect(seen).toEqual([{ dueAt: parseInstant('2026-11-23T09:00:00+08:00'), reason: 'catch-up' }]);
      const rows = await a.db.selectFrom('job_runs').select(['reason', 'outcome']).execute();
      expect(rows).toEqual([{ reason: 'catch-up', outcome: 'ok' }]);
    });

    it("when another instance's run is in the table, then a fresh instance with an empty store does not make it up", async () => {
      const url = await freshDatabase('catch_up_reads');
      const seen: JobContext[] = [];
      // A person ran it by hand at 09:10: a manual run holds no slot, so only the recorded success can tell.
      // (This instance's copy of the job has no catch-up of its own, so its start makes up nothing meanwhile.)
      const clock = fixedClock('2026-11-23T09:10:00+08:00');
      const byHand = { ...daily(seen), catchUpMinutes: undefined };
      const manual = instance(url, 'host-a:1', [byHand], { clock, cron: coordinatedCron() });
      expect(await manual.s.ready).toEqual([]);
      await manual.s.runNow('daily-report');
      expect(seen.map((c) => c.reason)).toEqual(['manual']);
      const later = instance(url, 'host-b:2', [daily(seen)], {
        clock: fixedClock('2026-11-23T09:30:00+08:00'),
        cron: coordinatedCron(),
      });
      expect(await later.s.ready).toEqual([]);
      expect(seen).toHaveLength(1);
      expect(await later.coordinator.lastSuccess('daily-report')).toBe(parseInstant('2026-11-23T09:10:00+08:00'));
    });
  });
});
