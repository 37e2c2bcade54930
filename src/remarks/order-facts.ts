/**
 * What another feature reads of an order's remarks without writing any (print batches): the catalogue kinds it
 * carries and whether it is printed, decided as the remark service decides them. Kinds come from xiaoer's own
 * entries (a pending one has not reached the memo yet; a failed one never will) and from catalogue forms typed by
 * hand in the platform's back office, which are in the memo only.
 */
import type { Order } from '../orders/index.js';
import type { Store } from '../storage/index.js';
import { parseMemo } from './memo/index.js';
import { memoShowsPrinted } from './order-state.js';
import { createRemarkRepository } from './remark-repository.js';

export interface RemarkFact {
  kind: string;
  /** Normalized fields (amounts in fen), as the entry was written or read back. */
  fields: Record<string, unknown>;
}

export type OrderRemarkFacts = ReturnType<typeof createOrderRemarkFacts>;

export function createOrderRemarkFacts(store: Store, dateFormat = 'MM.DD') {
  const remarks = createRemarkRepository(store);
  return {
    kinds(order: Pick<Order, 'tid' | 'sellerMemo'>): RemarkFact[] {
      const facts: RemarkFact[] = [];
      for (const e of remarks.forOrder(order.tid))
        if (e.status !== 'failed') facts.push({ kind: e.kind, fields: e.fields });
      // Most orders carry no memo: parsing is skipped for them (a batch reads thousands).
      if (order.sellerMemo)
        for (const e of parseMemo(order.sellerMemo, { dateFormat }))
          if (e.kind) facts.push({ kind: e.kind, fields: e.fields });
      return facts;
    },
    /** The print mark print.printed leaves, or a memo entry that is a bare date (the back office's 打单 note). */
    printed: (order: Pick<Order, 'tid' | 'sellerMemo'>): boolean =>
      remarks.printMark(order.tid) !== undefined ||
      (order.sellerMemo !== '' && memoShowsPrinted(order.sellerMemo, dateFormat)),
  };
}
