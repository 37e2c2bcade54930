/**
 * `npm run bench`'s buyer-search figures: the index built over the order book and parcels as they are, then the
 * queries a caller brings (an order number, a waybill, a phone's last four digits, the start and a part of a nick, a
 * receiver's name), taken from the orders themselves, each timed through the whole answer (ranked, grouped, masked).
 */
import type { Parcel } from '../../logistics/index.js';
import type { OrderChange, StoredOrder } from '../../orders/index.js';
import { searchBuyers } from '../buyer-search.js';
import { createSearchIndex, phoneTails } from '../search-index.js';

export interface SearchFigures {
  orders: number;
  nicks: number;
  buildMs: number;
  /** What the index holds on the heap, in MB (null without node --expose-gc). */
  heapMb: number | null;
  /**
   * Per kind of query: how many were timed, the median, the 99th percentile and the slowest, in ms of the clock and
   * of this process's processor time (on a machine others share, the clock also counts their turns).
   */
  kinds: Record<string, { n: number; p50: number; p99: number; max: number; cpuP99: number; cpuMax: number }>;
  slowestMs: number;
  slowestCpuMs: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export function benchSearch(
  repos: {
    orders: { all(): Iterable<StoredOrder>; get(tid: string): StoredOrder | undefined; count(): number };
    parcels: { all(): Iterable<Parcel> };
  },
  samples = 200,
): SearchFigures {
  const index = createSearchIndex(repos, {
    onOrders: (_l: (c: readonly OrderChange[]) => void) => () => {},
    onParcel: (_l: (p: Parcel) => void) => () => {},
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  index.warm();
  const buildMs = performance.now() - t0;
  gc?.();
  const heapMb = gc ? (process.memoryUsage().heapUsed - heap0) / 1048576 : null;

  const every = Math.max(1, Math.floor(repos.orders.count() / samples));
  const queries: Record<string, string[]> = {
    tid: [],
    waybill: [],
    phone_tail: [],
    nick_prefix: [],
    nick_part: [],
    name: [],
  };
  let i = 0;
  for (const o of repos.orders.all()) {
    if (i++ % every) continue;
    const nick = [...o.buyerNick];
    queries.tid!.push(o.tid);
    const w = o.items.find((x) => x.invoiceNo)?.invoiceNo;
    if (w) queries.waybill!.push(w);
    const tail = phoneTails(o)[0];
    if (tail) queries.phone_tail!.push(tail);
    if (nick.length >= 2) queries.nick_prefix!.push(nick.slice(0, 2).join(''));
    if (nick.length >= 4) queries.nick_part!.push(nick.slice(1, 3).join(''));
    // A name is typed in full; the platform masks it (王*): the query is the visible surname and a given name.
    const name = o.receiver.name;
    if (name) queries.name!.push(name.includes('*') ? `${[...name][0]}小芳` : name);
  }
  const kinds: SearchFigures['kinds'] = {};
  let slowestMs = 0;
  let slowestCpuMs = 0;
  for (const [kind, qs] of Object.entries(queries)) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (const q of qs) {
      const c = process.cpuUsage();
      const s = performance.now();
      searchBuyers({ index, orders: repos.orders }, q);
      times.push(performance.now() - s);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    if (!times.length) continue;
    kinds[kind] = {
      n: times.length,
      p50: quantile(times, 0.5),
      p99: quantile(times, 0.99),
      max: times.at(-1)!,
      cpuP99: quantile(cpu, 0.99),
      cpuMax: cpu.at(-1)!,
    };
    slowestMs = Math.max(slowestMs, times.at(-1)!);
    slowestCpuMs = Math.max(slowestCpuMs, cpu.at(-1)!);
  }
  const size = index.size();
  index.close();
  return { orders: size.orders, nicks: size.nicks, buildMs, heapMb, kinds, slowestMs, slowestCpuMs };
}
