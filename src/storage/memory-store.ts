import type { AppendLog, Store, StoreStats, Transaction } from './store.js';

/**
 * The Store contract kept in memory only: for unit tests of repositories and domain code.
 * Persistence tests use the lowdb store on a real file.
 */
export function createMemoryStore(): Store {
  const collections = new Map<string, Map<string, unknown>>();
  const logs = new Map<string, unknown[]>();
  const stats: StoreStats = { transactions: 0, flushes: 0, filesWritten: 0, bytesWritten: 0 };
  const coll = (name: string) => {
    let c = collections.get(name);
    if (!c) collections.set(name, (c = new Map()));
    return c;
  };
  const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

  return {
    async transact(fn) {
      const pending = new Map<string, Map<string, unknown>>();
      const tx: Transaction = {
        get: <T>(c: string, id: string) => {
          const p = pending.get(c);
          if (p?.has(id)) return clone(p.get(id)) as T | undefined;
          return clone(coll(c).get(id)) as T | undefined;
        },
        put: (c, id, doc) => {
          if (!pending.has(c)) pending.set(c, new Map());
          pending.get(c)!.set(id, clone(doc));
        },
        delete: (c, id) => {
          if (!pending.has(c)) pending.set(c, new Map());
          pending.get(c)!.set(id, undefined);
        },
      };
      const result = fn(tx);
      for (const [c, docs] of pending) {
        for (const [id, doc] of docs) {
          if (doc === undefined) coll(c).delete(id);
          else coll(c).set(id, doc);
        }
      }
      stats.transactions++;
      return result;
    },
    get: <T>(c: string, id: string) => clone(coll(c).get(id)) as T | undefined,
    all: <T>(c: string) => [...coll(c).values()].map((v) => clone(v)) as T[],
    entries: <T>(c: string) => [...coll(c)].map(([id, v]) => [id, clone(v)]) as [string, T][],
    count: (c) => coll(c).size,
    log<T>(name: string): AppendLog<T> {
      if (!logs.has(name)) logs.set(name, []);
      const records = logs.get(name)! as T[];
      return {
        async append(...recs) {
          records.push(...recs.map((r) => clone(r)));
        },
        async *read() {
          for (const r of [...records]) yield clone(r);
        },
      };
    },
    async flush() {},
    async inventory() {
      const names = (m: Map<string, { size?: number; length?: number }>) =>
        [...m]
          .filter(([, v]) => (v.size ?? v.length ?? 0) > 0)
          .map(([n]) => n)
          .sort();
      return { collections: names(collections), logs: names(logs as Map<string, unknown[]>) };
    },
    onExternalChange: () => () => undefined,
    async close() {},
    stats: () => ({ ...stats }),
  };
}
