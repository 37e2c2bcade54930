import { formatYuanFixed } from '../../../shared/money.js';
import { formatTopTime } from '../../../shared/time.js';
import { courierName } from '../generator/couriers.js';
import type { SandboxShop } from '../shop.js';
import type { SandboxLine, SandboxRate, SandboxTrade } from '../types.js';
import { SANDBOX_SELLER_NICK } from '../credentials.js';
import { TMC_TOPICS } from '../../tmc/index.js';
import { consignDesc } from '../trace.js';

/**
 * Which TMC messages one change of a sandbox trade publishes, with the content fields the platform documents for each
 * topic (tmc.js types/taobao.d.ts). Ids are 64-bit: they go into the JSON as bare numbers, as the platform writes
 * them, so a consumer that parses with JSON.parse loses digits exactly as it would against the real service.
 */

export interface TmcEvent {
  topic: string;
  /** Publish time, epoch ms: the trade's modified time, so a consumer can order messages by it. */
  time: number;
  content: Record<string, string | number | bigint | boolean>;
}

/** The topics the sandbox publishes (the app's subscription; taobao.tmc.user.permit narrows it): all of them. */
export const SANDBOX_TOPICS = TMC_TOPICS;

/** JSON text with bigint values written as bare numbers. */
export function contentJson(c: TmcEvent['content']): string {
  return `{${Object.entries(c)
    .map(([k, v]) => `${JSON.stringify(k)}:${typeof v === 'bigint' ? v.toString() : JSON.stringify(v)}`)
    .join(',')}}`;
}

const payment = (t: SandboxTrade) =>
  formatYuanFixed(t.lines.reduce((s, l) => s + l.price * l.num - l.discount, 0) + t.postFee);
const CLOSED = new Set(['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO']);
const SHIPPED = new Set(['WAIT_BUYER_CONFIRM_GOODS', 'SELLER_CONSIGNED_PART']);

function tradeBase(t: SandboxTrade, shop: SandboxShop) {
  return {
    buyer_nick: shop.buyerOf(t).nick,
    seller_nick: SANDBOX_SELLER_NICK,
    tid: BigInt(t.tid),
    oid: BigInt(t.lines[0]!.oid),
    payment: payment(t),
    status: t.status,
    type: t.type,
  };
}

function refundEvent(topic: string, t: SandboxTrade, l: SandboxLine, shop: SandboxShop): TmcEvent {
  const modified = l.rf?.modified ?? t.modified;
  return {
    topic,
    time: t.modified,
    content: {
      buyer_nick: shop.buyerOf(t).nick,
      seller_nick: SANDBOX_SELLER_NICK,
      tid: BigInt(t.tid),
      oid: BigInt(l.oid),
      refund_id: BigInt(l.refundId),
      refund_fee: formatYuanFixed(l.rf?.feeFen ?? l.price * l.num - l.discount),
      bill_type: l.rf?.goodReturn ? 'return_bill' : 'refund_bill',
      refund_phase: t.status === 'TRADE_FINISHED' ? 'aftersale' : 'onsale',
      modified: formatTopTime(modified),
    },
  };
}

const REFUND_TOPICS: Record<string, string> = {
  SUCCESS: 'taobao_refund_RefundSuccess',
  CLOSED: 'taobao_refund_RefundClosed',
};

/** The messages of one change: `before` is the trade as it was (undefined for a new trade). */
export function tradeEvents(before: SandboxTrade | undefined, t: SandboxTrade, shop: SandboxShop): TmcEvent[] {
  const base = tradeBase(t, shop);
  const at = t.modified;
  const ev = (topic: string, extra: TmcEvent['content'] = {}): TmcEvent => ({
    topic,
    time: at,
    content: { ...base, ...extra },
  });
  if (!before) return [ev('taobao_trade_TradeCreate')];
  const out: TmcEvent[] = [];
  if (before.status !== t.status) {
    if (t.status === 'WAIT_SELLER_SEND_GOODS' && before.status === 'WAIT_BUYER_PAY')
      out.push(ev('taobao_trade_TradeBuyerPay'));
    else if (SHIPPED.has(t.status) && !SHIPPED.has(before.status)) out.push(ev('taobao_trade_TradeSellerShip'));
    else if (t.status === 'TRADE_FINISHED') out.push(ev('taobao_trade_TradeSuccess'));
    else if (CLOSED.has(t.status)) out.push(ev('taobao_trade_TradeClose'));
  }
  if (before.memo !== t.memo || before.flag !== t.flag)
    out.push(ev('taobao_trade_TradeMemoModified', { action_type: 'seller', seller_memo: t.memo, seller_flag: t.flag }));
  if (JSON.stringify(before.receiver ?? before.addr) !== JSON.stringify(t.receiver ?? t.addr))
    out.push({
      topic: 'taobao_trade_TradeLogisticsAddressChanged',
      time: at,
      content: { buyer_nick: base.buyer_nick, tid: base.tid },
    });
  t.lines.forEach((l, i) => {
    const was = before.lines[i]?.refund ?? '';
    if (was === l.refund || !l.refundId) return;
    if (was === '') out.push(refundEvent('taobao_refund_RefundCreated', t, l, shop));
    const topic = REFUND_TOPICS[l.refund];
    if (topic) out.push(refundEvent(topic, t, l, shop));
  });
  if (t.parcel && !before.parcel) {
    const name = courierName(t.parcel.company);
    const step = { at: t.consigned ?? at, action: 'CONSIGN', desc: consignDesc(name, t.parcel.waybill) };
    out.push({ ...traceEvent(t.tid, name, t.parcel.waybill, step), time: at });
  }
  // Any other change of the trade (a refund moving on, a review, the rest shipped) is told as TradeChanged.
  if (!out.some((e) => e.topic.startsWith('taobao_trade_'))) out.push(ev('taobao_trade_TradeChanged'));
  return out;
}

/** A buyer's new review (the platform's TradeRated carries no result: a consumer asks traderates.get). */
export function rateEvent(r: SandboxRate, shop: SandboxShop): TmcEvent | undefined {
  const t = shop.trade(r.tid);
  if (!t) return undefined;
  return {
    topic: 'taobao_trade_TradeRated',
    time: r.created,
    content: { ...tradeBase(t, shop), oid: BigInt(r.oid), rater: 'buyer' },
  };
}

const TRACE_TOPIC = 'taobao_logistics_LogsticDetailTrace';
/**
 * The actions the platform's message documents (CREATE, CONSIGN, GOT, ARRIVAL, DEPARTURE, SIGNED, SENT_SCAN, FAILED,
 * LOST, SENT_CITY, TO_EMS, OTHER): the sandbox trace's own station and return steps are OTHER, their words in desc.
 */
const TRACE_ACTIONS = new Set(['CONSIGN', 'GOT', 'ARRIVAL', 'DEPARTURE', 'SIGNED', 'SENT_SCAN', 'FAILED']);

/** One courier step as the platform's LogsticDetailTrace carries it: no receiver, only the trade and the parcel. */
export function traceEvent(
  tid: string,
  companyName: string,
  waybill: string,
  step: { at: number; action: string; desc: string },
): TmcEvent {
  return {
    topic: TRACE_TOPIC,
    time: step.at,
    content: {
      tid: BigInt(tid),
      action: TRACE_ACTIONS.has(step.action) ? step.action : 'OTHER',
      company_name: companyName,
      out_sid: waybill,
      desc: step.desc,
      time: formatTopTime(step.at),
    },
  };
}
