import { hostname } from 'node:os';
import cron from 'node-cron';
import { NotFoundError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { maskText } from '../shared/mask.js';
import { personError } from '../shared/person-error.js';
import { toInstant, type Clock } from '../shared/time.js';
import type { AppendLog, Store } from '../storage/index.js';
import { catchUpDecision } from './catch-up.js';
import { lastCronDue, nextCronRun } from './cron-time.js';
import { createJobHistory } from './job-history.js';
import type { Job, JobContext, JobRun, RunReason } from './job.js';
import { lastRunsOf } from './listing.js';
import { createLocalRunCoordinator, type RunCoordinator, type RunSummary } from './run-coordinator.js';

export const SHOP_TIME_ZONE = 'Asia/Shanghai';

export interface JobListing {
  name: string;
  schedule: string;
  timeZone: string;
  description: string;
  /** +08:00 instant computed from the expression in shop time (never the host's zone). */
  nextRun: string | null;
  /** Read through the run coordinator: the same on every instance, with the instance that ran it. */
  lastRun: RunSummary | null;
  running: boolean;
  /** The instance running it now (this one or another sharing the coordinator), or null. */
  runningOn: string | null;
  catchUpMinutes: number | null;
}

export interface Scheduler {
  /** Runs one job now (the same guard as its schedule: never two runs of one job at once). */
  runNow(name: string, reason?: RunReason): Promise<JobRun>;
  list(): Promise<JobListing[]>;
  has(name: string): boolean;
  /** Makes up missed daily runs (see catch-up.ts); started by itself with autoStart. */
  catchUp(): Promise<JobRun[]>;
  /** Resolves when the start-up catch-up is over (at once without autoStart). */
  readonly ready: Promise<JobRun[]>;
  stop(): Promise<void>;
}

/** node-cron 4's run coordinator hook: asked before each fire with `<name>:<slot as ISO in UTC>`. */
export interface CronCoordinator {
  shouldRun(key: string): Promise<boolean>;
}

/** The piece of node-cron we use, injectable so tests can fire ticks by hand. */
export interface CronDriver {
  schedule(
    expression: string,
    /** `slot`: the due time node-cron fired for (absent: the tick works it out from the clock). */
    fn: (slot?: Date) => Promise<void>,
    opts: { timezone: string; name: string; coordinator?: CronCoordinator },
  ): { stop(): void | Promise<void> };
}

export const nodeCronDriver: CronDriver = {
  schedule: (expression, fn, opts) =>
    cron.schedule(expression, (ctx) => fn(ctx.date), {
      timezone: opts.timezone,
      name: opts.name,
      // node-cron's distributed mode: every fire asks the coordinator first and runs only when it says so.
      ...(opts.coordinator ? { distributed: true, runCoordinator: opts.coordinator } : {}),
    }),
};

export interface SchedulerDeps {
  clock: Clock;
  logger: Logger;
  runs: AppendLog<JobRun>;
  /** Keeps each job's last run in `job-state` (fast start-up); without it the log is read once. */
  store?: Store;
  autoStart?: boolean;
  cron?: CronDriver;
  /** Who runs each slot; the local one (one process) unless the service runs several instances on PostgreSQL. */
  coordinator?: RunCoordinator;
  /** This instance in the coordinator's claims (default host:pid). */
  instanceId?: string;
  /** How often a running claimed slot tells the coordinator it is alive (default 15 s). */
  heartbeatMs?: number;
}

/**
 * Starts every job on node-cron in shop time, with an overlap guard of our own (a tick that finds the
 * job still running is recorded as skipped), a record of every run, and catch-up of missed daily runs.
 */
export function startScheduler(jobs: Job[], deps: SchedulerDeps): Scheduler {
  const running = new Map<string, Promise<JobRun>>();
  const tasks: { stop(): void | Promise<void> }[] = [];
  const byName = new Map(jobs.map((j) => [j.name, j]));
  const history = createJobHistory({ runs: deps.runs, store: deps.store });
  const driver = deps.cron ?? nodeCronDriver;
  const now = () => deps.clock.now();
  const coordinator = deps.coordinator ?? createLocalRunCoordinator({ history });
  const instanceId = deps.instanceId ?? `${hostname()}:${process.pid}`;

  async function record(run: JobRun) {
    await history.record(run).catch((err) => deps.logger.error({ err }, 'could not record a job run'));
  }

  /** While a claimed slot runs, beats for it (timer unref'd: it never keeps the process up). */
  function beat(job: Job, ctx: JobContext): () => void {
    const heartbeat = coordinator.heartbeat?.bind(coordinator);
    if (ctx.reason === 'manual' || !heartbeat) return () => undefined;
    const slot = toInstant(ctx.dueAt);
    const timer = setInterval(
      () =>
        void heartbeat(job.name, slot).catch((err) =>
          deps.logger.warn({ err, job: job.name }, 'heartbeat not recorded'),
        ),
      deps.heartbeatMs ?? 15_000,
    );
    timer.unref();
    return () => clearInterval(timer);
  }

  async function execute(job: Job, ctx: JobContext): Promise<JobRun> {
    const startedAt = toInstant(now());
    const stopBeating = beat(job, ctx);
    let run: JobRun;
    try {
      const counts = await job.run(ctx);
      run = {
        job: job.name,
        startedAt,
        finishedAt: toInstant(now()),
        outcome: 'ok',
        counts,
        error: null,
        reason: ctx.reason,
        instanceId,
      };
    } catch (err) {
      deps.logger.error({ err, job: job.name }, 'job failed');
      run = {
        job: job.name,
        startedAt,
        finishedAt: toInstant(now()),
        outcome: 'failed',
        counts: {},
        error: maskText(personError(err)?.message ?? (err as Error).message),
        reason: ctx.reason,
        instanceId,
      };
    }
    stopBeating();
    await record(run);
    await settle(job.name, ctx, run);
    return run;
  }

  /** Tells the coordinator how a run ended: the outcome of its slot, or a manual run for the history. */
  async function settle(name: string, ctx: JobContext, run: JobRun) {
    const told =
      ctx.reason === 'manual'
        ? coordinator.recordManual(run, instanceId)
        : coordinator.finish(name, toInstant(ctx.dueAt), run);
    await told.catch((err) => deps.logger.error({ err, job: name }, 'could not record a run with the run coordinator'));
  }

  /** Claims a slot; a coordinator that cannot answer means no run (never two): the next slot tries again. */
  async function claim(job: Job, dueAt: number, reason: 'scheduled' | 'catch-up'): Promise<boolean> {
    const slot = toInstant(dueAt);
    try {
      return await coordinator.claim({ job: job.name, slot, instanceId, reason, at: toInstant(now()) });
    } catch (err) {
      deps.logger.error({ err, job: job.name, slot }, 'run coordinator did not answer; the slot is skipped here');
      return false;
    }
  }

  /**
   * A job whose work another instance owns is not run here: the skip is recorded (a person reads why) and returned;
   * null when this instance may run it.
   */
  async function notOwned(job: Job, ctx: JobContext): Promise<JobRun | null> {
    if (!job.owner || job.owner.owns()) return null;
    const run = skippedRun(job.name, 'skipped-not-owner', ctx.reason);
    await record(run);
    return run;
  }

  /** A slot not run here, recorded as such: it took no time. */
  function skippedRun(job: string, outcome: JobRun['outcome'], reason: JobRun['reason']): JobRun {
    const at = toInstant(now());
    return { job, startedAt: at, finishedAt: at, outcome, counts: {}, error: null, reason, instanceId };
  }

  function guarded(job: Job, ctx: JobContext): Promise<JobRun> {
    const current = running.get(job.name);
    if (current) return current;
    const p = execute(job, ctx).finally(() => running.delete(job.name));
    running.set(job.name, p);
    return p;
  }

  async function tick(job: Job, slot?: Date) {
    const ctx: JobContext = {
      dueAt: slot?.getTime() ?? lastCronDue(job.schedule, now()) ?? now(),
      reason: 'scheduled',
    };
    // Owned when the slot was claimed, lost since: the claimed slot is settled as skipped.
    const elsewhere = await notOwned(job, ctx);
    if (elsewhere) return settle(job.name, ctx, elsewhere);
    if (running.has(job.name)) {
      const skipped = skippedRun(job.name, 'skipped-overlap', 'scheduled');
      await record(skipped);
      await settle(job.name, ctx, skipped);
      return;
    }
    await guarded(job, ctx);
  }

  /**
   * node-cron's key is `<job name>:<slot ISO>`; the name is ours, so the slot is what follows it. A job another
   * instance owns claims no slot (the owner's claim must win it); the skip is recorded here.
   */
  const cronCoordinator = (job: Job): CronCoordinator => ({
    async shouldRun(key) {
      const dueAt = Date.parse(key.slice(job.name.length + 1));
      if (await notOwned(job, { dueAt, reason: 'scheduled' })) return false;
      return claim(job, dueAt, 'scheduled');
    },
  });

  async function catchUp(): Promise<JobRun[]> {
    await history.load();
    const made: JobRun[] = [];
    for (const job of jobs) {
      const decision = catchUpDecision(job, await lastSuccess(job.name), now());
      if (!decision.run) {
        if (decision.reason === 'outside-window')
          deps.logger.info(
            { job: job.name, dueAt: toInstant(decision.dueAt!) },
            'missed run is outside its window; waiting for the next one',
          );
        continue;
      }
      // Work another instance owns is made up there, if at all.
      if (job.owner && !job.owner.owns()) continue;
      // Refused: another instance holds the slot (or runs the job), or the coordinator did not answer (logged).
      if (!(await claim(job, decision.dueAt, 'catch-up'))) continue;
      deps.logger.info({ job: job.name, dueAt: toInstant(decision.dueAt) }, 'making up a missed run');
      made.push(await guarded(job, { dueAt: decision.dueAt, reason: 'catch-up' }));
    }
    return made;
  }

  /** The newer of this store's record and the coordinator's table (several instances: another may have run it). */
  async function lastSuccess(name: string): Promise<number | null> {
    const local = history.lastSuccess(name);
    const shared = await coordinator.lastSuccess(name).catch((err) => {
      deps.logger.error({ err, job: name }, 'run coordinator did not answer; catch-up reads the local record only');
      return null;
    });
    return local === null ? shared : shared === null ? local : Math.max(local, shared);
  }

  let ready: Promise<JobRun[]> = history.load().then(() => []);
  if (deps.autoStart !== false) {
    for (const job of jobs)
      tasks.push(
        driver.schedule(job.schedule, (slot) => tick(job, slot), {
          timezone: SHOP_TIME_ZONE,
          name: job.name,
          coordinator: cronCoordinator(job),
        }),
      );
    ready = catchUp().catch((err) => {
      deps.logger.error({ err }, 'catch-up of missed runs failed');
      return [];
    });
  }

  return {
    ready,
    catchUp,
    has: (name) => byName.has(name),
    async runNow(name, reason = 'manual') {
      const job = byName.get(name);
      if (!job)
        throw new NotFoundError({ message: `没有名为“${name}”的任务`, code: 'job_not_found', params: { name } });
      await history.load();
      const ctx: JobContext = { dueAt: now(), reason };
      const elsewhere = await notOwned(job, ctx);
      if (elsewhere) return (await settle(name, ctx, elsewhere), elsewhere);
      return guarded(job, ctx);
    },
    async list() {
      const known = await lastRunsOf(
        jobs.map((j) => j.name),
        { coordinator, history, logger: deps.logger },
      );
      return jobs.map((j) => {
        const next = nextCronRun(j.schedule, now());
        const runningOn = running.has(j.name) ? instanceId : (known.get(j.name)?.runningOn ?? null);
        return {
          name: j.name,
          schedule: j.schedule,
          timeZone: SHOP_TIME_ZONE,
          description: j.description,
          nextRun: next === null ? null : toInstant(next),
          lastRun: known.get(j.name)?.last ?? null,
          running: runningOn !== null,
          runningOn,
          catchUpMinutes: j.catchUpMinutes ?? null,
        };
      });
    },
    async stop() {
      for (const t of tasks) await t.stop();
      await Promise.allSettled([...running.values()]);
    },
  };
}
