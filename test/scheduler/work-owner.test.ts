/**
 * A job with an owner (the order sync) runs only on the instance that owns its work. Elsewhere a slot is not even
 * claimed — with several instances one claim of a slot wins, and a non-owner's winning claim would leave the slot
 * run by nobody — and the skip is recorded, with its reason for a person to read.
 */
import { describe, expect, it } from 'vitest';
import type { Job, JobContext, JobRun } from '../../src/scheduler/job.js';
import {
  createLocalRunCoordinator,
  createLocalWorkOwner,
  RUN_OUTCOME_LABELS,
  type RunCoordinator,
  type SlotClaim,
  type WorkOwner,
} from '../../src/scheduler/index.js';
import { startScheduler } from '../../src/scheduler/scheduler.js';
import { silentLogger } from '../../src/shared/logger.js';
import { fixedClock, parseInstant } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { coordinatedCron } from './support/coordinated-cron.js';

function switchable(owned: boolean): WorkOwner & { owned: boolean } {
  const o = { ...createLocalWorkOwner('orders'), owned, owns: () => o.owned };
  return o;
}

/** The local coordinator, with every claim it was asked for kept. */
function countingCoordinator(): RunCoordinator & { claims: SlotClaim[] } {
  const local = createLocalRunCoordinator();
  const claims: SlotClaim[] = [];
  return { ...local, claims, claim: (c) => (claims.push(c), local.claim(c)) };
}

function setup(owner: WorkOwner, over: Partial<Job> = {}, now = '2026-11-23T10:00:01+08:00') {
  const store = createMemoryStore();
  const seen: JobContext[] = [];
  const job: Job = {
    name: 'order-sync',
    schedule: '*/5 * * * *',
    description: '',
    owner,
    run: async (ctx) => (seen.push(ctx!), { new: 1 }),
    ...over,
  };
  const cron = coordinatedCron();
  const coordinator = countingCoordinator();
  const s = startScheduler([job], {
    clock: fixedClock(now),
    logger: silentLogger(),
    runs: store.log('job-runs'),
    store,
    cron: cron.driver,
    coordinator,
  });
  const runs = async () => {
    const out: JobRun[] = [];
    for await (const r of store.log<JobRun>('job-runs').read()) out.push(r);
    return out;
  };
  return { s, cron, coordinator, seen, runs };
}

describe('jobs whose work has one owner', () => {
  it('when this instance does not own the work, then a slot is not claimed nor run, and the skip is recorded; once owned, the next slot runs', async () => {
    const owner = switchable(false);
    const { s, cron, coordinator, seen, runs } = setup(owner);
    await s.ready;
    expect(await cron.fire('order-sync', '2026-11-23T10:00:00+08:00')).toBe(false);
    expect(coordinator.claims).toEqual([]);
    expect(seen).toEqual([]);
    expect((await runs()).map((r) => [r.outcome, r.reason])).toEqual([['skipped-not-owner', 'scheduled']]);
    // The jobs page keeps showing the last run that ran (on several instances, the owner's), not the skip.
    expect((await s.list())[0]!.lastRun).toBeNull();
    expect(RUN_OUTCOME_LABELS['skipped-not-owner']).toBe('由另一台实例负责，已跳过');

    owner.owned = true;
    expect(await cron.fire('order-sync', '2026-11-23T10:05:00+08:00')).toBe(true);
    expect(coordinator.claims.map((c) => c.slot)).toEqual(['2026-11-23T10:05:00.000+08:00']);
    expect(seen.map((c) => c.dueAt)).toEqual([parseInstant('2026-11-23T10:05:00+08:00')]);
    expect((await s.list())[0]!.lastRun?.outcome).toBe('ok');
    await s.stop();
  });

  it('when a person runs it by hand on an instance that does not own it, then it is not run and the answer says why', async () => {
    const owner = switchable(false);
    const { s, seen, runs } = setup(owner);
    const run = await s.runNow('order-sync');
    expect(run).toMatchObject({ outcome: 'skipped-not-owner', reason: 'manual', counts: {}, error: null });
    expect(seen).toEqual([]);
    expect(await runs()).toEqual([run]);
    owner.owned = true;
    expect((await s.runNow('order-sync')).outcome).toBe('ok');
    expect(seen).toHaveLength(1);
    await s.stop();
  });

  it('when a missed daily run is due at start on an instance that does not own it, then it is not made up there', async () => {
    const daily = { schedule: '0 9 * * *', catchUpMinutes: 60 };
    const elsewhere = setup(switchable(false), daily, '2026-11-23T09:20:00+08:00');
    expect(await elsewhere.s.ready).toEqual([]);
    expect(elsewhere.coordinator.claims).toEqual([]);
    expect(elsewhere.seen).toEqual([]);
    const here = setup(switchable(true), daily, '2026-11-23T09:20:00+08:00');
    expect((await here.s.ready).map((r) => r.reason)).toEqual(['catch-up']);
    await Promise.all([elsewhere.s.stop(), here.s.stop()]);
  });

  it('when the owner is the local one (one process, lowdb), then it always owns and never changes', () => {
    const local = createLocalWorkOwner('orders');
    const changes: boolean[] = [];
    local.onChange((o) => changes.push(o));
    local.start();
    expect(local.owns()).toBe(true);
    return local.stop().then(() => expect([local.owns(), changes]).toEqual([true, []]));
  });
});
