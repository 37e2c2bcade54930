/**
 * The composition root: builds every feature from the validated config and starts the service (used by main.ts and the
 * CLI).
 */
export { packageInfo } from '../shared/package-info.js';
export { startService } from './start-service.js';
export type { RunningService, StartOptions, SyncAllProgress } from './start-service.js';
export type { Labels } from './labels-router.js';
export { startSandboxServer } from './sandbox-server.js';
export { copyStoreBetween, storeLocation } from './store-copy.js';
export type { StoreCopyOptions, StoreLocation } from './store-copy.js';
export type { CopyProgress, CopyReport, CopyStep } from '../storage/copy/index.js';
export type { RunningSandbox, SandboxInstanceConfig, SandboxServerOptions } from './sandbox-server.js';
