/**
 * Finding anyone fast: an in-memory index over the order book and the parcels, by buyer nick (any part), order
 * number, waybill number, receiver name as the platform shows it and a phone's last four digits. Built on first use
 * from the repositories, then kept current by their change notifications (orders.onChange, parcels.onSave), so a
 * search never scans 100k orders. Keys point at order ids only; the orders themselves stay in the store.
 */
import type { Parcel } from '../logistics/index.js';
import type { OrderChange, StoredOrder } from '../orders/index.js';
import { MultiMap } from './multi-map.js';

export interface IndexSources {
  orders: { all(): Iterable<StoredOrder>; get(tid: string): StoredOrder | undefined };
  parcels: { all(): Iterable<Parcel> };
}

/** Waybills are typed with spaces and in lower case as often as not. */
export const waybillKey = (w: string) => w.replace(/\s+/g, '').toUpperCase();
export const nickKey = (nick: string) => nick.trim().toLowerCase();
const digits = (s: string) => s.replace(/\D/g, '');
/** The last four digits of each number the receiver gave (mobile and landline), once each. */
export function phoneTails(o: StoredOrder): string[] {
  const tails = new Set<string>();
  for (const p of [o.receiver.mobile, o.receiver.phone]) {
    const d = digits(p ?? '');
    if (d.length >= 7) tails.add(d.slice(-4));
  }
  return [...tails];
}
const waybillsOf = (o: StoredOrder) => [...new Set(o.items.map((i) => i.invoiceNo).filter((w) => !!w))];

export interface SearchIndex {
  /** Order ids under an exact waybill (either case, spaces ignored). */
  byWaybill(waybill: string): readonly string[];
  /** Order ids whose receiver gave a number ending in these four digits. */
  byPhoneTail(tail: string): readonly string[];
  /**
   * Calls `fn` with every nick, lower-cased and as written: scanned for a part of a nick. A callback over the maps
   * themselves, because a scan that allocates per nick is what made a search slow at 100k orders.
   */
  eachNick(fn: (key: string, nick: string) => void): void;
  /** Calls `fn` with every receiver name as the platform shows it: scanned for a part of a name. */
  eachName(fn: (name: string) => void): void;
  /** Order ids whose receiver has exactly this name. */
  byName(name: string): readonly string[];
  /** The order ids of one buyer (exact nick), newest last as they were indexed. */
  tidsOf(nick: string): readonly string[];
  /** How many orders and nicks are indexed (the benchmark prints them). */
  size(): { orders: number; nicks: number };
  /** Builds now rather than on the first search (the benchmark times it). */
  warm(): void;
  /** Stops following the repositories. */
  close(): void;
}

export function createSearchIndex(
  src: IndexSources,
  follow: {
    onOrders(l: (changes: readonly OrderChange[]) => void): () => void;
    onParcel(l: (p: Parcel) => void): () => void;
  },
): SearchIndex {
  let built = false;
  let orders = 0;
  /** Lower-cased nick → the nick as the platform writes it. */
  const nicks = new Map<string, string>();
  const nickTids = new MultiMap();
  const waybills = new MultiMap();
  const tails = new MultiMap();
  const names = new MultiMap();

  function add(o: StoredOrder) {
    orders++;
    const key = nickKey(o.buyerNick);
    if (!nicks.has(key)) nicks.set(key, o.buyerNick);
    nickTids.add(key, o.tid);
    for (const w of waybillsOf(o)) waybills.add(waybillKey(w), o.tid);
    for (const t of phoneTails(o)) tails.add(t, o.tid);
    if (o.receiver.name.trim()) names.add(o.receiver.name.trim(), o.tid);
  }
  function remove(o: StoredOrder) {
    orders--;
    const key = nickKey(o.buyerNick);
    nickTids.remove(key, o.tid);
    if (!nickTids.has(key)) nicks.delete(key);
    for (const w of waybillsOf(o)) waybills.remove(waybillKey(w), o.tid);
    for (const t of phoneTails(o)) tails.remove(t, o.tid);
    if (o.receiver.name.trim()) names.remove(o.receiver.name.trim(), o.tid);
  }
  function build() {
    for (const m of [nickTids, waybills, tails, names]) m.clear();
    nicks.clear();
    orders = 0;
    for (const o of src.orders.all()) add(o);
    for (const p of src.parcels.all()) waybills.add(waybillKey(p.waybill), p.tid);
    built = true;
  }
  const ready = () => {
    if (!built) build();
  };

  // Until the first search nothing is held: the build then reads the store as it is. A change the index could not
  // follow (a bug, never a missing order) throws the index away; the next search builds it again.
  const stopOrders = follow.onOrders((changes) => {
    if (!built) return;
    try {
      for (const c of changes) {
        if (c.before) remove(c.before);
        add(c.after);
      }
    } catch {
      built = false;
    }
  });
  const stopParcels = follow.onParcel((p) => {
    if (built) waybills.add(waybillKey(p.waybill), p.tid);
  });

  return {
    byWaybill: (w) => (ready(), waybills.get(waybillKey(w))),
    byPhoneTail: (t) => (ready(), tails.get(t)),
    eachNick(fn) {
      ready();
      nicks.forEach((nick, key) => fn(key, nick));
    },
    eachName(fn) {
      ready();
      for (const name of names.keys()) fn(name);
    },
    byName: (name) => (ready(), names.get(name)),
    tidsOf: (nick) => (ready(), nickTids.get(nickKey(nick))),
    size: () => (ready(), { orders, nicks: nicks.size }),
    warm: ready,
    close() {
      stopOrders();
      stopParcels();
    },
  };
}
