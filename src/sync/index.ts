/**
 * Keeping xiaoer's copy of the order book and the parcels current: the backfill and incremental order sync, the
 * parcel refresh, their scheduled jobs and the /api/sync routes.
 */
export { createSyncService } from './sync-service.js';
export type { SyncDeps, SyncService } from './sync-service.js';
export { createSyncState, type SyncRun, type SyncCheckpoint } from './sync-state.js';
export type { SyncProgress } from './order-sync.js';
export { BACKFILL_DAYS_AHEAD } from './order-sync.js';
export { syncJobs } from './sync-jobs.js';
export { syncRouter } from './sync-router.js';
export { createTmcConsumer } from './tmc-consumer.js';
export type { TmcConsumer, TmcConsumerOptions, TmcConsumerStatus } from './tmc-consumer.js';
export type { TmcApplied } from './tmc-apply.js';
export type { TmcHandoff, TmcHandoffHandler } from './tmc-handoff-log.js';
export { refundTimes } from './tmc-refund-times.js';
export { TMC_WORDS } from './tmc-labels.js';
