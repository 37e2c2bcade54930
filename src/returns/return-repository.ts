/** Returns in the store, one document per platform refund, and the sync's checkpoint. */
import type { Store } from '../storage/index.js';
import type { ReturnRecord } from './return.js';

export const RETURNS = 'returns';
const META = 'returns.meta';

export interface ReturnRepository {
  get(id: string): ReturnRecord | undefined;
  /** Newest request first. */
  all(): ReturnRecord[];
  /** Replaces the record with what `change` makes of the stored one (or of `initial` when there is none). */
  update(id: string, change: (r: ReturnRecord | undefined) => ReturnRecord): Promise<ReturnRecord>;
  /** The end of the last window the platform was read to (epoch ms), or null before the first sync. */
  checkpoint(): number | null;
  setCheckpoint(at: number): Promise<void>;
}

export function createReturnRepository(store: Store): ReturnRepository {
  return {
    get: (id) => store.get<ReturnRecord>(RETURNS, id),
    all: () =>
      [...store.all<ReturnRecord>(RETURNS)].sort((a, b) =>
        a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a.id < b.id ? -1 : 1,
      ),
    update: (id, change) =>
      store.transact((tx) => {
        const next = change(tx.get<ReturnRecord>(RETURNS, id));
        tx.put<ReturnRecord>(RETURNS, id, next);
        return next;
      }),
    checkpoint: () => store.get<{ syncedTo: number }>(META, 'sync')?.syncedTo ?? null,
    setCheckpoint: (at) => store.transact((tx) => tx.put(META, 'sync', { syncedTo: at })),
  };
}
