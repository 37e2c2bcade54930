/**
 * The generic scheduler: jobs as data (`{name, schedule, run}`), cron times read in Asia/Shanghai, an overlap
 * guard, catch-up of missed daily runs after downtime, and the run history. It knows nothing of the shop; the
 * shop's jobs are registered by src/operations.
 */
export type { Job, JobContext, JobRun, ListedOutcome, RunOutcome, RunReason } from './job.js';
export { RUN_OUTCOME_LABELS, RUN_REASON_LABELS } from './job.js';
export type { JobSettings } from './job-settings.js';
export { nodeCronDriver, SHOP_TIME_ZONE, startScheduler } from './scheduler.js';
export type { CronCoordinator, CronDriver, JobListing, Scheduler, SchedulerDeps } from './scheduler.js';
export { createLocalRunCoordinator } from './run-coordinator.js';
export { createLocalWorkOwner } from './work-owner.js';
export type { WorkOwner, WorkOwnerFactory } from './work-owner.js';
export { createLocalInstances, newInstanceId } from './instances.js';
export type { Instances } from './instances.js';
export type { JobRunState, RunCoordinator, RunSummary, SlotClaim } from './run-coordinator.js';
export { lastCronDue, nextCronRun, parseCron } from './cron-time.js';
export type { CronFields } from './cron-time.js';
export { catchUpDecision } from './catch-up.js';
export type { CatchUpDecision } from './catch-up.js';
export { createJobHistory, JOB_STATE } from './job-history.js';
export type { JobHistory, JobState } from './job-history.js';
