/**
 * Every run goes to the `job-runs` log; the last run and last success of each job are also kept in
 * one small document per job (`job-state`) so that start-up (catch-up) and `GET /api/jobs` never
 * read the whole log. Without a store, the state is rebuilt from the log once.
 */
import { parseInstant } from '../shared/time.js';
import type { AppendLog, Store } from '../storage/index.js';
import type { JobRun } from './job.js';

export const JOB_STATE = 'job-state';

export interface JobState {
  job: string;
  lastRun: JobRun | null;
  lastSuccessAt: string | null;
}

export interface JobHistory {
  /** Resolves once the last runs are known (immediately with a store). */
  load(): Promise<void>;
  record(run: JobRun): Promise<void>;
  lastRun(job: string): JobRun | null;
  /** Epoch ms of the last run that ended ok, or null. */
  lastSuccess(job: string): number | null;
}

export function createJobHistory(deps: { runs: AppendLog<JobRun>; store?: Store }): JobHistory {
  const states = new Map<string, JobState>();
  let loaded: Promise<void> | null = null;

  const apply = (run: JobRun) => {
    // A skip is not a run: the last run stays the one that ran (on several instances, the owner's).
    if (run.outcome === 'skipped-overlap' || run.outcome === 'skipped-not-owner') return;
    const prev = states.get(run.job);
    states.set(run.job, {
      job: run.job,
      lastRun: run,
      lastSuccessAt: run.outcome === 'ok' ? run.startedAt : (prev?.lastSuccessAt ?? null),
    });
  };

  // Several instances on one database: a run another instance recorded is this instance's last run too, and its
  // success is not lost from the state this instance writes next. The newer run and the later success are kept, so a
  // notice overtaken by this instance's own record never takes it back.
  deps.store?.onExternalChange((changes) => {
    for (const c of changes) {
      if (c.collection !== JOB_STATE || !c.after) continue;
      const theirs = c.after as JobState;
      const mine = states.get(theirs.job);
      const later = (a: string | null | undefined, b: string | null | undefined) =>
        !a ? (b ?? null) : !b ? a : parseInstant(a) >= parseInstant(b) ? a : b;
      const lastRun =
        mine?.lastRun && later(mine.lastRun.startedAt, theirs.lastRun?.startedAt) === mine.lastRun.startedAt
          ? mine.lastRun
          : theirs.lastRun;
      states.set(theirs.job, {
        job: theirs.job,
        lastRun,
        lastSuccessAt: later(mine?.lastSuccessAt, theirs.lastSuccessAt),
      });
    }
  });

  async function load() {
    if (deps.store) {
      for (const s of deps.store.all<JobState>(JOB_STATE)) states.set(s.job, s);
      return;
    }
    for await (const run of deps.runs.read()) apply(run);
  }

  return {
    load: () => (loaded ??= load()),
    async record(run) {
      await deps.runs.append(run);
      apply(run);
      const state = states.get(run.job);
      if (deps.store && state) await deps.store.transact((tx) => tx.put(JOB_STATE, run.job, state));
    },
    lastRun: (job) => states.get(job)?.lastRun ?? null,
    lastSuccess(job) {
      const at = states.get(job)?.lastSuccessAt;
      return at ? parseInstant(at) : null;
    },
  };
}
