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

export const SHOP_TIME_ZONE = 'Asia/Shanghai';

export interface JobListing {
  name: string;
  schedule: string;
  timeZone: string;
  description: string;
  /** +08:00 instant computed from the expression in shop time (never the host's zone). */
  nextRun: string | null;
  lastRun: JobRun | null;
  running: boolean;
  catchUpMinutes: number | null;
}

export interface Scheduler {
  /** Runs one job now (the same guard as its schedule: never two runs of one job at once). */
  runNow(name: string, reason?: RunReason): Promise<JobRun>;
  list(): JobListing[];
  has(name: string): boolean;
  /** Makes up missed daily runs (see catch-up.ts); started by itself with autoStart. */
  catchUp(): Promise<JobRun[]>;
  /** Resolves when the start-up catch-up is over (at once without autoStart). */
  readonly ready: Promise<JobRun[]>;
  stop(): Promise<void>;
}

/** The piece of node-cron we use, injectable so tests can fire ticks by hand. */
export interface CronDriver {
  schedule(
    expression: string,
    fn: () => Promise<void>,
    opts: { timezone: string; name: string },
  ): { stop(): void | Promise<void> };
}

export const nodeCronDriver: CronDriver = {
  schedule: (expression, fn, opts) => cron.schedule(expression, fn, { timezone: opts.timezone, name: opts.name }),
};

export interface SchedulerDeps {
  clock: Clock;
  logger: Logger;
  runs: AppendLog<JobRun>;
  /** Keeps each job's last run in `job-state` (fast start-up); without it the log is read once. */
  store?: Store;
  autoStart?: boolean;
  cron?: CronDriver;
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

  async function record(run: JobRun) {
    await history.record(run).catch((err) => deps.logger.error({ err }, 'could not record a job run'));
  }

  async function execute(job: Job, ctx: JobContext): Promise<JobRun> {
    const startedAt = toInstant(now());
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
      };
    }
    await record(run);
    return run;
  }

  function guarded(job: Job, ctx: JobContext): Promise<JobRun> {
    const current = running.get(job.name);
    if (current) return current;
    const p = execute(job, ctx).finally(() => running.delete(job.name));
    running.set(job.name, p);
    return p;
  }

  async function tick(job: Job) {
    if (running.has(job.name)) {
      const at = toInstant(now());
      await record({
        job: job.name,
        startedAt: at,
        finishedAt: at,
        outcome: 'skipped-overlap',
        counts: {},
        error: null,
        reason: 'scheduled',
      });
      return;
    }
    await guarded(job, { dueAt: lastCronDue(job.schedule, now()) ?? now(), reason: 'scheduled' });
  }

  async function catchUp(): Promise<JobRun[]> {
    await history.load();
    const made: JobRun[] = [];
    for (const job of jobs) {
      const decision = catchUpDecision(job, history.lastSuccess(job.name), now());
      if (!decision.run) {
        if (decision.reason === 'outside-window')
          deps.logger.info(
            { job: job.name, dueAt: toInstant(decision.dueAt!) },
            'missed run is outside its window; waiting for the next one',
          );
        continue;
      }
      deps.logger.info({ job: job.name, dueAt: toInstant(decision.dueAt) }, 'making up a missed run');
      made.push(await guarded(job, { dueAt: decision.dueAt, reason: 'catch-up' }));
    }
    return made;
  }

  let ready: Promise<JobRun[]> = history.load().then(() => []);
  if (deps.autoStart !== false) {
    for (const job of jobs)
      tasks.push(driver.schedule(job.schedule, () => tick(job), { timezone: SHOP_TIME_ZONE, name: job.name }));
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
      return guarded(job, { dueAt: now(), reason });
    },
    list: () =>
      jobs.map((j) => {
        const next = nextCronRun(j.schedule, now());
        return {
          name: j.name,
          schedule: j.schedule,
          timeZone: SHOP_TIME_ZONE,
          description: j.description,
          nextRun: next === null ? null : toInstant(next),
          lastRun: history.lastRun(j.name),
          running: running.has(j.name),
          catchUpMinutes: j.catchUpMinutes ?? null,
        };
      }),
    async stop() {
      for (const t of tasks) await t.stop();
      await Promise.allSettled([...running.values()]);
    },
  };
}
