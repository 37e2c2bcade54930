import type { Order, OrderRepository } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import { parseContent, TMC_TOPICS, type TmcMessage } from '../platform/index.js';
import type { Logger } from '../shared/logger.js';
import { parseInstant, toInstant } from '../shared/time.js';
import type { Transaction } from '../storage/index.js';
import { CONTENT_PATCHES, EXPLAINS_CHANGE, refundUnderWay, stubOrder, TWIN_TOPICS } from './tmc-content.js';
import { markDetails, settleDetails, type DetailReader } from './tmc-details.js';
import { fetchOrders, type FetchCounts } from './tmc-fetch.js';
import { recordHandoff, type HandoffRunner, type TmcHandoff } from './tmc-handoff-log.js';
import { recordRefundTime } from './tmc-refund-times.js';

/**
 * What xiaoer does with each pushed message. What the content carries is applied to the stored order at once
 * (tmc-content.ts): a memo, a payment, a shipment and its waybill, a success, a close, a rating, a refund's line. What
 * it does not carry (a new order's lines, what a TradeChanged changed) is read shortly after, several orders per call
 * (tmc-details.ts); an address change is read at once (the label check needs the new receiver). A message is
 * confirmed only once its change is on disk, with what it hands on (tmc-handoff-log.ts) and which details are still
 * to read in the same transaction. A message older than the stored order changes nothing, nor does one at the same
 * time unless its topic is the twin of another for the same change (a shipment's waybill, a refund beside its
 * TradeChanged; tmc-content.ts TWIN_TOPICS). An unknown topic or unreadable content is logged and confirmed: pushing it
 * again would not make it readable.
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
  /** Reads the details a message leaves out, in batches; without it such orders are read at once. */
  details?: Pick<DetailReader, 'schedule'>;
  /** Durable hand-offs: recorded with the change, run once it is on disk. */
  handoffs?: Pick<HandoffRunner, 'wants' | 'run'>;
}

export interface TmcApplyStats {
  messages: number;
  fromContent: number;
  /** Orders read one by one (trade.fullinfo.get). */
  fetched: number;
  /** Orders read from one incremental list over the messages' times. */
  listed: number;
  /** Messages applied from content whose order's details are left to the batch read. */
  deferred: number;
  unchanged: number;
  ignored: number;
  failed: number;
}

export const KNOWN_TOPICS: ReadonlySet<string> = new Set(TMC_TOPICS);
/** Read in full at once: the label-fix check needs the new receiver, which no message carries. */
export const FETCHED_TOPICS: ReadonlySet<string> = new Set(['taobao_trade_TradeLogisticsAddressChanged']);
const CREATE = 'taobao_trade_TradeCreate';
const CHANGED = 'taobao_trade_TradeChanged';

interface Parsed {
  m: TmcMessage;
  tid: string;
  content: Record<string, unknown>;
}

/** What one order's messages of a batch do. */
interface Decision {
  /** Messages newer than (or as new as) the stored order. */
  fresh: Parsed[];
  order?: Order;
  fetch: boolean;
  /** Details left to read: since this message time, a new order or not. */
  details?: { at: number; created: boolean };
}

const tidOf = (c: Record<string, unknown>): string | undefined => {
  const t = c.tid;
  if (typeof t === 'string' && /^\d+$/.test(t)) return t;
  if (typeof t === 'number' && Number.isSafeInteger(t) && t > 0) return String(t);
  return undefined;
};
const same = (a: Order | undefined, b: Order) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

function decide(tid: string, stored: Order | undefined, msgs: Parsed[]): Decision {
  const storedAt = stored ? parseInstant(stored.modifiedAt) : -Infinity;
  const sorted = [...msgs].sort((a, b) => a.m.time - b.m.time);
  const explained = new Set(sorted.filter((p) => EXPLAINS_CHANGE.has(p.m.topic)).map((p) => p.m.time));
  const d: Decision = { fresh: [], fetch: false };
  let o = stored;
  for (const p of sorted) {
    const patch = CONTENT_PATCHES[p.m.topic];
    if (p.m.time < storedAt || (p.m.time === storedAt && !TWIN_TOPICS.has(p.m.topic))) continue;
    d.fresh.push(p);
    // A refund under way moves on by TradeChanged (agreed, goods sent back): its open item and return follow at once.
    const refundMoved = p.m.topic === CHANGED && !explained.has(p.m.time) && refundUnderWay(o);
    if (FETCHED_TOPICS.has(p.m.topic) || refundMoved) {
      d.fetch = true;
      continue;
    }
    const at = toInstant(p.m.time);
    if (!o) {
      o = stubOrder(tid, at, p.content);
      d.details = { at: p.m.time, created: p.m.topic === CREATE };
    }
    if (!patch) continue; // TradeCreate of an order already stored: nothing more to say
    if (p.m.topic === CHANGED && explained.has(p.m.time)) {
      o = { ...o, modifiedAt: at };
      continue;
    }
    const r = patch(o, at, p.content);
    o = r.order;
    if (r.details) d.details = { at: p.m.time, created: d.details?.created ?? false };
  }
  if (o && !same(stored, o)) d.order = o;
  else delete d.details; // told again: nothing changed, nothing to read
  return d;
}

export function createTmcApplier(deps: TmcApplyDeps) {
  const stats: TmcApplyStats = {
    messages: 0,
    fromContent: 0,
    fetched: 0,
    listed: 0,
    deferred: 0,
    unchanged: 0,
    ignored: 0,
    failed: 0,
  };
  const counts: FetchCounts = { fetched: 0, listed: 0 };

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

  /** Decides a batch: every message gets its verdict once the changes are on disk. */
  async function applyBatch(batch: TmcMessage[]): Promise<Map<TmcMessage, Verdict>> {
    stats.messages += batch.length;
    const verdicts = new Map<TmcMessage, Verdict>();
    const byTid = new Map<string, Parsed[]>();
    for (const m of batch) {
      const p = parse(m, verdicts);
      if (p) byTid.set(p.tid, [...(byTid.get(p.tid) ?? []), p]);
    }
    const decisions = new Map<string, Decision>();
    const toFetch = new Map<string, number>();
    for (const [tid, msgs] of byTid) {
      const d = decide(tid, deps.orders.get(tid), msgs);
      // Without a batch reader, an order whose details are missing is read now, as an address change is.
      if (d.details && !deps.details) d.fetch = true;
      decisions.set(tid, d);
      if (d.fetch) toFetch.set(tid, Math.max(...d.fresh.map((p) => p.m.time)));
    }
    const fetched = await fetchOrders(deps.platform, deps.logger, toFetch, counts);
    const writes: Order[] = [];
    for (const [tid, d] of decisions) {
      const got = fetched.get(tid);
      if (d.fetch) d.order = typeof got === 'object' ? got : undefined;
      if (d.order) writes.push(d.order);
    }
    const handoffs: TmcHandoff[] = [];
    const alongside = (tx: Transaction) => {
      for (const [tid, d] of decisions) {
        if (!d.order) continue;
        if (d.fetch) settleDetails(tx, tid, parseInstant(d.order.modifiedAt) + 1);
        else if (d.details) markDetails(tx, tid, d.details.at, d.details.created);
        for (const p of d.fresh) {
          if (p.m.topic.startsWith('taobao_refund_')) recordRefundTime(tx, tid, p.content);
          if (deps.handoffs?.wants(p.m.topic))
            handoffs.push(recordHandoff(tx, { topic: p.m.topic, tid, at: d.order.modifiedAt, content: p.content }));
        }
      }
    };
    try {
      if (writes.length) await deps.orders.upsertMany(writes, alongside);
    } catch (err) {
      deps.logger.error({ err }, 'tmc: storing orders failed; the messages will be pushed again');
      for (const msgs of byTid.values()) for (const p of msgs) verdicts.set(p.m, 'fail');
      stats.failed += batch.length;
      return verdicts;
    }
    for (const [tid, msgs] of byTid) {
      const d = decisions.get(tid)!;
      const failed = d.fetch && fetched.get(tid) === 'failed';
      const fresh = new Set(d.order ? d.fresh : []);
      for (const p of msgs) {
        verdicts.set(p.m, failed ? 'fail' : 'confirm');
        if (failed) stats.failed++;
        else if (!fresh.has(p)) stats.unchanged++;
        else {
          if (!d.fetch) stats.fromContent++;
          if (!d.fetch && d.details) stats.deferred++;
          deps.onApplied?.({ topic: p.m.topic, tid, content: p.content, order: deps.orders.get(tid) });
        }
      }
    }
    if (handoffs.length)
      deps.handoffs?.run(handoffs).catch((err: unknown) => deps.logger.error({ err }, 'tmc: hand-offs failed'));
    if (writes.length) deps.details?.schedule();
    return verdicts;
  }

  return { applyBatch, stats: (): TmcApplyStats => ({ ...stats, ...counts }) };
}

export type TmcApplier = ReturnType<typeof createTmcApplier>;
