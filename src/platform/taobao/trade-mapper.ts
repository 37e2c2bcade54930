import { createStringPool } from '../../shared/intern.js';
import { TRADE_STATUSES, type Order, type OrderItem, type Review, type TradeStatus } from '../../orders/index.js';
import { UpstreamError } from '../../shared/errors.js';
import { parseYuan } from '../../shared/money.js';
import { isCalendarDate, parseTopTime, toInstant } from '../../shared/time.js';
import type { TopOrder, TopTrade, TopTradeRate } from '../top/wire.js';

// Status → the constant itself: a parsed status longer than 10 characters is a fresh copy per
// trade and item (V8 shares only shorter ones), ~90 bytes an order in a 100k-order book.
const KNOWN_STATUSES = new Map<string, TradeStatus>(TRADE_STATUSES.map((st) => [st, st]));
/** Statuses newer platforms send that the domain folds into one it knows. */
// A Map, not an object literal: a status called `constructor` must not find Object's.
const STATUS_ALIASES = new Map<string, TradeStatus>([
  // 拼团中: paid, but the group is not complete so it cannot ship yet — to the shop it is still "to send".
  ['PAID_FORBID_CONSIGN', 'WAIT_SELLER_SEND_GOODS'],
]);

function bad(tid: string, what: string): UpstreamError {
  return new UpstreamError({
    upstream: 'taobao',
    code: 'malformed_trade',
    message: `taobao trade ${tid}: ${what}`,
    retriable: false,
    details: { tid },
  });
}

export function mapStatus(status: string, tid: string): TradeStatus {
  const known = KNOWN_STATUSES.get(status);
  if (known) return known;
  const alias = STATUS_ALIASES.get(status);
  if (alias) return alias;
  throw bad(tid, `unknown trade status ${JSON.stringify(status)}`);
}

/** Yuan text → fen; absent or empty is 0 (the platform leaves out fees that do not apply). */
function fen(value: string | undefined, tid: string, field: string): number {
  if (value === undefined || value === null || value === '') return 0;
  try {
    return parseYuan(value);
  } catch {
    throw bad(tid, `${field} is not an amount: ${JSON.stringify(value)}`);
  }
}

/** The number written by ASCII digits [from, to) of text (already checked to be digits). */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

// Years 1000–9999 only, as the careful path: it refuses the rest.
const WALL_TIME = /^([1-9]\d{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])) ((?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d)$/;

/** Platform time → +08:00 instant; absent is null. */
function instant(value: string | undefined, tid: string, field: string): string | null {
  if (!value) return null;
  // Platform times are already Shanghai wall time: the instant is the same text with its offset.
  // Joined rather than concatenated: `+` leaves a rope of three strings per instant, which stays
  // in the order book at ~3× the size of the flat 29 characters (a third of a stored order's heap).
  const wall = WALL_TIME.exec(value);
  if (wall && isCalendarDate(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10)))
    return [wall[1], 'T', wall[2], '.000+08:00'].join('');
  try {
    return toInstant(parseTopTime(value));
  } catch {
    throw bad(tid, `${field} is not a time: ${JSON.stringify(value)}`);
  }
}

/** The exact 64-bit id: the `_str` twin when sent, else the value the raw-text rewrite turned into a string. */
function idOf(str: string | undefined, value: number | string | undefined): string {
  if (str) return str;
  return value === undefined || value === null ? '' : String(value);
}

// Platform strings enter xiaoer here: repeated ones share one copy for the life of the process.
const pooled = createStringPool();
const s = (v: string | undefined) => pooled(v ?? '');
// A shop sells a catalogue: item and SKU ids repeat across orders as much as titles do, and so do postcodes.
const pooledCodes = createStringPool({ digits: true });
const code = (v: string | undefined) => pooledCodes(v ?? '');

export function mapOrderItem(o: TopOrder, tid: string): OrderItem {
  const oid = idOf(o.oid_str, o.oid);
  return {
    // A trade of one item has the trade's id as its order id: one copy serves both.
    oid: oid === tid ? tid : oid,
    numIid: code(idOf(undefined, o.num_iid)),
    title: s(o.title),
    outerIid: s(o.outer_iid),
    skuId: code(o.sku_id),
    skuProperties: s(o.sku_properties_name),
    price: fen(o.price, tid, 'orders.price'),
    num: Number(o.num ?? 0),
    totalFee: fen(o.total_fee, tid, 'orders.total_fee'),
    payment: fen(o.payment, tid, 'orders.payment'),
    discountFee: fen(o.discount_fee, tid, 'orders.discount_fee'),
    status: mapStatus(o.status, tid),
    refundStatus: s(o.refund_status),
    refundId: idOf(undefined, o.refund_id),
    logisticsCompany: s(o.logistics_company),
    invoiceNo: o.invoice_no ?? '',
  };
}

export function mapTrade(t: TopTrade): Order {
  const tid = idOf(t.tid_str, t.tid);
  const modifiedAt = instant(t.modified, tid, 'modified') ?? '';
  // Finishing or closing a trade modifies it: end and modified times are often the same text, kept once.
  const at = (value: string | undefined, field: string) =>
    value && value === t.modified ? modifiedAt : instant(value, tid, field);
  return {
    tid,
    status: mapStatus(t.status, tid),
    type: s(t.type),
    buyerNick: s(t.buyer_nick),
    buyerMessage: t.buyer_message ?? '',
    createdAt: instant(t.created, tid, 'created') ?? '',
    modifiedAt,
    paidAt: at(t.pay_time, 'pay_time'),
    consignedAt: at(t.consign_time, 'consign_time'),
    endAt: at(t.end_time, 'end_time'),
    payDeadlineAt: at(t.timeout_action_time, 'timeout_action_time'),
    totalFee: fen(t.total_fee, tid, 'total_fee'),
    payment: fen(t.payment, tid, 'payment'),
    postFee: fen(t.post_fee, tid, 'post_fee'),
    discountFee: fen(t.discount_fee, tid, 'discount_fee'),
    receiver: {
      name: s(t.receiver_name),
      mobile: t.receiver_mobile ?? '',
      phone: t.receiver_phone ?? '',
      state: s(t.receiver_state),
      city: s(t.receiver_city),
      district: s(t.receiver_district),
      town: s(t.receiver_town),
      address: t.receiver_address ?? '',
      zip: code(t.receiver_zip),
      country: s(t.receiver_country),
      // Kept with the masked receiver: a send or a person's reveal decrypts it by this key when a task needs it.
      ...(t.oaid ? { oaid: t.oaid } : {}),
    },
    items: (t.orders?.order ?? []).map((o) => mapOrderItem(o, tid)),
    sellerMemo: t.seller_memo ?? '',
    sellerFlag: Number(t.seller_flag ?? 0),
    buyerRated: t.buyer_rate ?? false,
    sellerRated: t.seller_rate ?? false,
    shippingType: s(t.shipping_type),
  };
}

export function mapRate(r: TopTradeRate): Review {
  const tid = idOf(undefined, r.tid);
  return {
    tid,
    oid: idOf(undefined, r.oid),
    buyerNick: r.nick ?? '',
    result: r.result,
    content: r.content ?? '',
    reply: r.reply ?? '',
    itemTitle: r.item_title ?? '',
    createdAt: instant(r.created, tid, 'created') ?? '',
  };
}
