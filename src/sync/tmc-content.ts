import type { Order, OrderItem, TradeStatus } from '../orders/index.js';
import { TRADE_STATUSES } from '../orders/index.js';
import { parseYuan } from '../shared/money.js';
import { parseTopTime, toInstant } from '../shared/time.js';

/**
 * What a pushed message's content says of the order, field by field, using only what the platform's messages carry
 * (tmc.js types/taobao.d.ts; the sandbox publishes the same fields, src/platform/sandbox/tmc/events.ts). A topic whose
 * content is the whole change patches the stored order; a topic whose content is not (a new order has no lines in its
 * message; TradeChanged does not say what changed) shows what it carries at once and leaves the rest to be read
 * (`details`, tmc-details.ts).
 */

export interface ContentPatch {
  order: Order;
  /** The order's details are still to be read from the platform. */
  details?: boolean;
}

type Content = Record<string, unknown>;
type Patch = (o: Order, at: string, c: Content) => ContentPatch;

const STATUSES: ReadonlySet<string> = new Set(TRADE_STATUSES);
const statusOf = (c: Content): TradeStatus | undefined =>
  typeof c.status === 'string' && STATUSES.has(c.status) ? (c.status as TradeStatus) : undefined;
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
/** Lines move with the order: those in the order's old status take the new one (refunded lines keep theirs). */
const setStatus = (o: Order, status: TradeStatus): Order['items'] =>
  o.items.map((i) => (i.status === o.status ? { ...i, status } : i));
const withStatus = (o: Order, status: TradeStatus): Order =>
  status === o.status ? o : { ...o, status, items: setStatus(o, status) };
const topTime = (v: unknown): number | undefined => {
  try {
    return typeof v === 'string' ? parseTopTime(v) : undefined;
  } catch {
    return undefined;
  }
};

/** The line a refund message names (oid), else the order's only line. */
function refundLine(o: Order, c: Content, change: (i: OrderItem) => OrderItem): Order | undefined {
  const oid = text(c.oid);
  const idx = oid ? o.items.findIndex((i) => i.oid === oid) : o.items.length === 1 ? 0 : -1;
  if (idx < 0) return undefined;
  return { ...o, items: o.items.map((i, n) => (n === idx ? change(i) : i)) };
}

const refund =
  (refundStatus: string): Patch =>
  (o, at, c) => {
    const refundId = text(c.refund_id);
    const next = refundLine(o, c, (i) => ({ ...i, refundStatus, refundId: refundId || i.refundId }));
    // A line the message cannot name is read in full.
    return next ? { order: { ...next, modifiedAt: at } } : { order: { ...o, modifiedAt: at }, details: true };
  };

export const CONTENT_PATCHES: Readonly<Record<string, Patch>> = {
  taobao_trade_TradeMemoModified: (o, at, c) => ({
    order: {
      ...o,
      sellerMemo: typeof c.seller_memo === 'string' ? c.seller_memo : '',
      sellerFlag: typeof c.seller_flag === 'number' ? c.seller_flag : o.sellerFlag,
      modifiedAt: at,
    },
  }),
  taobao_trade_TradeBuyerPay: (o, at) => ({
    order: { ...withStatus(o, 'WAIT_SELLER_SEND_GOODS'), paidAt: at, payDeadlineAt: null, modifiedAt: at },
  }),
  taobao_trade_TradeSuccess: (o, at) => ({
    order: { ...withStatus(o, 'TRADE_FINISHED'), endAt: at, payDeadlineAt: null, modifiedAt: at },
  }),
  taobao_trade_TradeClose: (o, at, c) => {
    const status: TradeStatus = c.status === 'TRADE_CLOSED' ? 'TRADE_CLOSED' : 'TRADE_CLOSED_BY_TAOBAO';
    return { order: { ...withStatus(o, status), endAt: at, payDeadlineAt: null, modifiedAt: at } };
  },
  // Shipped in full: every line goes; in part, the message does not say which lines, so they are read.
  taobao_trade_TradeSellerShip: (o, at, c) => {
    const status = statusOf(c) ?? 'WAIT_BUYER_CONFIRM_GOODS';
    const shipped = { ...withStatus(o, status), consignedAt: o.consignedAt ?? at, modifiedAt: at };
    return { order: shipped, details: status !== 'WAIT_BUYER_CONFIRM_GOODS' };
  },
  // The courier's CONSIGN step carries the waybill and the company: the shipped lines without one take them. A later
  // step (collected, in transit, signed…) changes nothing of the trade: the parcel's tracking is the courier's, read
  // by logistics refresh. Stamping the order with the step's time would make the stored copy look newer than the
  // platform's, and a real change published before that time would then be taken for an old one and dropped.
  taobao_logistics_LogsticDetailTrace: (o, at, c) => {
    const waybill = text(c.out_sid);
    if (c.action !== 'CONSIGN' || !waybill) return { order: o };
    const company = text(c.company_name);
    const items = o.items.map((i) =>
      i.status === 'WAIT_BUYER_CONFIRM_GOODS' && !i.invoiceNo
        ? { ...i, invoiceNo: waybill, logisticsCompany: company }
        : i,
    );
    const consigned = topTime(c.time);
    return {
      order: { ...o, items, consignedAt: o.consignedAt ?? (consigned ? toInstant(consigned) : at), modifiedAt: at },
    };
  },
  // The buyer rated (the message has no result: the review book reads it, see wire-tmc-handoffs).
  taobao_trade_TradeRated: (o, at, c) => ({
    order:
      c.rater === 'seller' ? { ...o, sellerRated: true, modifiedAt: at } : { ...o, buyerRated: true, modifiedAt: at },
  }),
  taobao_refund_RefundCreated: refund('WAIT_SELLER_AGREE'),
  taobao_refund_RefundSuccess: refund('SUCCESS'),
  taobao_refund_RefundClosed: refund('CLOSED'),
  // Something changed that the message does not name: its status shows now, the rest is read.
  taobao_trade_TradeChanged: (o, at, c) => {
    const status = statusOf(c);
    return { order: { ...(status ? withStatus(o, status) : o), modifiedAt: at }, details: true };
  },
};

/**
 * A TradeChanged at the very time of a message whose content was applied (a refund asked for, a review) is that same
 * change told once more (the platform sends TradeChanged beside the specific topics): it costs no read.
 */
export const EXPLAINS_CHANGE: ReadonlySet<string> = new Set([
  'taobao_trade_TradeRated',
  'taobao_refund_RefundCreated',
  'taobao_refund_RefundSuccess',
  'taobao_refund_RefundClosed',
]);

/**
 * Topics the platform sends beside another one for the same change (a shipment and its waybill; a rating or a refund
 * beside the trade's own message): at the stored order's very time they are still applied, each filling in its part.
 * Any other topic at that time is the stored change told again and changes nothing (a memo told twice, or told after
 * a newer copy of the same second was read).
 */
export const TWIN_TOPICS: ReadonlySet<string> = new Set([
  'taobao_trade_TradeSellerShip',
  'taobao_logistics_LogsticDetailTrace',
  ...EXPLAINS_CHANGE,
]);

/** A line whose refund is under way: what happens to it next is an open item or a return, read at once. */
export const refundUnderWay = (o: Order | undefined): boolean =>
  o?.items.some((i) => i.refundId !== '' && !['', 'NO_REFUND', 'SUCCESS', 'CLOSED'].includes(i.refundStatus)) ?? false;

const EMPTY_RECEIVER: Order['receiver'] = {
  name: '',
  mobile: '',
  phone: '',
  state: '',
  city: '',
  district: '',
  town: '',
  address: '',
  zip: '',
  country: '',
};

/**
 * An order xiaoer has not stored, as its first message tells it (status, type, buyer, payment; created at the
 * message's time, which a new order's TradeCreate is): visible at once, its lines and receiver read shortly after.
 */
export function stubOrder(tid: string, at: string, c: Content): Order {
  let payment: number;
  try {
    payment = parseYuan(text(c.payment) || '0');
  } catch {
    payment = 0; // unreadable: the details read brings the amounts
  }
  return {
    tid,
    status: statusOf(c) ?? 'WAIT_BUYER_PAY',
    type: text(c.type) || 'fixed',
    buyerNick: text(c.buyer_nick),
    buyerMessage: '',
    createdAt: at,
    modifiedAt: at,
    paidAt: null,
    consignedAt: null,
    endAt: null,
    payDeadlineAt: null,
    totalFee: payment,
    payment,
    postFee: 0,
    discountFee: 0,
    receiver: EMPTY_RECEIVER,
    items: [],
    sellerMemo: '',
    sellerFlag: 0,
    buyerRated: false,
    sellerRated: false,
    shippingType: '',
  };
}
