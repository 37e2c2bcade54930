/**
 * PostgreSQL for several instances on one database (issue 20, docs/postgres.md): the connection, the migrations,
 * and the run coordinator's table. Opened by the composition root only, so a shop on lowdb never loads pg.
 */
export { connectPostgres, databaseUrlOf } from './connect.js';
export { openPostgresStore } from './store/pg-store.js';
export { createPostgresKeyedLock } from './keyed-lock.js';
export type { PostgresKeyedLock } from './keyed-lock.js';
export type { PostgresStore, PostgresStoreOptions } from './store/pg-store.js';
export type { Db, PostgresOptions } from './connect.js';
export { migrateToLatest, MigrationFailedError, MIGRATIONS } from './migrate.js';
export type { MigrateResult } from './migrate.js';
export { createPostgresRunCoordinator, STALE_AFTER_MS } from './run-coordinator.js';
export type { PostgresRunCoordinator } from './run-coordinator.js';
export { createPostgresInstances, HEARTBEAT_MS, INSTANCE_STALE_MS } from './instances.js';
export type { PostgresInstances, PostgresInstancesOptions } from './instances.js';
export { createPostgresWorkOwner, postgresWorkOwners, WORK_OWNER_RETRY_MS, workLockText } from './work-owner.js';
export type { PostgresWorkOwner, PostgresWorkOwnerOptions } from './work-owner.js';
export type { Database } from './schema.js';
