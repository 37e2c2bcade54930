export type {
  Store,
  Transaction,
  AppendLog,
  Migration,
  CollectionOptions,
  StoreStats,
  ExternalChange,
} from './store.js';
export { openLowdbStore, type LowdbStore, type LowdbStoreOptions } from './lowdb-store.js';
export { createMemoryStore } from './memory-store.js';
export { readLock, type LockInfo } from './store-lock.js';
export { writeFileAtomic } from './atomic-file.js';
export type { RowLayout } from './row-layout.js';
