/**
 * Store migration 4 (issue 18): no plain receiver at rest. Orders synced before the platform masked receivers hold
 * names, phones and detailed addresses in full; they are masked here the way the platform masks them, print-batch
 * entries are fingerprinted again on the masked receiver (else every entry would warn of a changed address), and the
 * order backfill is set to run again, so each order is read once more from the platform and gains its oaid (an order
 * without one cannot be decrypted: its messages wait in the chat queue until then).
 */
import type { Order } from '../orders/index.js';
import { ORDERS } from '../orders/index.js';
import { addressFingerprint, PRINT_BATCHES, type StoredBatch } from '../printing/index.js';
import { maskAsPlatform } from '../shared/mask.js';
import type { Migration } from '../storage/index.js';

/** The order sync's checkpoint as stored at this version (src/sync/sync-state.ts). */
const SYNC = { collection: 'sync', id: 'orders' };

export const MASKED_RECEIVERS: Migration = {
  version: 4,
  description:
    'orders keep receivers masked as the platform gives them; batch entries re-fingerprinted; backfill again',
  up: (tx, store) => {
    const masked = new Map<string, Order['receiver']>();
    for (const o of store.all<Order>(ORDERS)) {
      const receiver = maskAsPlatform(o.receiver);
      masked.set(o.tid, receiver);
      if (JSON.stringify(receiver) !== JSON.stringify(o.receiver)) tx.put<Order>(ORDERS, o.tid, { ...o, receiver });
    }
    for (const b of store.all<StoredBatch>(PRINT_BATCHES)) {
      const entries = b.entries.map((e) => {
        const r = masked.get(e.tid);
        return r && !e.oaid ? { ...e, address: addressFingerprint(r) } : e;
      });
      tx.put<StoredBatch>(PRINT_BATCHES, b.id, { ...b, entries });
    }
    const cp = store.get<{ backfillDone: boolean }>(SYNC.collection, SYNC.id);
    if (cp?.backfillDone)
      tx.put(SYNC.collection, SYNC.id, { ...cp, backfillDone: false, backfillCursor: null, backfillEnd: null });
  },
};
