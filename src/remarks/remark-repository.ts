/**
 * Remark history and the remark outbox. One document per order holds its entries (a history read
 * is one lookup); the outbox holds one small document per entry still to land on the platform.
 * Entry and outbox change in one transaction, so an entry is never pending (or its trade still to close) without
 * being queued.
 */
import type { Store } from '../storage/index.js';
import type { RemarkEntry } from './remark-entry.js';

export const REMARK_ENTRIES = 'remark-entries';
export const REMARK_OUTBOX = 'remark-outbox';
export const PRINT_MARKS = 'print-marks';

interface OrderRemarks {
  tid: string;
  entries: RemarkEntry[];
}

export interface OutboxItem {
  id: string;
  tid: string;
  queuedAt: string;
}

export interface PrintMark {
  tid: string;
  at: string;
  by: string;
}

export interface RemarkRepository {
  forOrder(tid: string): RemarkEntry[];
  find(tid: string, id: string): RemarkEntry | undefined;
  /** Inserts or replaces the entry; queues it in the outbox when pending, unqueues it otherwise. */
  save(entry: RemarkEntry): Promise<void>;
  outbox(): OutboxItem[];
  all(): Iterable<RemarkEntry>;
  printMark(tid: string): PrintMark | undefined;
  setPrintMark(mark: PrintMark): Promise<void>;
}

export function createRemarkRepository(store: Store): RemarkRepository {
  return {
    forOrder: (tid) => store.get<OrderRemarks>(REMARK_ENTRIES, tid)?.entries ?? [],
    find: (tid, id) => store.get<OrderRemarks>(REMARK_ENTRIES, tid)?.entries.find((e) => e.id === id),
    async save(entry) {
      await store.transact((tx) => {
        const doc = tx.get<OrderRemarks>(REMARK_ENTRIES, entry.tid) ?? { tid: entry.tid, entries: [] };
        const i = doc.entries.findIndex((e) => e.id === entry.id);
        if (i >= 0) doc.entries[i] = entry;
        else doc.entries.push(entry);
        tx.put<OrderRemarks>(REMARK_ENTRIES, entry.tid, doc);
        // A trade still to close after the memo landed waits in the same outbox, so a restart closes it too.
        if (entry.status === 'pending' || entry.close?.state === 'wanted') {
          const queued = tx.get<OutboxItem>(REMARK_OUTBOX, entry.id);
          tx.put<OutboxItem>(REMARK_OUTBOX, entry.id, {
            id: entry.id,
            tid: entry.tid,
            queuedAt: queued?.queuedAt ?? entry.at,
          });
        } else {
          tx.delete(REMARK_OUTBOX, entry.id);
        }
      });
    },
    outbox: () =>
      [...store.all<OutboxItem>(REMARK_OUTBOX)].sort((a, b) =>
        a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : 0,
      ),
    *all() {
      for (const doc of store.all<OrderRemarks>(REMARK_ENTRIES)) yield* doc.entries;
    },
    printMark: (tid) => store.get<PrintMark>(PRINT_MARKS, tid),
    async setPrintMark(mark) {
      await store.transact((tx) => {
        if (!tx.get<PrintMark>(PRINT_MARKS, mark.tid)) tx.put<PrintMark>(PRINT_MARKS, mark.tid, mark);
      });
    },
  };
}
