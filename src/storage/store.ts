import type { RowLayout } from './row-layout.js';

/**
 * The storage contract every repository is written against. The lowdb implementation
 * (lowdb-store.ts) is the only code that knows lowdb; the PostgreSQL one (postgres/pg-store.ts)
 * keeps the same contract for several instances on one database (docs/postgres.md says how).
 *
 * Model: named collections of JSON documents keyed by id, plus append-only logs.
 * - `transact(fn)` runs `fn` synchronously against the current state, so read-modify-write inside
 *   it is never interleaved with another writer. The returned promise resolves only when every
 *   change made in `fn` is on disk, all of them or none (a crash never keeps half a transaction).
 * - Reads outside a transaction see the latest committed-or-pending state of this process.
 * - Documents are plain JSON values. `put` hands the document over: the store keeps that object
 *   (frozen at the top level), so pass a fresh object and do not change it afterwards. What `get`
 *   and `all` return is shared and read-only; `tx.get` returns a copy the transaction may change.
 */
export interface Store {
  transact<R>(fn: (tx: Transaction) => R): Promise<R>;
  get<T>(collection: string, id: string): T | undefined;
  /** Every document of a collection (insertion order not guaranteed). */
  all<T>(collection: string): Iterable<T>;
  /** Every document of a collection with its id, read-only as `all` (`xiaoer store copy` needs the ids). */
  entries<T>(collection: string): Iterable<[id: string, doc: T]>;
  count(collection: string): number;
  /** An append-only log kept out of the collections' files (sync history, message log, statement rows...). */
  log<T>(name: string): AppendLog<T>;
  /** Resolves when everything accepted so far is on disk. */
  flush(): Promise<void>;
  /** The collections and logs that hold anything (what `xiaoer store copy` copies). */
  inventory(): Promise<{ collections: string[]; logs: string[] }>;
  /**
   * Documents another instance changed (PostgreSQL, several instances on one database), after this store has
   * taken them in: an index kept beside the store follows them. lowdb and memory never call it (one writer).
   */
  onExternalChange(listener: (changes: readonly ExternalChange[]) => void): () => void;
  close(): Promise<void>;
  stats(): StoreStats;
}

export interface ExternalChange {
  collection: string;
  id: string;
  /** undefined: the document was new (before) or deleted (after). */
  before: unknown;
  after: unknown;
}

export interface Transaction {
  get<T>(collection: string, id: string): T | undefined;
  put<T>(collection: string, id: string, doc: T): void;
  delete(collection: string, id: string): void;
}

export interface AppendLog<T> {
  /** Resolves when the records are on disk. */
  append(...records: T[]): Promise<void>;
  /** Every record in append order; a torn last line from a crash is skipped. */
  read(): AsyncIterable<T>;
}

export interface StoreStats {
  /** Transactions accepted. */
  transactions: number;
  /** Group commits to the write-ahead log: one write + fsync covers every transaction pending at that moment. */
  flushes: number;
  /** Shard files rewritten. */
  filesWritten: number;
  bytesWritten: number;
}

export interface CollectionOptions {
  /** Documents are spread over this many files so a write rewrites only the files it touched. */
  shards: number;
  /**
   * The key order of the collection's documents, when they all share one shape: documents written
   * several at a time then go to the log as rows, without their keys. Only a storage optimization:
   * a document that does not fit is written as it is, and a store opened without it reads rows too.
   */
  rowLayout?: RowLayout;
}

/** A schema migration: run once, in version order, on a store whose recorded version is lower. */
export interface Migration {
  version: number;
  description: string;
  up(tx: Transaction, store: Pick<Store, 'all' | 'get'>): void;
}
