/**
 * The operations feature's settings entry: the jobs' config schema, names and labels, without the feature. The
 * config (read by every CLI command) and the CLI load this file, not index.ts, which brings in every feature the
 * jobs run (over a second of start-up for `xiaoer --help`).
 */
export { jobsConfigSchema, defaultJobsConfig, DEFAULT_SCHEDULES, JOB_LABELS, JOB_NAMES } from './jobs-config.js';
export type { JobsConfig, JobName } from './jobs-config.js';
export { JOB_COUNT_LABELS, jobCountLabels } from './job-counts.js';
export { jobLabels, timedJobName, TIMED_JOBS } from './jobs-config.js';
