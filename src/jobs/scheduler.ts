import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../shared/logger.js';
import { toInstant, type Clock } from '../shared/time.js';
import type { AppendLog } from '../storage/store.js';
import type { Job, JobRun } from './job.js';

export const SHOP_TIME_ZONE = 'Asia/Shanghai';

export interface Scheduler {
  /** Runs one job now (the same guard as its schedule: never two runs of one job at once). */
  runNow(name: string): Promise<JobRun>;
  list(): { name: string; schedule: string; timeZone: string; description: string; nextRun: string | null; lastRun: JobRun | null; running: boolean }[];
  stop(): Promise<void>;
}

/**
 * Starts every job on node-cron in shop time, with an overlap guard of our own (a run still going
 * when the next is due is recorded as skipped) and a record of every run in the `job-runs` log.
 */
export function startScheduler(jobs: Job[], deps: { clock: Clock; logger: Logger; runs: AppendLog<JobRun>; autoStart?: boolean }): Scheduler {
  const running = new Map<string, Promise<JobRun>>();
  const last = new Map<string, JobRun>();
  const tasks = new Map<string, ScheduledTask>();
  const byName = new Map(jobs.map((j) => [j.name, j]));

  async function execute(job: Job): Promise<JobRun> {
    const startedAt = toInstant(deps.clock.now());
    let run: JobRun;
    try {
      const counts = await job.run();
      run = { job: job.name, startedAt, finishedAt: toInstant(deps.clock.now()), outcome: 'ok', counts, error: null };
    } catch (err) {
      deps.logger.error({ err, job: job.name }, 'job failed');
      run = { job: job.name, startedAt, finishedAt: toInstant(deps.clock.now()), outcome: 'failed', counts: {}, error: (err as Error).message };
    }
    last.set(job.name, run);
    await deps.runs.append(run).catch((err) => deps.logger.error({ err }, 'could not record a job run'));
    return run;
  }

  function guarded(job: Job): Promise<JobRun> {
    const current = running.get(job.name);
    if (current) return current;
    const p = execute(job).finally(() => running.delete(job.name));
    running.set(job.name, p);
    return p;
  }

  if (deps.autoStart !== false) {
    for (const job of jobs) {
      const task = cron.schedule(
        job.schedule,
        async () => {
          if (running.has(job.name)) {
            const now = toInstant(deps.clock.now());
            const skipped: JobRun = { job: job.name, startedAt: now, finishedAt: now, outcome: 'skipped-overlap', counts: {}, error: null };
            await deps.runs.append(skipped).catch(() => undefined);
            return;
          }
          await guarded(job);
        },
        { timezone: SHOP_TIME_ZONE, name: job.name },
      );
      tasks.set(job.name, task);
    }
  }

  return {
    runNow(name) {
      const job = byName.get(name);
      if (!job) return Promise.reject(new Error(`no job named ${name}`));
      return guarded(job);
    },
    list: () =>
      jobs.map((j) => {
        const next = tasks.get(j.name)?.getNextRun() ?? null;
        return {
          name: j.name, schedule: j.schedule, timeZone: SHOP_TIME_ZONE, description: j.description,
          nextRun: next ? toInstant(next.getTime()) : null, lastRun: last.get(j.name) ?? null, running: running.has(j.name),
        };
      }),
    async stop() {
      for (const t of tasks.values()) await t.stop();
      await Promise.allSettled([...running.values()]);
    },
  };
}
