/**
 * Print batches as the store keeps them: one document per batch (`YYYY-MM-DD@HH:mm`), holding the orders that
 * entered it, each with its receiver's fingerprint at entry, and every "printed" action taken on it. Entries are
 * only ever added: an order that is held or gone later stays in its batch and shows why.
 */
import type { Store } from '../storage/index.js';
import { batchId, type BatchKey } from './batch-rules.js';

export const PRINT_BATCHES = 'print-batches';

export interface BatchEntry {
  tid: string;
  enteredAt: string;
  /** addressFingerprint of the (masked) receiver when the order entered the batch. */
  address: string;
  /** The receiver's oaid then; absent on entries stored before receivers had one. */
  oaid?: string;
}

/** The outcome for one order of a "printed" action. */
export interface PrintOutcome {
  tid: string;
  /** written / pending / already_present: the remark service's answer; the others: why nothing was written. */
  outcome: 'written' | 'pending' | 'already_present' | 'printed' | 'held' | 'gone' | 'failed';
  /** Why it failed, in the person's words (failed only). */
  error?: string;
}

export interface PrintRun {
  at: string;
  username: string;
  staff: string;
  results: PrintOutcome[];
}

export interface StoredBatch extends BatchKey {
  id: string;
  /** When the batch was first stored (its job, or the first "printed" before its time). */
  builtAt: string;
  entries: BatchEntry[];
  runs: PrintRun[];
}

export function createBatchRepository(store: Store) {
  return {
    get: (k: BatchKey) => store.get<StoredBatch>(PRINT_BATCHES, batchId(k)),
    /** Adds the entries not in the batch yet (creating it), in one transaction; returns how many were new. */
    async add(k: BatchKey, entries: readonly BatchEntry[], at: string): Promise<number> {
      return store.transact((tx) => {
        const id = batchId(k);
        const doc = tx.get<StoredBatch>(PRINT_BATCHES, id) ?? { id, ...k, builtAt: at, entries: [], runs: [] };
        const known = new Set(doc.entries.map((e) => e.tid));
        const fresh = entries.filter((e) => !known.has(e.tid));
        tx.put<StoredBatch>(PRINT_BATCHES, id, { ...doc, entries: [...doc.entries, ...fresh] });
        return fresh.length;
      });
    },
    async addRun(k: BatchKey, run: PrintRun): Promise<void> {
      await store.transact((tx) => {
        const doc = tx.get<StoredBatch>(PRINT_BATCHES, batchId(k));
        if (doc) tx.put<StoredBatch>(PRINT_BATCHES, doc.id, { ...doc, runs: [...doc.runs, run] });
      });
    },
  };
}

export type BatchRepository = ReturnType<typeof createBatchRepository>;
