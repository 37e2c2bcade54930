/**
 * The job list reads each job's last run through the run coordinator (the same answer on every instance), and
 * keeps this instance's own record where the coordinator has nothing newer or cannot answer. The PostgreSQL
 * coordinator's side of it is test/scheduler/pg-job-listing.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/scheduler/job.js';
import {
  createLocalRunCoordinator,
  type RunCoordinator,
  type RunSummary,
} from '../../src/scheduler/run-coordinator.js';
import { startScheduler } from '../../src/scheduler/scheduler.js';
import { createLogger, silentLogger } from '../../src/shared/logger.js';
import { fixedClock, type Clock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';

const job = (over: Partial<Job> = {}): Job => ({
  name: 'daily-report',
  schedule: '0 9 * * *',
  description: '',
  run: async () => ({ sent: 1 }),
  ...over,
});

/** A run another instance made, as a shared coordinator reports it. */
const elsewhere = (startedAt: string): RunSummary => ({
  job: 'daily-report',
  slot: '2026-11-23T09:00:00.000+08:00',
  reason: 'scheduled',
  instanceId: 'host-b:2',
  startedAt,
  finishedAt: startedAt,
  outcome: 'ok',
  counts: { sent: 2 },
  error: null,
});

function scheduler(coordinator: RunCoordinator | undefined, opts: { clock?: Clock; lines?: string[] } = {}) {
  const { lines } = opts;
  const logger = lines
    ? createLogger({ level: 'error', destination: { write: (line: string) => void lines.push(line) } })
    : silentLogger();
  const store = createMemoryStore();
  return startScheduler([job()], {
    clock: opts.clock ?? fixedClock('2026-11-23T10:00:00+08:00'),
    logger,
    runs: store.log('job-runs'),
    store,
    autoStart: false,
    ...(coordinator ? { coordinator } : {}),
    instanceId: 'host-a:1',
  });
}

const sharing = (last: RunSummary | null, runningOn: string | null = null): RunCoordinator => ({
  ...createLocalRunCoordinator(),
  lastRuns: async () => new Map([['daily-report', { last, runningOn }]]),
});

describe('the job list', () => {
  it('when this instance ran the job, then the list names this instance (one process, its own record)', async () => {
    const s = scheduler(undefined);
    await s.runNow('daily-report');
    const [listed] = await s.list();
    expect(listed!.lastRun).toMatchObject({ instanceId: 'host-a:1', reason: 'manual', outcome: 'ok', slot: null });
    expect(listed!.runningOn).toBeNull();
  });

  it("when the coordinator knows a newer run by another instance, then the list shows that run, not this one's", async () => {
    const s = scheduler(sharing(elsewhere('2026-11-23T10:00:05.000+08:00')));
    await s.runNow('daily-report');
    const [listed] = await s.list();
    expect(listed!.lastRun).toMatchObject({ instanceId: 'host-b:2', counts: { sent: 2 } });
  });

  it("when this instance's record is newer (the coordinator missed the end), then the list shows this record", async () => {
    const s = scheduler(sharing(elsewhere('2026-11-23T09:59:00.000+08:00')));
    await s.runNow('daily-report');
    const [listed] = await s.list();
    expect(listed!.lastRun).toMatchObject({ instanceId: 'host-a:1', counts: { sent: 1 } });
  });

  it('when another instance runs the job now, then the list says it is running there', async () => {
    const s = scheduler(sharing(null, 'host-b:2'));
    const [listed] = await s.list();
    expect([listed!.running, listed!.runningOn, listed!.lastRun]).toEqual([true, 'host-b:2', null]);
  });

  it("when the coordinator cannot answer, then the list shows this instance's record and the error is logged", async () => {
    const lines: string[] = [];
    const down: RunCoordinator = {
      ...createLocalRunCoordinator(),
      lastRuns: async () => {
        throw new Error('connection refused');
      },
    };
    const s = scheduler(down, { lines });
    await s.runNow('daily-report');
    const [listed] = await s.list();
    expect(listed!.lastRun).toMatchObject({ instanceId: 'host-a:1', outcome: 'ok' });
    expect(lines.join('')).toContain('run coordinator did not answer');
  });
});
