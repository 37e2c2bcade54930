/** A scheduled job is data: its name, its cron expression in shop time, and the work it does. */
export interface Job {
  name: string;
  /** node-cron expression (with seconds optional), always read in Asia/Shanghai. */
  schedule: string;
  /** What it does, for engineers (English); the name staff read is given by whoever registers the job. */
  description: string;
  /**
   * Daily jobs only: how long after a due time a missed run may still be made up on start
   * (a 20:00 review-repair batch has a 60-minute window; it is not sent at 03:00). Absent: no catch-up.
   */
  catchUpMinutes?: number;
  /** Returns counts worth recording (orders synced, messages queued...). */
  run(ctx?: JobContext): Promise<Record<string, number>>;
}

export type RunReason = 'scheduled' | 'catch-up' | 'manual';

export interface JobContext {
  /** The due time this run stands for (epoch ms): a catch-up at 09:40 builds the report due at 09:00. */
  dueAt: number;
  reason: RunReason;
}

export interface JobRun {
  job: string;
  startedAt: string;
  finishedAt: string;
  outcome: 'ok' | 'failed' | 'skipped-overlap';
  counts: Record<string, number>;
  error: string | null;
  reason?: RunReason;
}
