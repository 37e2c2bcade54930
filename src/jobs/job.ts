/** A scheduled job is data: its name, its cron expression in shop time, and the work it does. */
export interface Job {
  name: string;
  /** node-cron expression (with seconds optional), always read in Asia/Shanghai. */
  schedule: string;
  description: string;
  /** Returns counts worth recording (orders synced, messages queued...). */
  run(): Promise<Record<string, number>>;
}

export interface JobRun {
  job: string;
  startedAt: string;
  finishedAt: string;
  outcome: 'ok' | 'failed' | 'skipped-overlap';
  counts: Record<string, number>;
  error: string | null;
}
