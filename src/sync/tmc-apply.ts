import type { Order, OrderRepository, TradeStatus } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import { parseContent, TMC_TOPICS, type TmcMessage } from '../platform/index.js';
import { NotFoundError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { parseInstant, toInstant } from '../shared/time.js';

/**
 * What xiaoer does with each pushed message. Where the content says all that changed (a memo, a payment, a close)
 * the stored order is changed from it; otherwise the order is read again with trade.fullinfo.get, once per order for
 * all its messages of a short window. A message is confirmed only once its change is on disk. Every message carries
 * its publish time, the time of the change: one no newer than the stored order's modified time changes nothing, so
 * a duplicate, a message pushed again after a crash, or one overtaken by a newer change is harmless. An unknown topic
 * or unreadable content is logged and confirmed: pushing it again would not make it readable.
 */

export type Verdict = 'confirm' | 'fail';

/** A change xiaoer made from a message, for whoever follows them (the live console, open items). */
export interface TmcApplied {
  topic: string;
  tid: string;
  content: Record<string, unknown>;
  order: Order | undefined;
}

export interface TmcApplyDeps {
  platform: ShopPlatform;
  orders: OrderRepository;
  logger: Logger;
  /** Told after the batch holding the message is durable. */
  onApplied?(a: TmcApplied): void;
}

export interface TmcApplyStats {
  messages: number;
  fromContent: number;
  /** Orders read one by one (trade.fullinfo.get). */
  fetched: number;
  /** Orders read from one incremental list over the messages' times. */
  listed: number;
  unchanged: number;
  ignored: number;
  failed: number;
}

type Patch = (o: Order, at: string, c: Record<string, unknown>) => Order;

const setStatus = (o: Order, status: TradeStatus): Order['items'] =>
  o.items.map((i) => (i.status === o.status ? { ...i, status } : i));

/** Topics whose content is the whole change. */
const FROM_CONTENT: Readonly<Record<string, Patch>> = {
  taobao_trade_TradeMemoModified: (o, at, c) => ({
    ...o,
    sellerMemo: typeof c.seller_memo === 'string' ? c.seller_memo : '',
    sellerFlag: typeof c.seller_flag === 'number' ? c.seller_flag : o.sellerFlag,
    modifiedAt: at,
  }),
  taobao_trade_TradeBuyerPay: (o, at) => ({
    ...o,
    status: 'WAIT_SELLER_SEND_GOODS',
    items: setStatus(o, 'WAIT_SELLER_SEND_GOODS'),
    paidAt: at,
    payDeadlineAt: null,
    modifiedAt: at,
  }),
  taobao_trade_TradeSuccess: (o, at) => ({
    ...o,
    status: 'TRADE_FINISHED',
    items: setStatus(o, 'TRADE_FINISHED'),
    endAt: at,
    payDeadlineAt: null,
    modifiedAt: at,
  }),
  taobao_trade_TradeClose: (o, at, c) => {
    const status: TradeStatus = c.status === 'TRADE_CLOSED' ? 'TRADE_CLOSED' : 'TRADE_CLOSED_BY_TAOBAO';
    return { ...o, status, items: setStatus(o, status), endAt: at, payDeadlineAt: null, modifiedAt: at };
  },
};

/**
 * Every other topic is read again in full: its content does not carry what changed (a waybill, an address, a refund's
 * line).
 */
export const FETCHED_TOPICS: ReadonlySet<string> = new Set(TMC_TOPICS.filter((t) => !(t in FROM_CONTENT)));
export const KNOWN_TOPICS: ReadonlySet<string> = new Set(TMC_TOPICS);

interface Parsed {
  m: TmcMessage;
  tid: string;
  content: Record<string, unknown>;
}

const tidOf = (c: Record<string, unknown>): string | undefined => {
  const t = c.tid;
  if (typeof t === 'string' && /^\d+$/.test(t)) return t;
  if (typeof t === 'number' && Number.isSafeInteger(t) && t > 0) return String(t);
  return undefined;
};

export function createTmcApplier(deps: TmcApplyDeps) {
  const stats: TmcApplyStats = {
    messages: 0,
    fromContent: 0,
    fetched: 0,
    listed: 0,
    unchanged: 0,
    ignored: 0,
    failed: 0,
  };

  function parse(m: TmcMessage, verdicts: Map<TmcMessage, Verdict>): Parsed | undefined {
    if (!KNOWN_TOPICS.has(m.topic)) {
      deps.logger.warn({ topic: m.topic, id: String(m.id) }, 'tmc: unknown topic, confirmed and left');
      stats.ignored++;
      verdicts.set(m, 'confirm');
      return undefined;
    }
    let content: Record<string, unknown>;
    try {
      content = parseContent(m.content);
    } catch {
      content = {};
    }
    const tid = tidOf(content);
    if (!tid) {
      deps.logger.warn(
        { topic: m.topic, id: String(m.id), content: m.content.slice(0, 200) },
        'tmc: unreadable content, confirmed and left',
      );
      stats.ignored++;
      verdicts.set(m, 'confirm');
      return undefined;
    }
    return { m, tid, content };
  }

  /** The order as this tid's messages leave it, or 'fetch' when one of them needs the platform's full copy. */
  function fromContent(stored: Order | undefined, msgs: Parsed[]): Order | 'fetch' | undefined {
    let o = stored;
    for (const p of [...msgs].sort((a, b) => a.m.time - b.m.time)) {
      const newer = !o || p.m.time > parseInstant(o.modifiedAt);
      if (!newer) continue; // already stored, or overtaken by a newer change
      const patch = FROM_CONTENT[p.m.topic];
      if (!o || !patch) return 'fetch';
      o = patch(o, toInstant(p.m.time), p.content);
    }
    return o === stored ? undefined : o;
  }

  async function fetchAll(tids: string[]): Promise<Map<string, Order | 'gone' | 'failed'>> {
    const out = new Map<string, Order | 'gone' | 'failed'>();
    let next = 0;
    const worker = async () => {
      while (next < tids.length) {
        const tid = tids[next++]!;
        try {
          out.set(tid, await deps.platform.getOrder(tid));
          stats.fetched++;
        } catch (err) {
          if (err instanceof NotFoundError) out.set(tid, 'gone');
          else {
            deps.logger.warn({ err, tid }, 'tmc: trade.fullinfo.get failed; the message will be pushed again');
            out.set(tid, 'failed');
          }
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    return out;
  }

  /**
   * Several orders to read: one incremental list over their messages' times covers up to 100 of them per call, where
   * fullinfo costs a call each. An order the list misses, or brings older than its message (the platform's modified
   * time can trail the message), is read alone.
   */
  async function fetchOrders(need: Map<string, number>): Promise<Map<string, Order | 'gone' | 'failed'>> {
    const out = new Map<string, Order | 'gone' | 'failed'>();
    if (need.size >= 2) {
      const times = [...need.values()];
      const window = { start: Math.min(...times) - 1000, end: Math.max(...times) + 1000 };
      try {
        for await (const page of deps.platform.changedOrders(window))
          for (const o of page) {
            const at = need.get(o.tid);
            if (at !== undefined && parseInstant(o.modifiedAt) >= at) out.set(o.tid, o);
          }
        stats.listed += out.size;
      } catch (err) {
        deps.logger.warn({ err }, 'tmc: the incremental list failed; reading the orders one by one');
        out.clear();
      }
    }
    const rest = [...need.keys()].filter((t) => !out.has(t));
    for (const [tid, got] of await fetchAll(rest)) out.set(tid, got);
    return out;
  }

  /** Decides a batch: every message gets its verdict once the changes are on disk. */
  async function applyBatch(batch: TmcMessage[]): Promise<Map<TmcMessage, Verdict>> {
    stats.messages += batch.length;
    const verdicts = new Map<TmcMessage, Verdict>();
    const byTid = new Map<string, Parsed[]>();
    for (const m of batch) {
      const p = parse(m, verdicts);
      if (p) byTid.set(p.tid, [...(byTid.get(p.tid) ?? []), p]);
    }
    const writes = new Map<string, Order>();
    const toFetch = new Map<string, number>();
    // Messages newer than the stored order: only these change anything and are told to onApplied.
    const fresh = new Set<Parsed>();
    for (const [tid, msgs] of byTid) {
      const stored = deps.orders.get(tid);
      for (const p of msgs) if (!stored || p.m.time > parseInstant(stored.modifiedAt)) fresh.add(p);
      const next = fromContent(stored, msgs);
      if (next === 'fetch') toFetch.set(tid, Math.max(...msgs.map((p) => p.m.time)));
      else if (next) writes.set(tid, next);
    }
    const fetched = await fetchOrders(toFetch);
    for (const [tid, got] of fetched) if (typeof got === 'object') writes.set(tid, got);
    try {
      if (writes.size) await deps.orders.upsertMany([...writes.values()]);
    } catch (err) {
      deps.logger.error({ err }, 'tmc: storing orders failed; the messages will be pushed again');
      for (const msgs of byTid.values()) for (const p of msgs) verdicts.set(p.m, 'fail');
      stats.failed += batch.length;
      return verdicts;
    }
    for (const [tid, msgs] of byTid) {
      const got = fetched.get(tid);
      const failed = got === 'failed';
      for (const p of msgs) {
        verdicts.set(p.m, failed ? 'fail' : 'confirm');
        if (failed) stats.failed++;
        else if (!fresh.has(p)) stats.unchanged++;
        else {
          if (got === undefined) stats.fromContent++;
          deps.onApplied?.({ topic: p.m.topic, tid, content: p.content, order: deps.orders.get(tid) });
        }
      }
    }
    return verdicts;
  }

  return { applyBatch, stats: () => ({ ...stats }) };
}

export type TmcApplier = ReturnType<typeof createTmcApplier>;
