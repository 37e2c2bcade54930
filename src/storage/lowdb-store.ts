import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Logger } from '../shared/logger.js';
import { AtomicJsonFile } from './atomic-file.js';
import { createAppendLog } from './append-log.js';
import { acquireLock, type LockInfo } from './store-lock.js';
import { createCollection, shardFileName, shardOf, type ShardedCollection } from './shards.js';
import type { AppendLog, CollectionOptions, Migration, Store, StoreStats, Transaction } from './store.js';
import { listSegments, openWal, replaySegments, segmentSeq, walLine, type WalOp } from './wal.js';
import { createRowCodec, type RowCodec } from './row-layout.js';
import { ownEntry } from '../shared/own-entry.js';
import { internReviver } from '../shared/intern.js';
import { runMigrations, type StoreMeta } from './migrations.js';
import { removeStaleTemps } from './stale-temps.js';

export interface LowdbStoreOptions {
  dir: string;
  collections?: Record<string, CollectionOptions>;
  migrations?: Migration[];
  /** Checkpoint (rewrite dirty shard files, drop old log segments) past this many log bytes… */
  checkpointBytes?: number;
  /** …or this long after the last checkpoint when anything is dirty. */
  checkpointIntervalMs?: number;
  logger?: Logger;
}

export interface LowdbStore extends Store {
  /** Rewrites every dirty shard file and removes the log segments they cover. */
  checkpoint(): Promise<void>;
  /** Records the service's port and CLI token in the lock file. */
  advertise(info: Pick<LockInfo, 'port' | 'token' | 'cliUser'>): Promise<void>;
  readonly dir: string;
}

interface Coll {
  data: ShardedCollection;
  files: Low<{ docs: Record<string, unknown> }>[];
  /** Shard → change counter: a shard stays dirty unless the version written is still the latest. */
  dirty: Map<number, number>;
  rows: RowCodec | undefined;
}

const NAME = /^[A-Za-z0-9._-]+$/;

/**
 * The lowdb-backed Store: the only module that opens lowdb. Collections live in shard files
 * (`collections/<name>/NNN.json`, one lowdb instance each) so a checkpoint rewrites only the shards
 * that changed; transactions are acknowledged once their line of the write-ahead log is fsynced.
 */
export async function openLowdbStore(opts: LowdbStoreOptions): Promise<LowdbStore> {
  await mkdir(join(opts.dir, 'collections'), { recursive: true });
  await mkdir(join(opts.dir, 'wal'), { recursive: true });
  await mkdir(join(opts.dir, 'logs'), { recursive: true });
  const lock = await acquireLock(opts.dir);
  // Whatever makes the open fail (a corrupt shard, a bad meta.json, a migration), the lock is freed: the same
  // process may try again, and nothing of this store keeps running.
  try {
    return await openLocked(opts, lock);
  } catch (err) {
    await lock.release();
    throw err;
  }
}

async function openLocked(opts: LowdbStoreOptions, lock: Awaited<ReturnType<typeof acquireLock>>): Promise<LowdbStore> {
  const dir = opts.dir;
  const collDir = join(dir, 'collections');
  const walDir = join(dir, 'wal');
  const log = opts.logger;
  const stats: StoreStats = { transactions: 0, flushes: 0, filesWritten: 0, bytesWritten: 0 };
  const colls = new Map<string, Coll>();
  const intern = internReviver();
  const meta = new Low<StoreMeta>(new AtomicJsonFile(join(dir, 'meta.json')), { schemaVersion: 0, shards: {} });

  // Only now that the lock is ours: no other process can be writing one of these.
  const removed = await removeStaleTemps(dir, (file, err) =>
    log?.warn({ file, err }, 'could not delete a temp file a crash left'),
  );
  if (removed.length) log?.info({ removed: removed.length }, 'deleted temp files a crash left');
  await meta.read();
  meta.data ??= { schemaVersion: 0, shards: {} };

  // Own properties only: a collection called `constructor` must not find Object's.
  const ownOption = (name: string) => (opts.collections ? ownEntry(opts.collections, name) : undefined);
  const shardCount = (name: string) => {
    const n = ownOption(name)?.shards ?? ownEntry(meta.data.shards, name) ?? 1;
    if (!Number.isInteger(n) || n < 1)
      throw new Error(
        `collection ${JSON.stringify(name)}: shard count ${JSON.stringify(n)} is not a whole number of at least 1`,
      );
    return n;
  };

  function coll(name: string): Coll {
    let c = colls.get(name);
    if (!c) {
      if (!NAME.test(name)) throw new Error(`invalid collection name ${JSON.stringify(name)}`);
      const n = shardCount(name);
      const layout = ownOption(name)?.rowLayout;
      c = {
        rows: layout ? createRowCodec(layout) : undefined,
        data: createCollection(name, n),
        files: Array.from(
          { length: n },
          (_, i) => new Low(new AtomicJsonFile(join(collDir, name, shardFileName(i))), { docs: {} }),
        ),
        dirty: new Map(),
      };
      colls.set(name, c);
    }
    return c;
  }

  function apply(name: string, id: string, doc: unknown): void {
    const c = coll(name);
    const shard = shardOf(id, c.data.shards.length);
    if (doc === null) c.data.shards[shard]!.delete(id);
    else c.data.shards[shard]!.set(id, doc);
    markDirty(c, shard);
  }

  function markDirty(c: Coll, shard: number): void {
    c.dirty.set(shard, (c.dirty.get(shard) ?? 0) + 1);
  }

  const orphans: string[] = [];
  // Load shard files. A document found in a file other than its shard (the shard count changed) is moved.
  for (const name of await readdir(collDir).catch(() => [] as string[])) {
    if (!NAME.test(name)) continue;
    const c = coll(name);
    for (const file of (await readdir(join(collDir, name))).filter((f) => /^\d{3}\.json$/.test(f))) {
      const index = Number(file.slice(0, 3));
      const low = new Low<{ docs: Record<string, unknown> }>(new AtomicJsonFile(join(collDir, name, file), intern), {
        docs: {},
      });
      await low.read();
      for (const [id, doc] of Object.entries(low.data?.docs ?? {})) {
        const shard = shardOf(id, c.data.shards.length);
        c.data.shards[shard]!.set(id, doc);
        if (shard !== index) markDirty(c, shard);
      }
      if (index >= c.data.shards.length) orphans.push(join(collDir, name, file));
      else if (Object.keys(low.data?.docs ?? {}).some((id) => shardOf(id, c.data.shards.length) !== index))
        markDirty(c, index);
    }
  }

  // Replay the write-ahead log over the shards: whole documents in order, so replay is idempotent.
  // Segments the last checkpoint covered are already in the shard files; one still here is a
  // leftover (its deletion failed or a crash interrupted it), and replaying it over a newer shard
  // file would bring back older documents.
  const coveredUpTo = meta.data.walCovered ?? 0;
  if (!Number.isSafeInteger(coveredUpTo) || coveredUpTo < 0)
    throw new Error(
      `meta.json: walCovered ${JSON.stringify(coveredUpTo)} is not a segment number; restore meta.json from a backup`,
    );
  const onDisk = await listSegments(walDir);
  const segments = onDisk.filter((s) => segmentSeq(s) > coveredUpTo);
  if (segments.length < onDisk.length)
    log?.info(
      { skipped: onDisk.length - segments.length, coveredUpTo },
      'skipped write-ahead log segments a checkpoint already covered',
    );
  let replayed = 0;
  for await (const [name, id, doc] of replaySegments(segments, (file, line) =>
    log?.warn({ file, line }, 'skipped a torn write-ahead log line (never acknowledged)'),
  )) {
    apply(name, id, doc === null ? null : JSON.parse(JSON.stringify(doc), intern));
    replayed++;
  }
  const wal = await openWal(walDir, coveredUpTo);
  if (replayed) log?.info({ replayed, segments: segments.length }, 'recovered writes from the write-ahead log');

  const logs = new Map<string, ReturnType<typeof createAppendLog>>();
  let closing = false;
  let checkpointing: Promise<void> | null = null;
  let lastCheckpoint = Date.now();
  const inflight = new Set<Promise<unknown>>();
  /**
   * Set when the log could not be written. Memory may then hold a change that is not durable, so
   * the store stops (fail-stop, as databases do on fsync errors): no more writes, no checkpoint that
   * could carry that change to disk. A restart replays the log, which holds every acknowledged write.
   */
  let failure: Error | null = null;
  // Large enough that a 100k-order backfill is checkpointed about once, not once per 64 MB of log
  // (each checkpoint reserializes every shard written so far); replaying 256 MB takes a few seconds.
  const checkpointBytes = opts.checkpointBytes ?? 256 * 1024 * 1024;
  const interval = opts.checkpointIntervalMs ?? 60_000;

  /**
   * Rewrites dirty shards. A shard file must never get ahead of the fsynced log: each snapshot is
   * taken first, then every transaction applied up to that moment is awaited, then the file is
   * written. A shard leaves the dirty set only if nothing changed it while it was being written.
   */
  async function writeDirtyShards(): Promise<void> {
    for (const c of colls.values()) {
      if (c.dirty.size) await mkdir(join(collDir, c.data.name), { recursive: true });
      for (const [shard, version] of [...c.dirty]) {
        // Documents are never changed in place (tx.get hands out copies), so this shallow copy is a snapshot.
        const snapshot = { docs: Object.fromEntries(c.data.shards[shard]!) };
        await Promise.all([...inflight]);
        // A log write that failed meanwhile (while the checkpoint rotated the log, say) has left
        // `inflight` already, but its change is in the snapshot: it must never reach a shard file.
        if (failure) throw failure;
        const low = c.files[shard]!;
        low.data = snapshot;
        try {
          await low.write();
        } finally {
          low.data = { docs: {} };
        }
        if (c.dirty.get(shard) === version) c.dirty.delete(shard);
        stats.filesWritten++;
      }
    }
  }

  let checkpointChain: Promise<void> = Promise.resolve();
  /** Checkpoints run one after another; an explicit call always covers every write made before it. */
  function checkpoint(): Promise<void> {
    const run = checkpointChain.then(async () => {
      if (failure) throw failure;
      const { covered, upTo } = await wal.rotate();
      await writeDirtyShards();
      // Files left over from a larger shard count: their documents now live in other shards.
      await Promise.all(orphans.splice(0).map((f) => unlink(f).catch(() => undefined)));
      meta.data.shards = Object.fromEntries([...colls].map(([n, c]) => [n, c.data.shards.length]));
      // Set only now that the shard files covering those segments are on disk (a migration writes meta too).
      meta.data.walCovered = upTo;
      await meta.write();
      // The checkpoint holds once meta.json is written: a segment left undeleted is skipped by
      // replay and retried by the next checkpoint, so a failed delete is only reported.
      await wal
        .remove(covered)
        .catch((err) =>
          log?.warn({ err }, 'could not delete a covered write-ahead log segment; the next checkpoint retries'),
        );
      lastCheckpoint = Date.now();
    });
    checkpointChain = run.catch(() => undefined);
    checkpointing = run
      .finally(() => {
        if (checkpointing === tracked) checkpointing = null;
      })
      .catch(() => undefined);
    const tracked = checkpointing;
    return run;
  }

  function maybeCheckpoint(): void {
    if (checkpointing || closing) return;
    if (wal.bytes() > checkpointBytes || Date.now() - lastCheckpoint > interval) {
      checkpoint().catch((err) =>
        log?.error({ err }, 'checkpoint failed; the write-ahead log still holds every write'),
      );
    }
  }

  const timer = setInterval(maybeCheckpoint, Math.min(interval, 30_000));
  timer.unref();

  const store: LowdbStore = {
    dir,
    transact<R>(fn: (tx: Transaction) => R): Promise<R> {
      if (closing) return Promise.reject(new Error('the store is closed'));
      if (failure) return Promise.reject(failure);
      // Keyed by collection and id; the op keeps the caller's own id string (a substring of the key
      // would keep the whole key alive beside every stored document).
      const writes = new Map<string, WalOp>();
      const key = (c: string, id: string) => `${c}\u0000${id}`;
      const tx: Transaction = {
        get: <T>(c: string, id: string) => {
          const k = key(c, id);
          if (writes.has(k)) return (writes.get(k)![2] ?? undefined) as T | undefined;
          // A copy: changing it in place and then throwing must leave the store as it was.
          const current = store.get<T>(c, id);
          return current === undefined ? undefined : structuredClone(current);
        },
        put: (c, id, doc) => {
          if (doc === undefined || doc === null) throw new Error(`put ${c}/${id}: a document is required (use delete)`);
          writes.set(key(c, id), [c, id, doc]);
        },
        delete: (c, id) => {
          writes.set(key(c, id), [c, id, null]);
        },
      };
      let result: R;
      try {
        result = fn(tx);
      } catch (err) {
        return Promise.reject(err);
      }
      if (!writes.size) return Promise.resolve(result);
      // Serialize once, before touching memory, so a document JSON cannot hold changes nothing.
      const ops = [...writes.values()];
      let line: string[];
      try {
        for (const [c] of ops) coll(c); // an invalid collection name is refused here, before anything changes
        line = walLine(ops, (name) => colls.get(name)?.rows);
      } catch (err) {
        return Promise.reject(err);
      }
      const appended = wal.append(line);
      // The store keeps the caller's object (put hands it over): copying every document back from
      // its JSON cost more than the rest of a sync. Frozen, so a later change in place fails loudly.
      for (const [c, id, doc] of ops) apply(c, id, doc === null ? null : Object.freeze(doc));
      stats.transactions++;
      const done = appended.then(
        () => {
          maybeCheckpoint();
          return result;
        },
        (err: Error) => {
          failure ??= new Error(
            `storage stopped: the write-ahead log could not be written (${err.message}); restart xiaoer to recover every acknowledged write`,
            { cause: err },
          );
          log?.error({ err }, 'write-ahead log append failed; the store refuses further writes');
          throw err;
        },
      );
      inflight.add(done);
      void done.finally(() => inflight.delete(done)).catch(() => undefined);
      return done;
    },
    get<T>(c: string, id: string): T | undefined {
      const col = colls.get(c);
      if (!col) return undefined;
      return col.data.shards[shardOf(id, col.data.shards.length)]!.get(id) as T | undefined;
    },
    *all<T>(c: string): Iterable<T> {
      const col = colls.get(c);
      if (!col) return;
      for (const shard of col.data.shards) yield* shard.values() as Iterable<T>;
    },
    *entries<T>(c: string): Iterable<[string, T]> {
      const col = colls.get(c);
      if (!col) return;
      for (const shard of col.data.shards) yield* shard.entries() as Iterable<[string, T]>;
    },
    count(c) {
      const col = colls.get(c);
      return col ? col.data.shards.reduce((n, s) => n + s.size, 0) : 0;
    },
    log<T>(name: string): AppendLog<T> {
      if (!NAME.test(name)) throw new Error(`invalid log name ${JSON.stringify(name)}`);
      let l = logs.get(name);
      if (!l) logs.set(name, (l = createAppendLog(join(dir, 'logs', `${name}.jsonl`))));
      return l as AppendLog<T>;
    },
    async flush() {
      await Promise.allSettled([...inflight]);
      if (failure) throw failure;
    },
    async inventory() {
      const collections = [...colls].filter(([, c]) => c.data.shards.some((s) => s.size > 0)).map(([n]) => n);
      const files = await readdir(join(dir, 'logs')).catch(() => [] as string[]);
      const logNames = files.filter((f) => f.endsWith('.jsonl')).map((f) => f.slice(0, -'.jsonl'.length));
      return { collections: collections.sort(), logs: logNames.filter((n) => NAME.test(n)).sort() };
    },
    // One writer: nothing changes behind this store's back.
    onExternalChange: () => () => undefined,
    checkpoint,
    advertise: (info) => lock.update(info),
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(timer);
      try {
        await Promise.allSettled([...inflight]);
        if (checkpointing) await checkpointing.catch(() => undefined);
        // After a log failure nothing more may reach a shard file: the next open replays the log.
        if (!failure) await checkpoint();
      } finally {
        // Files are closed and the lock freed even when the store failed, so a restart can recover.
        await Promise.allSettled([wal.close(), ...[...logs.values()].map((l) => l.close())]);
        await lock.release();
      }
      if (failure) throw failure;
    },
    stats: () => ({ ...stats, flushes: wal.syncs() }),
  };

  try {
    if (replayed || [...colls.values()].some((c) => c.dirty.size)) await checkpoint();
    await runMigrations(store, meta, opts.migrations ?? []);
  } catch (err) {
    clearInterval(timer);
    await wal.close().catch(() => undefined);
    throw err;
  }
  return store;
}
