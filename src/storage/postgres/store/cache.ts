/**
 * What one instance holds of the PostgreSQL store: the committed documents (as of `seq`) and, over them, the writes
 * of this instance's transactions not yet committed. Reads see both, as lowdb's do; a transaction's reads are
 * recorded so that a change another instance commits to something it read makes it run again (pending.ts).
 */
import type { StoreOp } from './sql.js';

export const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

/** What a transaction read: single documents, and whole collections (all, count). */
export interface ReadSet {
  keys: Set<string>;
  collections: Set<string>;
}

export class StoreCache {
  private readonly committed = new Map<string, Map<string, unknown>>();
  /** Collection → id → document (null: deleted) of the pending writes, latest first wins. */
  private overlay = new Map<string, Map<string, unknown>>();
  /** Set while a transaction's function runs: reads through the store are that transaction's too. */
  tracking: ReadSet | null = null;

  private coll(name: string): Map<string, unknown> {
    let c = this.committed.get(name);
    if (!c) this.committed.set(name, (c = new Map()));
    return c;
  }

  /** The committed document (before any pending write). */
  committedDoc(collection: string, id: string): unknown {
    return this.committed.get(collection)?.get(id);
  }

  setCommitted(collection: string, id: string, doc: unknown): void {
    if (doc === null || doc === undefined) this.committed.get(collection)?.delete(id);
    else this.coll(collection).set(id, Object.freeze(doc));
  }

  get(collection: string, id: string): unknown {
    this.tracking?.keys.add(keyOf(collection, id));
    const o = this.overlay.get(collection);
    if (o?.has(id)) return o.get(id) ?? undefined;
    return this.committed.get(collection)?.get(id);
  }

  *all(collection: string): Iterable<unknown> {
    for (const [, doc] of this.entries(collection)) yield doc;
  }

  *entries(collection: string): Iterable<[string, unknown]> {
    this.tracking?.collections.add(collection);
    const o = this.overlay.get(collection);
    const c = this.committed.get(collection);
    if (c)
      for (const [id, doc] of c) {
        if (!o?.has(id)) yield [id, doc];
      }
    if (o)
      for (const [id, doc] of o) {
        if (doc !== null) yield [id, doc];
      }
  }

  count(collection: string): number {
    this.tracking?.collections.add(collection);
    const c = this.committed.get(collection);
    let n = c?.size ?? 0;
    for (const [id, doc] of this.overlay.get(collection) ?? []) {
      const there = c?.has(id) ?? false;
      if (doc === null && there) n--;
      else if (doc !== null && !there) n++;
    }
    return n;
  }

  /** The collections that hold a committed document. */
  collections(): string[] {
    return [...this.committed].filter(([, c]) => c.size > 0).map(([n]) => n);
  }

  /** Rebuilds the pending layer from the transactions still pending, oldest first. */
  setPending(writes: Iterable<Iterable<StoreOp>>): void {
    this.overlay = new Map();
    for (const ops of writes)
      for (const [c, id, doc] of ops) {
        let o = this.overlay.get(c);
        if (!o) this.overlay.set(c, (o = new Map()));
        o.set(id, doc);
      }
  }

  addPending(ops: Iterable<StoreOp>): void {
    for (const [c, id, doc] of ops) {
      let o = this.overlay.get(c);
      if (!o) this.overlay.set(c, (o = new Map()));
      o.set(id, doc);
    }
  }

  /** Every committed document, for a reload to compare with. */
  committedEntries(): Iterable<[string, string, unknown]> {
    const out: [string, string, unknown][] = [];
    for (const [c, docs] of this.committed) for (const [id, doc] of docs) out.push([c, id, doc]);
    return out;
  }

  /** Forgets the committed documents (a reload follows); the pending layer stays. */
  clearCommitted(): void {
    this.committed.clear();
  }

  clear(): void {
    this.committed.clear();
    this.overlay = new Map();
  }
}
