/**
 * The job list on several instances sharing one PostgreSQL database: each instance reads the last runs through the
 * run coordinator's table, so all of them show the same last run of a job with the instance that ran it, and a
 * run whose instance died mid-run as unknown. Each instance here keeps its own (memory) store, as two machines
 * with lowdb-like local records would: without the table's answer, each would list only what it ran itself.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src/scheduler/job.js';
import { startScheduler, type Scheduler } from '../../src/scheduler/scheduler.js';
import { silentLogger } from '../../src/shared/logger.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { connectPostgres, createPostgresRunCoordinator, type Db } from '../../src/storage/postgres/index.js';
import { startMigratedPostgres, type TestPostgres } from '../support/postgres.js';
import { coordinatedCron } from './support/coordinated-cron.js';

let pg: TestPostgres;
const pools: Db[] = [];
const schedulers: Scheduler[] = [];

const job: Job = {
  name: 'remark-outbox',
  schedule: '*/5 * * * *',
  description: '',
  run: async () => ({ sent: 1 }),
};

/** One instance: its own pool and its own local record, the shared table as coordinator. */
function instance(url: string, id: string, at = '2026-11-23T10:00:01+08:00') {
  const db = connectPostgres({ url, poolSize: 2 });
  pools.push(db);
  const cron = coordinatedCron();
  const store = createMemoryStore();
  const s = startScheduler([job], {
    clock: fixedClock(at),
    logger: silentLogger(),
    runs: store.log('job-runs'),
    store,
    cron: cron.driver,
    coordinator: createPostgresRunCoordinator(db),
    instanceId: id,
  });
  schedulers.push(s);
  return { s, db, cron };
}

const listed = async (s: Scheduler) => (await s.list()).find((j) => j.name === job.name)!;

beforeAll(async () => {
  pg = await startMigratedPostgres();
});
afterAll(async () => {
  await Promise.all(schedulers.map((s) => s.stop()));
  await Promise.all(pools.map((db) => db.destroy()));
  await pg?.stop();
});

describe('the job list on two instances sharing one database', () => {
  it("when instance A runs a slot, then B's list shows A's run with A's id, and B's own older run no longer", async () => {
    const url = await pg.createDatabase('listing_same', { template: 'migrated' });
    const a = instance(url, 'host-a:1');
    const b = instance(url, 'host-b:2');
    await Promise.all([a.s.ready, b.s.ready]);
    expect(await b.cron.fire(job.name, '2026-11-23T10:00:00+08:00')).toBe(true);
    // B lost the next slot to A: its own record still says 10:00.
    expect(await a.cron.fire(job.name, '2026-11-23T10:05:00+08:00')).toBe(true);
    expect(await b.cron.fire(job.name, '2026-11-23T10:05:00+08:00')).toBe(false);
    const onB = await listed(b.s);
    expect(onB.lastRun).toMatchObject({
      instanceId: 'host-a:1',
      slot: '2026-11-23T10:05:00.000+08:00',
      reason: 'scheduled',
      outcome: 'ok',
      counts: { sent: 1 },
      startedAt: '2026-11-23T10:00:01.000+08:00',
      finishedAt: '2026-11-23T10:00:01.000+08:00',
    });
    expect(onB.running).toBe(false);
    // Both instances answer alike.
    expect((await listed(a.s)).lastRun).toEqual(onB.lastRun);
  });

  it('when a manual run on A is the newest, then B lists it, with no slot', async () => {
    const url = await pg.createDatabase('listing_manual', { template: 'migrated' });
    const a = instance(url, 'host-a:1', '2026-11-23T10:02:00+08:00');
    const b = instance(url, 'host-b:2');
    expect(await b.cron.fire(job.name, '2026-11-23T10:00:00+08:00')).toBe(true);
    await a.s.runNow(job.name);
    expect((await listed(b.s)).lastRun).toMatchObject({
      instanceId: 'host-a:1',
      slot: null,
      reason: 'manual',
      startedAt: '2026-11-23T10:02:00.000+08:00',
    });
  });

  it('when the instance running a slot stops beating, then every list shows that run as unknown, with its instance', async () => {
    const url = await pg.createDatabase('listing_dead', { template: 'migrated' });
    const b = instance(url, 'host-b:2');
    await b.s.ready;
    expect(await b.cron.fire(job.name, '2026-11-23T10:00:00+08:00')).toBe(true);
    // host-c claims 10:05 and runs it (its claim made by hand: no scheduler of this test finishes it).
    const c = createPostgresRunCoordinator(b.db);
    const slot = '2026-11-23T10:05:00.000+08:00';
    const at = '2026-11-23T10:05:00.500+08:00';
    expect(await c.claim({ job: job.name, slot, instanceId: 'host-c:3', reason: 'scheduled', at })).toBe(true);
    // Alive: B lists it as running on host-c, and the last run is still B's ended one.
    const going = await listed(b.s);
    expect([going.running, going.runningOn, going.lastRun?.instanceId]).toEqual([true, 'host-c:3', 'host-b:2']);
    // host-c's beats stopped 61 s ago (the limit is 60 s): nobody knows how its run ended.
    await b.db
      .updateTable('job_runs')
      .set({ heartbeat_at: sql<Date>`now() - '61 seconds'::interval` })
      .where('instance_id', '=', 'host-c:3')
      .execute();
    const dead = await listed(b.s);
    expect(dead.running).toBe(false);
    expect(dead.runningOn).toBeNull();
    expect(dead.lastRun).toMatchObject({
      instanceId: 'host-c:3',
      slot,
      outcome: 'unknown',
      startedAt: at,
      finishedAt: null,
    });
  });

  it('when a slot was skipped for an overlap, then the skip is never listed as the last run, and the run going on shows as running', async () => {
    const url = await pg.createDatabase('listing_skip', { template: 'migrated' });
    const b = instance(url, 'host-b:2');
    const c = createPostgresRunCoordinator(b.db);
    const claim = (slot: string, at: string) =>
      c.claim({ job: job.name, slot, instanceId: 'host-c:3', reason: 'scheduled', at });
    expect(await claim('2026-11-23T10:00:00+08:00', '2026-11-23T10:00:00+08:00')).toBe(true);
    // 10:05 comes while host-c still runs 10:00: recorded as skipped-overlap, a later start than the run.
    expect(await claim('2026-11-23T10:05:00+08:00', '2026-11-23T10:05:00+08:00')).toBe(false);
    const listing = await listed(b.s);
    expect(listing.runningOn).toBe('host-c:3');
    expect(listing.lastRun).toBeNull();
  });
});
