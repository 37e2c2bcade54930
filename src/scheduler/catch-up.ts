/**
 * node-cron does not re-run what was missed while the service was down. On start, a daily job whose
 * last successful run is older than its last due time runs once, unless the due time is further back
 * than the job's window (a 20:00 review-repair batch is not sent at 03:00; it waits for tomorrow).
 */
import { MINUTE } from '../shared/time.js';
import { lastCronDue } from './cron-time.js';
import type { Job } from './job.js';

export type CatchUpDecision =
  | { run: true; dueAt: number }
  | { run: false; reason: 'no-catch-up' | 'up-to-date' | 'outside-window' | 'never-due'; dueAt: number | null };

export function catchUpDecision(
  job: Pick<Job, 'schedule' | 'catchUpMinutes'>,
  lastSuccessAt: number | null,
  now: number,
): CatchUpDecision {
  if (!job.catchUpMinutes || job.catchUpMinutes <= 0) return { run: false, reason: 'no-catch-up', dueAt: null };
  const dueAt = lastCronDue(job.schedule, now);
  if (dueAt === null) return { run: false, reason: 'never-due', dueAt };
  if (lastSuccessAt !== null && lastSuccessAt >= dueAt) return { run: false, reason: 'up-to-date', dueAt };
  if (now - dueAt > job.catchUpMinutes * MINUTE) return { run: false, reason: 'outside-window', dueAt };
  return { run: true, dueAt };
}
