/**
 * The run coordinator: which instance runs a job's time slot. With one process (lowdb) the local one below is all
 * there is; with several instances on one PostgreSQL database the table-backed one (src/storage/postgres) lets
 * exactly one claim of each (job, slot) succeed, and its rows are the run history catch-up reads after downtime.
 * node-cron 4's distributed mode asks it before every scheduled fire (scheduler.ts); catch-up claims the same slot,
 * so a run made up at start and the scheduled fire of that slot never both happen.
 */
import { parseInstant } from '../shared/time.js';
import type { JobRun, RunReason } from './job.js';

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
}

/** Slots remembered per job: enough for a fire and a catch-up of the same slot to meet, bounded in memory. */
const REMEMBERED = 64;

/**
 * One process: node-cron fires each slot once, so the only double it can meet is a catch-up and the scheduled fire
 * of one slot. The run history stays in the store (job-history.ts), so finish and recordManual keep nothing here.
 */
export function createLocalRunCoordinator(): RunCoordinator {
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
  };
}
