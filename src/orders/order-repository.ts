import type { RowLayout, CollectionOptions, Store, Transaction } from '../storage/index.js';
import type { Order, TradeStatus } from './order.js';

/** The order as stored: the platform's view, kept as the mapped object itself (no copy per order). */
export type StoredOrder = Order;

export interface OrderFilter {
  status?: TradeStatus[];
  buyerNick?: string;
  tid?: string;
  waybill?: string;
  /** Orders the platform modified at or after this instant. */
  updatedSince?: number;
}

/** One order the platform changed: the copy stored before (none for a new order) and the one stored now. */
export interface OrderChange {
  before: StoredOrder | undefined;
  after: StoredOrder;
}

export interface UpsertResult {
  created: number;
  changed: number;
  unchanged: number;
}

export const ORDERS = 'orders';
/** 100k orders over 64 files: a checkpoint rewrites ~1.5 MB per touched shard, not the whole book. */
export const ORDER_SHARDS = 64;

/**
 * An order's keys in the order the platform mapper writes them: a page of orders then goes to the
 * write-ahead log as rows, at half the bytes. Adding a field to Order means adding it here, in the
 * same place; until then orders are still stored whole, only as objects (a test says so).
 */
export const ORDER_ROW_LAYOUT: RowLayout = [
  'tid',
  'status',
  'type',
  'buyerNick',
  'buyerMessage',
  'createdAt',
  'modifiedAt',
  'paidAt',
  'consignedAt',
  'endAt',
  'payDeadlineAt',
  'totalFee',
  'payment',
  'postFee',
  'discountFee',
  {
    key: 'receiver',
    // oaid: the platform's key to the masked receiver, written last by the mapper when the platform sent one (an
    // order without it, from before, is stored as an object until it is read again).
    fields: ['name', 'mobile', 'phone', 'state', 'city', 'district', 'town', 'address', 'zip', 'country', 'oaid'],
  },
  {
    key: 'items',
    each: [
      'oid',
      'numIid',
      'title',
      'outerIid',
      'skuId',
      'skuProperties',
      'price',
      'num',
      'totalFee',
      'payment',
      'discountFee',
      'status',
      'refundStatus',
      'refundId',
      'logisticsCompany',
      'invoiceNo',
    ],
  },
  'sellerMemo',
  'sellerFlag',
  'buyerRated',
  'sellerRated',
  'shippingType',
];

/** How a store should hold the order book. */
export const ORDER_COLLECTION: CollectionOptions = { shards: ORDER_SHARDS, rowLayout: ORDER_ROW_LAYOUT };

export interface OrderRepository {
  get(tid: string): StoredOrder | undefined;
  list(filter: OrderFilter, page: { offset: number; limit: number }): { total: number; orders: StoredOrder[] };
  /**
   * Inserts or replaces orders the platform reported; an older copy never replaces a newer one. `alongside` writes
   * in the same transaction (what must follow the change, e.g. the TMC consumer's hand-offs), durable with it or not
   * at all.
   */
  upsertMany(orders: Order[], alongside?: (tx: Transaction) => void): Promise<UpsertResult>;
  all(): Iterable<StoredOrder>;
  count(): number;
  /**
   * Calls `listener` with the orders each upsert created or changed, as soon as the store answers them (before they
   * are on disk), so an index kept beside the store (the buyer search) never lags a read. Returns the unsubscribe.
   */
  onChange(listener: (changes: readonly OrderChange[]) => void): () => void;
}

const sameOrder = (a: Order, b: Order) => JSON.stringify(a) === JSON.stringify(b);

export function createOrderRepository(store: Store): OrderRepository {
  const listeners = new Set<(changes: readonly OrderChange[]) => void>();
  // Several instances on one database: another instance's orders reach the same listeners (the buyer search).
  store.onExternalChange((external) => {
    const changes: OrderChange[] = [];
    for (const c of external)
      if (c.collection === ORDERS && c.after !== undefined)
        changes.push({ before: c.before as StoredOrder | undefined, after: c.after as StoredOrder });
    if (!changes.length) return;
    for (const listener of listeners) {
      try {
        listener(changes);
      } catch {
        // as below: the index rebuilds on its next read
      }
    }
  });
  return {
    get: (tid) => store.get<StoredOrder>(ORDERS, tid),
    list(filter, page) {
      const statuses = filter.status?.length ? new Set(filter.status) : null;
      const nick = filter.buyerNick?.trim();
      const matches: StoredOrder[] = [];
      for (const o of store.all<StoredOrder>(ORDERS)) {
        if (filter.tid && o.tid !== filter.tid) continue;
        if (filter.waybill && !o.items.some((i) => i.invoiceNo === filter.waybill)) continue;
        if (statuses && !statuses.has(o.status)) continue;
        if (nick && !o.buyerNick.includes(nick)) continue;
        if (filter.updatedSince !== undefined && Date.parse(o.modifiedAt) < filter.updatedSince) continue;
        matches.push(o);
      }
      // Instants share the +08:00 offset, so string order is time order; tid breaks ties stably.
      matches.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.tid < b.tid ? 1 : -1));
      return { total: matches.length, orders: matches.slice(page.offset, page.offset + page.limit) };
    },
    async upsertMany(orders, alongside) {
      return store.transact((tx) => {
        alongside?.(tx);
        const result: UpsertResult = { created: 0, changed: 0, unchanged: 0 };
        const changes: OrderChange[] = [];
        for (const o of orders) {
          const existing = tx.get<StoredOrder>(ORDERS, o.tid);
          if (!existing) result.created++;
          else if (existing.modifiedAt > o.modifiedAt || sameOrder(existing, o)) {
            result.unchanged++;
            continue;
          } else result.changed++;
          // The store takes the object as it is: a copy with one more field costs ~650 B per order in V8.
          tx.put<StoredOrder>(ORDERS, o.tid, o);
          changes.push({ before: existing, after: o });
        }
        // A listener's failure must not undo the platform's orders: it is the listener's to report.
        if (changes.length)
          for (const listener of listeners) {
            try {
              listener(changes);
            } catch {
              // an index that cannot follow rebuilds on its next read (buyers/search-index.ts)
            }
          }
        return result;
      });
    },
    all: () => store.all<StoredOrder>(ORDERS),
    count: () => store.count(ORDERS),
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
