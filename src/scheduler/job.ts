import type { WorkOwner } from './work-owner.js';

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
  /**
   * Work that must stay on one instance (the order sync): runs only while this instance owns it; elsewhere each
   * slot and 立即运行 are recorded as skipped-not-owner, and no slot is claimed, so the owner's claim wins.
   */
  owner?: WorkOwner;
  /** Returns counts worth recording (orders synced, messages queued...). */
  run(ctx?: JobContext): Promise<Record<string, number>>;
}

export type RunReason = 'scheduled' | 'catch-up' | 'manual';
export type RunOutcome = 'ok' | 'failed' | 'skipped-overlap' | 'skipped-not-owner';
/** What the listing can say of a run: 'unknown' when its instance stopped beating mid-run (nobody knows the end). */
export type ListedOutcome = RunOutcome | 'unknown';

/** What a person reads for a run's outcome and why it ran (任务调度 via GET /api/labels, `xiaoer jobs`): one copy. */
export const RUN_OUTCOME_LABELS: Readonly<Record<ListedOutcome, string>> = {
  ok: '成功',
  failed: '失败',
  'skipped-overlap': '上一次还在运行，已跳过',
  'skipped-not-owner': '由另一台实例负责，已跳过',
  unknown: '结果不明，运行它的实例已停止',
};
export const RUN_REASON_LABELS: Readonly<Record<RunReason, string>> = {
  scheduled: '定时',
  'catch-up': '补跑',
  manual: '手动',
};

export interface JobContext {
  /** The due time this run stands for (epoch ms): a catch-up at 09:40 builds the report due at 09:00. */
  dueAt: number;
  reason: RunReason;
}

export interface JobRun {
  job: string;
  startedAt: string;
  finishedAt: string;
  outcome: RunOutcome;
  counts: Record<string, number>;
  error: string | null;
  reason?: RunReason;
  /** The instance that ran it (host:pid unless configured), shown in the listing; absent in older records. */
  instanceId?: string;
}
