/**
 * This instance's transactions between their run and their commit. A transaction runs at once against what the
 * instance holds (as on lowdb: its caller reads its own writes straight away) and is committed later, in order,
 * under the database's write lock. If, by then, another instance has committed a change to something a pending
 * transaction read or wrote, every pending transaction runs again on the fresh state before anything is written:
 * what lands is always what a serial run would have produced (see docs/postgres.md).
 */
import type { Transaction } from '../../store.js';
import { keyOf, type ReadSet, type StoreCache } from './cache.js';
import type { StoreOp } from './sql.js';

const NAME = /^[A-Za-z0-9._-]+$/;

export interface PendingTx {
  fn: (tx: Transaction) => unknown;
  reads: ReadSet;
  writes: Map<string, StoreOp>;
  result: unknown;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** Runs `fn` against the cache, recording what it read and what it wrote; throws what `fn` throws. */
export function runTx(
  cache: StoreCache,
  fn: (tx: Transaction) => unknown,
): Pick<PendingTx, 'reads' | 'writes' | 'result'> {
  const reads: ReadSet = { keys: new Set(), collections: new Set() };
  const writes = new Map<string, StoreOp>();
  const tx: Transaction = {
    get: <T>(c: string, id: string) => {
      const k = keyOf(c, id);
      if (writes.has(k)) return (writes.get(k)![2] ?? undefined) as T | undefined;
      const current = cache.get(c, id);
      // A copy: changing it in place and then throwing must leave the store as it was.
      return (current === undefined ? undefined : structuredClone(current)) as T | undefined;
    },
    put: (c, id, doc) => {
      if (doc === undefined || doc === null) throw new Error(`put ${c}/${id}: a document is required (use delete)`);
      if (!NAME.test(c)) throw new Error(`invalid collection name ${JSON.stringify(c)}`);
      writes.set(keyOf(c, id), [c, id, doc]);
    },
    delete: (c, id) => {
      if (!NAME.test(c)) throw new Error(`invalid collection name ${JSON.stringify(c)}`);
      writes.set(keyOf(c, id), [c, id, null]);
    },
  };
  const outer = cache.tracking;
  cache.tracking = reads;
  try {
    const result = fn(tx);
    return { reads, writes, result };
  } finally {
    cache.tracking = outer;
  }
}

/** Does a change to (collection, id) make this pending transaction's run stale? */
export function touches(p: PendingTx, collection: string, id: string): boolean {
  const k = keyOf(collection, id);
  return p.writes.has(k) || p.reads.keys.has(k) || p.reads.collections.has(collection);
}

/**
 * Runs every pending transaction again, in order, on the cache as committed: one that now throws is refused, one
 * that now writes nothing is answered. Returns those still to commit.
 */
export function replay(cache: StoreCache, pending: PendingTx[]): PendingTx[] {
  cache.setPending([]);
  const kept: PendingTx[] = [];
  for (const p of pending) {
    let run: ReturnType<typeof runTx>;
    try {
      run = runTx(cache, p.fn);
    } catch (err) {
      p.reject(err);
      continue;
    }
    p.reads = run.reads;
    p.writes = run.writes;
    p.result = run.result;
    if (!run.writes.size) {
      p.resolve(run.result);
      continue;
    }
    cache.addPending(run.writes.values());
    kept.push(p);
  }
  return kept;
}

/** The batch's writes, the latest per document (one row may be written once per statement). */
export function mergedOps(batch: PendingTx[]): StoreOp[] {
  const merged = new Map<string, StoreOp>();
  for (const p of batch) for (const [k, op] of p.writes) merged.set(k, op);
  return [...merged.values()];
}
