import type { Low } from 'lowdb';
import type { Migration, Store } from './store.js';

export interface StoreMeta {
  schemaVersion: number;
  /** Shard count per collection, so documents are found where they were written. */
  shards: Record<string, number>;
  /**
   * The newest write-ahead log segment the shard files cover (written by a checkpoint after the
   * shard files): replay skips every segment at or below it, so one a crash left behind is harmless.
   */
  walCovered?: number;
}

/**
 * lowdb never merges defaults into an existing file, so every change of the stored shape is a
 * numbered migration. Each runs in its own transaction, in version order, and the recorded version
 * moves only after its transaction is on disk: a crash re-runs at most the interrupted step.
 */
export async function runMigrations(store: Store, meta: Low<StoreMeta>, migrations: Migration[]): Promise<number> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.version === sorted[i - 1]!.version)
      throw new Error(`two migrations claim version ${sorted[i]!.version}`);
  }
  const current = meta.data.schemaVersion;
  const latest = sorted.length ? sorted[sorted.length - 1]!.version : 0;
  if (current > latest && sorted.length) {
    throw new Error(
      `the data was written by a newer xiaoer (schema ${current}, this one knows ${latest}); upgrade xiaoer`,
    );
  }
  let ran = 0;
  for (const m of sorted) {
    if (m.version <= meta.data.schemaVersion) continue;
    await store.transact((tx) => m.up(tx, store));
    meta.data.schemaVersion = m.version;
    await meta.write();
    ran++;
  }
  return ran;
}
