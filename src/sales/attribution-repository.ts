/**
 * What the keeper decided about whose sale is whose: names read in memos mapped to staff accounts (小林 → xiaolin),
 * and per-order corrections with a note. Each records who decided and when (from the login, never a request
 * field); a correction keeps the ones it replaced, so the month's figures can be explained afterwards.
 */
import type { Store } from '../storage/index.js';

export const SALE_NAME_MAP = 'sales-name-map';
export const SALE_CORRECTIONS = 'sales-corrections';

export interface Decision {
  /** The account that decided, and its display name. */
  by: string;
  byName: string;
  /** +08:00 instant. */
  at: string;
}

export interface NameMapping extends Decision {
  /** The name as it stands in memos. */
  name: string;
  username: string;
}

export interface Correction extends Decision {
  tid: string;
  /** The staff member the sale is credited to from now on. */
  username: string;
  note: string;
  /** Earlier corrections of the same order, oldest first. */
  earlier: Omit<Correction, 'earlier'>[];
}

export interface AttributionRepository {
  mapping(name: string): NameMapping | undefined;
  mappings(): NameMapping[];
  putMapping(m: NameMapping): Promise<void>;
  correction(tid: string): Correction | undefined;
  correct(c: Omit<Correction, 'earlier'>): Promise<Correction>;
}

export function createAttributionRepository(store: Store): AttributionRepository {
  return {
    mapping: (name) => store.get<NameMapping>(SALE_NAME_MAP, name),
    mappings: () => [...store.all<NameMapping>(SALE_NAME_MAP)].sort((a, b) => (a.name < b.name ? -1 : 1)),
    putMapping: (m) => store.transact((tx) => tx.put(SALE_NAME_MAP, m.name, { ...m })),
    correction: (tid) => store.get<Correction>(SALE_CORRECTIONS, tid),
    correct: (c) =>
      store.transact((tx) => {
        const before = tx.get<Correction>(SALE_CORRECTIONS, c.tid);
        const { earlier = [], ...last } = before ?? {};
        const next: Correction = { ...c, earlier: before ? [...earlier, last as Omit<Correction, 'earlier'>] : [] };
        tx.put(SALE_CORRECTIONS, c.tid, next);
        return next;
      }),
  };
}
