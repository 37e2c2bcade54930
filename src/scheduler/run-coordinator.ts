/**
 * The run coordinator: which instance runs a job's time slot. With one process (lowdb) the local one below is all
 * there is; with several instances on one PostgreSQL database the table-backed one (src/storage/postgres) lets
 * exactly one claim of each (job, slot) succeed, and its rows are the run history catch-up reads after downtime.
 * node-cron 4's distributed mode asks it before every scheduled fire (scheduler.ts); catch-up claims the same slot,
 * so a run made up at start and the scheduled fire of that slot never both happen.
 */
import { parseInstant } from '../shared/time.js';
import type { JobHistory } from './job-history.js';
import type { JobRun, ListedOutcome, RunReason } from './job.js';

export interface SlotClaim {
  job: string;
  /** The due time the run stands for, an instant (+08:00). */
  slot: string;
  /** Which instance asks (host:pid by default), kept with the claim for a person reading the history. */
  instanceId: string;
  reason: Exclude<RunReason, 'manual'>;
  /** When the claim was made. */
  at: string;
}

/** A job's run as the listing shows it, the same on every instance: who ran it, which slot, how it ended. */
export interface RunSummary {
  job: string;
  /** The due time it stood for; null for a manual run (and in a one-process record, which keeps no slot). */
  slot: string | null;
  /** Absent in a record made before reasons were kept. */
  reason?: RunReason;
  /** Who ran it; null in a record made before instances were named. */
  instanceId: string | null;
  startedAt: string;
  /** Null when the outcome is unknown: its instance stopped beating mid-run. */
  finishedAt: string | null;
  outcome: ListedOutcome;
  counts: Record<string, number>;
  error: string | null;
}

/** What the coordinator knows of one job now: its newest ended (or dead) run, and who runs it at this moment. */
export interface JobRunState {
  last: RunSummary | null;
  /** The instance running the job now (its heartbeat fresh), or null. */
  runningOn: string | null;
}

export interface RunCoordinator {
  /** True for exactly one claim of a (job, slot) across every instance sharing the coordinator. */
  claim(claim: SlotClaim): Promise<boolean>;
  /**
   * Said every few seconds while a claimed run goes on: another instance's claim of the job waits for it (no two
   * runs of one job at once), and a run whose beats stop is taken for dead. Absent: one process, nothing to tell.
   */
  heartbeat?(job: string, slot: string): Promise<void>;
  /** How the run of a claimed slot ended. */
  finish(job: string, slot: string, run: JobRun): Promise<void>;
  /** A run with no slot (a person's 立即运行): history only, it never blocks a slot. */
  recordManual(run: JobRun, instanceId: string): Promise<void>;
  /** Epoch ms of the newest slot (or manual start) that ended ok, or null: what catch-up compares with. */
  lastSuccess(job: string): Promise<number | null>;
  /**
   * The listing's read, for the named jobs at once (a job with nothing known is absent): one answer for every
   * instance sharing the coordinator. A skipped slot is never a job's last run.
   */
  lastRuns(jobs: readonly string[]): Promise<Map<string, JobRunState>>;
}

/** Slots remembered per job: enough for a fire and a catch-up of the same slot to meet, bounded in memory. */
const REMEMBERED = 64;

/**
 * One process: node-cron fires each slot once, so the only double it can meet is a catch-up and the scheduled fire
 * of one slot. The run history stays in the store (job-history.ts), so finish and recordManual keep nothing here,
 * and lastRuns answers from that history (none given: nothing known). A run is recorded when it ends, so this
 * record never holds an unknown one; who runs a job now is the scheduler's to say in one process.
 */
export function createLocalRunCoordinator(
  options: { history?: Pick<JobHistory, 'load' | 'lastRun'> } = {},
): RunCoordinator {
  const { history } = options;
  const claimed = new Map<string, number[]>();
  return {
    async claim({ job, slot }) {
      const at = parseInstant(slot);
      const slots = claimed.get(job) ?? [];
      if (slots.includes(at)) return false;
      slots.push(at);
      if (slots.length > REMEMBERED) slots.shift();
      claimed.set(job, slots);
      return true;
    },
    finish: async () => undefined,
    recordManual: async () => undefined,
    lastSuccess: async () => null,
    async lastRuns(jobs) {
      const known = new Map<string, JobRunState>();
      if (!history) return known;
      await history.load();
      for (const job of jobs) {
        const run = history.lastRun(job);
        if (run) known.set(job, { last: summaryOf(run), runningOn: null });
      }
      return known;
    },
  };
}

/** A recorded run as the listing shows it (the store's record keeps no slot). */
export const summaryOf = (run: JobRun): RunSummary => ({
  job: run.job,
  slot: null,
  ...(run.reason ? { reason: run.reason } : {}),
  instanceId: run.instanceId ?? null,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
  outcome: run.outcome,
  counts: run.counts,
  error: run.error,
});
