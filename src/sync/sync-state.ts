import type { Store } from '../storage/index.js';

/** Where order sync stands. Saved only after the orders it covers are on disk, so a crash re-reads, never skips. */
export interface SyncCheckpoint {
  /** Backfill: created-time windows before this are done (epoch ms); null once backfill is complete. */
  backfillCursor: number | null;
  backfillEnd: number | null;
  backfillDone: boolean;
  /** Incremental: modifications before this instant (epoch ms) have been read. */
  modifiedUntil: number | null;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
}

export interface SyncRun {
  kind: 'orders' | 'logistics';
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  ordersNew: number;
  ordersChanged: number;
  ordersUnchanged: number;
  parcelsRefreshed: number;
  platformCalls: number;
  errors: string[];
}

const COLLECTION = 'sync';
const ID = 'orders';

export const emptyCheckpoint = (): SyncCheckpoint => ({
  backfillCursor: null,
  backfillEnd: null,
  backfillDone: false,
  modifiedUntil: null,
  lastRunAt: null,
  lastSuccessAt: null,
});

export function createSyncState(store: Store) {
  const history = store.log<SyncRun>('sync-history');
  return {
    checkpoint: (): SyncCheckpoint => store.get<SyncCheckpoint>(COLLECTION, ID) ?? emptyCheckpoint(),
    save: (patch: Partial<SyncCheckpoint>) =>
      store.transact((tx) =>
        tx.put<SyncCheckpoint>(COLLECTION, ID, {
          ...(tx.get<SyncCheckpoint>(COLLECTION, ID) ?? emptyCheckpoint()),
          ...patch,
        }),
      ),
    async record(run: SyncRun) {
      await history.append(run);
    },
    /** Every run, oldest first (the handover counts a shift's). */
    history: (): AsyncIterable<SyncRun> => history.read(),
    async recent(limit: number): Promise<SyncRun[]> {
      const runs: SyncRun[] = [];
      for await (const r of history.read()) {
        runs.push(r);
        if (runs.length > limit) runs.shift();
      }
      return runs.reverse();
    },
  };
}

export type SyncState = ReturnType<typeof createSyncState>;
