/**
 * A memory store that another instance can write to: `elsewhere(fn)` changes the documents as a second instance on
 * the same PostgreSQL database would, then tells the `onExternalChange` listeners what changed, as the PostgreSQL
 * store does once it has taken another instance's commit in (src/storage/store.ts). The module under test never
 * sees the write itself, only the store's documents and the notice: so a test shows whether state the module keeps
 * beside the store (an index, a prepared list) follows writes it did not make. No real database needed; the
 * end-to-end proof with two PostgreSQL stores is test/storage/postgres/state-beside-store.test.ts.
 */
import { createMemoryStore, type ExternalChange, type Store, type Transaction } from '../../src/storage/index.js';

export interface StoreWithElsewhere {
  store: Store;
  /** Runs `fn` as another instance's transaction, then notifies this store's listeners of every document it touched. */
  elsewhere(fn: (tx: Transaction) => void): Promise<readonly ExternalChange[]>;
}

export function storeWithElsewhere(inner: Store = createMemoryStore()): StoreWithElsewhere {
  const listeners = new Set<(changes: readonly ExternalChange[]) => void>();
  const store: Store = {
    transact: (fn) => inner.transact(fn),
    get: (c, id) => inner.get(c, id),
    all: (c) => inner.all(c),
    entries: (c) => inner.entries(c),
    count: (c) => inner.count(c),
    log: (name) => inner.log(name),
    flush: () => inner.flush(),
    inventory: () => inner.inventory(),
    onExternalChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: () => inner.close(),
    stats: () => inner.stats(),
  };

  async function elsewhere(fn: (tx: Transaction) => void): Promise<readonly ExternalChange[]> {
    const touched = new Map<string, { collection: string; id: string; before: unknown }>();
    const touch = (collection: string, id: string) => {
      const key = `${collection}\u0000${id}`;
      if (!touched.has(key)) touched.set(key, { collection, id, before: inner.get(collection, id) });
    };
    await inner.transact((tx) =>
      fn({
        get: (c, id) => tx.get(c, id),
        put: (c, id, doc) => (touch(c, id), tx.put(c, id, doc)),
        delete: (c, id) => (touch(c, id), tx.delete(c, id)),
      }),
    );
    const changes = [...touched.values()].map((t) => ({ ...t, after: inner.get(t.collection, t.id) }));
    for (const listener of listeners) listener(changes);
    return changes;
  }

  return { store, elsewhere };
}
