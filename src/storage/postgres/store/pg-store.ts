/**
 * The Store contract on PostgreSQL, for several instances on one database (docs/postgres.md "The store on
 * PostgreSQL"). Each instance holds the documents it serves in memory, as on lowdb, so the domain's synchronous
 * reads stay synchronous; a write is a PostgreSQL transaction taken under one advisory lock, so writes of all
 * instances are serialized and numbered (`seq`); every instance takes in the others' writes through LISTEN/NOTIFY
 * (and a poll, should a notification be lost) before its next write and, via `catchUp`, before serving a request.
 */
import type pg from 'pg';
import { internReviver } from '../../../shared/intern.js';
import type { Logger } from '../../../shared/logger.js';
import type { AppendLog, ExternalChange, Migration, Store, StoreStats, Transaction } from '../../store.js';
import { connectPostgresPool, type Db } from '../connect.js';
import { migrateToLatest } from '../migrate.js';
import { keyOf, StoreCache } from './cache.js';
import { pruneTombstones, SeqHistory, TOMBSTONE_KEEP_MS } from './tombstones.js';
import { mergedOps, replay, runTx, touches, type PendingTx } from './pending.js';
import { changesSince, CHANNEL, loadAll, WRITE_LOCK, writeOps, type RowChange } from './sql.js';
import { ALL_TABLES } from './tables.js';
import { asStoreError, checkout } from './unavailable.js';
import { postgresLog } from './pg-log.js';
import { runStoreMigrations } from './store-migrations.js';
import { followChanges } from './follow.js';

export interface PostgresStoreOptions {
  url: string;
  /** Who this instance is (logs, pg_stat_activity). */
  instanceId: string;
  logger?: Logger;
  /** The store's document migrations (the same list lowdb runs). */
  migrations?: Migration[];
  poolSize?: number;
  /** How often to look for other instances' writes should a notification be lost (default 2 s). */
  pollMs?: number;
  /** How long a deleted document's row is kept for other instances to learn of the delete (default 10 min). */
  tombstoneKeepMs?: number;
}

export interface PostgresStore extends Store {
  readonly db: Db;
  readonly pool: pg.Pool;
  readonly instanceId: string;
  /** Takes in every change other instances committed up to now. */
  catchUp(): Promise<void>;
  /** Empties every table of the store (`xiaoer store copy --force`); the database must not be in use. */
  truncateAll(): Promise<void>;
}

export async function openPostgresStore(opts: PostgresStoreOptions): Promise<PostgresStore> {
  const log = opts.logger;
  const reviver = internReviver();
  const { pool, db } = connectPostgresPool({
    url: opts.url,
    poolSize: opts.poolSize,
    applicationName: `xiaoer ${opts.instanceId}`.slice(0, 63),
    onIdleError: (err) => log?.warn({ err }, 'a PostgreSQL connection dropped; the pool replaces it'),
    parseJson: (text) => JSON.parse(text, reviver),
  });
  try {
    await migrateToLatest(db);
    return await openMigrated(opts, pool, db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw asStoreError(err);
  }
}

async function openMigrated(opts: PostgresStoreOptions, pool: pg.Pool, db: Db): Promise<PostgresStore> {
  const log = opts.logger;
  const cache = new StoreCache();
  const stats: StoreStats = { transactions: 0, flushes: 0, filesWritten: 0, bytesWritten: 0 };
  const listeners = new Set<(changes: readonly ExternalChange[]) => void>();
  let seq = 0;
  const history = new SeqHistory(opts.tombstoneKeepMs ?? TOMBSTONE_KEEP_MS);
  let pending: PendingTx[] = [];
  /** Set when another instance changed something a pending transaction read or wrote. */
  let stale = false;
  let flushing: Promise<void> | null = null;
  let catching: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let closing = false;
  // Commits and catch-ups take turns: a catch-up reading this instance's own commit half-way would take its
  // writes for another instance's and run the committing transactions again.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = turn.then(work);
    turn = run.catch(() => undefined);
    return run;
  };

  /** Takes in changes committed by others (skipping what this instance already has). */
  function takeIn(changes: RowChange[]): void {
    const told: ExternalChange[] = [];
    for (const ch of changes) {
      if (ch.seq <= seq) continue;
      seq = ch.seq;
      const before = cache.committedDoc(ch.collection, ch.id);
      cache.setCommitted(ch.collection, ch.id, ch.doc);
      if (!stale && pending.some((p) => touches(p, ch.collection, ch.id))) stale = true;
      told.push({ collection: ch.collection, id: ch.id, before, after: ch.doc ?? undefined });
    }
    if (!told.length) return;
    if (stale) {
      pending = replay(cache, pending);
      stale = false;
    }
    tell(told);
  }

  /**
   * Takes in what others committed since `seq`; if tombstones this instance never saw were pruned meanwhile (it
   * was cut off for longer than they are kept), reads everything again instead, or a delete would be missed.
   */
  async function takeInNews(client: pg.ClientBase): Promise<void> {
    const news = await changesSince(client, seq);
    if (seq < news.tombstonesUpTo) await reload();
    else takeIn(news.changes);
  }

  async function reload(): Promise<void> {
    const rows: [string, string, unknown][] = [];
    const lease = await checkout(pool);
    let top: number;
    try {
      top = await loadAll(lease.client, (c, id, doc) => rows.push([c, id, doc]));
    } finally {
      lease.release();
    }
    const old = new Map<string, [string, string, unknown]>();
    for (const e of cache.committedEntries()) old.set(keyOf(e[0], e[1]), e);
    cache.clearCommitted();
    const told: ExternalChange[] = [];
    for (const [c, id, doc] of rows) {
      const k = keyOf(c, id);
      cache.setCommitted(c, id, doc);
      told.push({ collection: c, id, before: old.get(k)?.[2], after: doc });
      old.delete(k);
    }
    for (const [c, id, doc] of old.values()) told.push({ collection: c, id, before: doc, after: undefined });
    seq = top;
    log?.warn(
      { documents: rows.length },
      'this instance was cut off longer than deletes are kept; read everything again',
    );
    pending = replay(cache, pending);
    tell(told);
  }

  function tell(told: ExternalChange[]): void {
    for (const l of listeners) {
      try {
        l(told);
      } catch (err) {
        log?.warn({ err }, 'a listener of other instances’ changes failed');
      }
    }
  }

  async function commitBatch(batch: PendingTx[]): Promise<void> {
    let lease: Awaited<ReturnType<typeof checkout>>;
    try {
      lease = await checkout(pool);
    } catch (err) {
      refuse(batch, err);
      return;
    }
    const client = lease.client;
    try {
      await client.query('begin');
      await client.query(WRITE_LOCK);
      await takeInNews(client);
      const horizon = history.horizon();
      if (horizon !== null) await pruneTombstones(client, horizon);
      // A replay may have answered or refused some of the batch.
      const live = batch.filter((p) => pending.includes(p));
      if (!live.length) {
        await client.query('rollback');
        return;
      }
      const ops = mergedOps(live);
      const { top, bytes } = await writeOps(client, ops);
      await client.query('select pg_notify($1, $2)', [CHANNEL, String(top)]);
      await client.query('commit');
      seq = Math.max(seq, top);
      history.note(seq);
      for (const [c, id, doc] of ops) cache.setCommitted(c, id, doc);
      pending = pending.filter((p) => !live.includes(p));
      cache.setPending(pending.map((p) => p.writes.values()));
      stats.flushes++;
      stats.bytesWritten += bytes;
      for (const p of live) p.resolve(p.result);
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      refuse(batch, err);
    } finally {
      lease.release();
    }
  }

  function refuse(batch: PendingTx[], err: unknown): void {
    const refused = batch.filter((p) => pending.includes(p));
    pending = pending.filter((p) => !refused.includes(p));
    const reason = asStoreError(err);
    for (const p of refused) p.reject(reason);
    // Later transactions ran on top of the refused ones' writes: run them again without.
    pending = replay(cache, pending);
    log?.error({ err, transactions: refused.length }, 'a store write to PostgreSQL failed; nothing of it was kept');
  }

  function scheduleFlush(): Promise<void> {
    flushing ??= (async () => {
      try {
        while (pending.length) {
          const batch = [...pending];
          // commitBatch answers its transactions itself; this is for a fault of ours, so none is left waiting.
          await inTurn(() => commitBatch(batch)).catch((err: unknown) => refuse(batch, err));
        }
      } finally {
        flushing = null;
      }
    })();
    return flushing;
  }

  /** One catch-up reading the database now; the caller's moment is covered only by one that starts after it. */
  function readChanges(): Promise<void> {
    catching = inTurn(async () => {
      const lease = await checkout(pool);
      try {
        await takeInNews(lease.client);
        history.note(seq);
      } catch (err) {
        throw asStoreError(err);
      } finally {
        lease.release();
      }
    }).finally(() => {
      catching = null;
    });
    return catching;
  }

  function catchUp(): Promise<void> {
    if (!catching) return readChanges();
    // The one in flight may have read before this caller's moment: a fresh one after it, shared by all who wait.
    queued ??= catching
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return catching ?? readChanges();
      });
    return queued;
  }

  const loader = await checkout(pool);
  try {
    seq = await loadAll(loader.client, (c, id, doc) => cache.setCommitted(c, id, doc));
  } finally {
    loader.release();
  }

  const follower = followChanges(
    { url: opts.url, channel: CHANNEL, pollMs: opts.pollMs ?? 2000, logger: log },
    (notifiedSeq) => {
      // This instance's own commit (or one it already has) needs no catch-up.
      if (notifiedSeq !== undefined && notifiedSeq <= seq) return;
      catchUp().catch((err) => log?.warn({ err }, 'could not take in other instances’ changes; retrying'));
    },
  );

  const store: PostgresStore = {
    db,
    pool,
    instanceId: opts.instanceId,
    transact<R>(fn: (tx: Transaction) => R): Promise<R> {
      if (closing) return Promise.reject(new Error('the store is closed'));
      let run: ReturnType<typeof runTx>;
      try {
        run = runTx(cache, fn);
      } catch (err) {
        return Promise.reject(err);
      }
      stats.transactions++;
      if (!run.writes.size) return Promise.resolve(run.result as R);
      return new Promise<R>((resolve, reject) => {
        pending.push({ fn, ...run, resolve: resolve as (v: unknown) => void, reject });
        cache.addPending(run.writes.values());
        void scheduleFlush();
      });
    },
    get: <T>(c: string, id: string) => cache.get(c, id) as T | undefined,
    all: <T>(c: string) => cache.all(c) as Iterable<T>,
    entries: <T>(c: string) => cache.entries(c) as Iterable<[string, T]>,
    count: (c) => cache.count(c),
    log: <T>(name: string): AppendLog<T> => postgresLog<T>(pool, name),
    async flush() {
      while (flushing) await flushing;
    },
    async inventory() {
      const { rows } = await pool.query<{ name: string }>('select distinct name from store_logs order by name');
      return { collections: cache.collections().sort(), logs: rows.map((r) => r.name) };
    },
    onExternalChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    catchUp,
    async truncateAll() {
      await store.flush();
      await pool.query(`truncate ${[...ALL_TABLES, 'store_logs'].join(', ')}`);
      cache.clear();
    },
    async close() {
      if (closing) return;
      closing = true;
      await follower.stop();
      await store.flush().catch(() => undefined);
      await catching?.catch(() => undefined);
      await db.destroy();
    },
    stats: () => ({ ...stats }),
  };

  try {
    await runStoreMigrations(store, pool, opts.migrations ?? [], log);
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
