/** What other features read of the remarks, without the write path: every entry, and who took an order's sale. */
import type { Store } from '../storage/index.js';
import { createRemarkRepository } from './remark-repository.js';

export interface SaleTaker {
  username: string;
  name: string;
}

export function createRemarkReader(store: Store) {
  const remarks = createRemarkRepository(store);
  return {
    entries: () => remarks.all(),
    /** One order's entries as stored (the buyer page lists a buyer's remarks without parsing memos). */
    forOrder: (tid: string) => remarks.forOrder(tid),
    /** The staff who recorded the order's sale (the first sale.record that did not fail), or null. */
    saleTaker(tid: string): SaleTaker | null {
      const sale = remarks
        .forOrder(tid)
        .filter((e) => e.kind === 'sale.record' && e.status !== 'failed')
        .sort((a, b) => (a.at < b.at ? -1 : 1))[0];
      return sale ? { username: sale.username, name: sale.staff } : null;
    },
    /** The staff who last wrote a remark on the order (the handover's owner of a follow-up about it), or null. */
    lastActor(tid: string): SaleTaker | null {
      let last: { username: string; staff: string; at: string } | null = null;
      for (const e of remarks.forOrder(tid)) if (e.status !== 'failed' && (!last || e.at >= last.at)) last = e;
      return last ? { username: last.username, name: last.staff } : null;
    },
  };
}
