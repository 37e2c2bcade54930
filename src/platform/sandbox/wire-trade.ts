import { formatYuanFixed } from '../../shared/money.js';
import { ownEntry } from '../../shared/own-entry.js';
import { formatTopTime } from '../../shared/time.js';
import { CATALOGUE, outerSkuId, skuId, skuProperties } from './generator/catalogue.js';
import { courierName } from './generator/couriers.js';
import { maskReceiverAddress, maskReceiverName, maskReceiverPhone } from './receiver-mask.js';
import type { SandboxShop } from './shop.js';
import { timeoutAction } from './transitions.js';
import type { SandboxLine, SandboxRate, SandboxTrade } from './types.js';

/**
 * Sandbox records → TOP wire objects, with only the requested fields. 19-digit ids must reach the
 * client as exact bare JSON numbers, which JSON.stringify cannot write: they travel as marked
 * strings and `toJsonText` unquotes them in the final text.
 */
const BIG = '\u0001';
const big = (id: string) => (id ? BIG + id : undefined);

/** A 19-digit id written as a bare JSON number by toJsonText. */
export const bigId = (id: string): string => BIG + id;

export function toJsonText(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001(\d+)"/g, '$1');
}

/** For XML, where every value is text anyway. */
export function unmarkBig(value: string): string {
  return value.startsWith(BIG) ? value.slice(1) : value;
}

type Getter<T> = (x: T, shop: SandboxShop, t: SandboxTrade) => unknown;
const time = (ms: number | null) => (ms === null ? undefined : formatTopTime(ms));
const yuan = formatYuanFixed;
const lineTotal = (l: SandboxLine) => l.price * l.num;
const linePayment = (l: SandboxLine) => lineTotal(l) - l.discount;
const addr = (t: SandboxTrade, s: SandboxShop) => t.receiver ?? s.buyerOf(t).addresses[t.addr]!;
const sum = (t: SandboxTrade, f: (l: SandboxLine) => number) => t.lines.reduce((s, l) => s + f(l), 0);
const shippedLine = (l: SandboxLine, t: SandboxTrade) =>
  t.parcel !== null &&
  (l.status === 'WAIT_BUYER_CONFIRM_GOODS' ||
    l.status === 'TRADE_FINISHED' ||
    (l.status === 'TRADE_CLOSED' && t.consigned !== null));

const TRADE: Record<string, Getter<SandboxTrade>> = {
  tid: (t) => big(t.tid),
  tid_str: (t) => t.tid,
  status: (t) => t.status,
  type: (t) => t.type,
  buyer_nick: (t, s) => s.buyerOf(t).nick,
  buyer_message: (t) => t.message || undefined,
  created: (t) => time(t.created),
  modified: (t) => time(t.modified),
  pay_time: (t) => time(t.paid),
  consign_time: (t) => time(t.consigned),
  end_time: (t) => time(t.ended),
  timeout_action_time: (t) => time(timeoutAction(t)),
  payment: (t) => yuan(sum(t, linePayment) + t.postFee),
  total_fee: (t) => yuan(sum(t, lineTotal)),
  post_fee: (t) => yuan(t.postFee),
  discount_fee: (t) => yuan(sum(t, (l) => l.discount)),
  adjust_fee: () => '0.00',
  num: (t) => sum(t, (l) => l.num),
  num_iid: (t) => CATALOGUE[t.lines[0]!.item]!.numIid,
  title: (t) => CATALOGUE[t.lines[0]!.item]!.title,
  // Read the buyer's address in place: building a receiver object per field was the gateway's hot spot.
  // Name, phones and the detailed address leave masked, as the platform hands them out; see `withOaid`.
  receiver_name: (t, s) => maskReceiverName(s.buyerOf(t).name),
  receiver_mobile: (t, s) => maskReceiverPhone(s.buyerOf(t).mobile) || undefined,
  // The sandbox's buyers give no landline: the field is asked for (it is one of the oaid's five) and left out.
  receiver_phone: () => undefined,
  receiver_state: (t, s) => addr(t, s).state,
  receiver_city: (t, s) => addr(t, s).city,
  receiver_district: (t, s) => addr(t, s).district || undefined,
  receiver_town: (t, s) => addr(t, s).town || undefined,
  receiver_address: (t, s) => maskReceiverAddress(addr(t, s)),
  receiver_zip: (t, s) => addr(t, s).zip,
  receiver_country: (t, s) => addr(t, s).country || undefined,
  seller_memo: (t) => t.memo || undefined,
  seller_flag: (t) => t.flag,
  buyer_rate: (t) => t.buyerRated,
  seller_rate: (t) => t.sellerRated,
  shipping_type: () => 'express',
  seller_nick: () => '小二女装旗舰店',
};

const ORDER: Record<string, Getter<SandboxLine>> = {
  oid: (l) => big(l.oid),
  oid_str: (l) => l.oid,
  num_iid: (l) => CATALOGUE[l.item]!.numIid,
  title: (l) => CATALOGUE[l.item]!.title,
  outer_iid: (l) => CATALOGUE[l.item]!.outerIid,
  sku_id: (l) => skuId(CATALOGUE[l.item]!, l.sku),
  outer_sku_id: (l) => outerSkuId(CATALOGUE[l.item]!, l.sku),
  sku_properties_name: (l) => skuProperties(CATALOGUE[l.item]!, l.sku),
  price: (l) => yuan(l.price),
  num: (l) => l.num,
  total_fee: (l) => yuan(lineTotal(l)),
  payment: (l) => yuan(linePayment(l)),
  discount_fee: (l) => yuan(l.discount),
  adjust_fee: () => '0.00',
  status: (l) => l.status,
  refund_status: (l) => l.refund || 'NO_REFUND',
  refund_id: (l) => big(l.refundId),
  logistics_company: (l, _s, t) => (shippedLine(l, t) ? courierName(t.parcel!.company) : undefined),
  invoice_no: (l, _s, t) => (shippedLine(l, t) ? t.parcel!.waybill : undefined),
};

export interface FieldSelection {
  trade: string[];
  orders: string[];
}

/** 'tid,status,orders.oid' → trade fields and order fields; a bare 'orders' asks for every order field. */
export function parseFields(fields: string): FieldSelection {
  const trade: string[] = [];
  const orders = new Set<string>();
  for (const raw of fields.split(',')) {
    const f = raw.trim();
    if (f === 'orders' || f === 'orders.order') Object.keys(ORDER).forEach((k) => orders.add(k));
    else if (f.startsWith('orders.')) {
      if (ownEntry(ORDER, f.slice(7))) orders.add(f.slice(7));
    } else if (ownEntry(TRADE, f) && !trade.includes(f)) trade.push(f);
  }
  return { trade, orders: [...orders] };
}

function pick<T>(
  getters: Record<string, Getter<T>>,
  names: string[],
  x: T,
  shop: SandboxShop,
  t: SandboxTrade,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) {
    const v = getters[n]!(x, shop, t);
    if (v !== undefined) out[n] = v;
  }
  return out;
}

/**
 * The platform generates a trade's `oaid` only when `fields` asks for all of these (the receiver the oaid stands for,
 * and `created`); a landline the buyer never gave still counts as asked.
 */
export const OAID_FIELDS = ['receiver_name', 'receiver_address', 'created', 'receiver_mobile', 'receiver_phone'];

export const asksForOaid = (sel: FieldSelection): boolean => OAID_FIELDS.every((f) => sel.trade.includes(f));

export function wireTrade(t: SandboxTrade, shop: SandboxShop, sel: FieldSelection): Record<string, unknown> {
  const out = pick(TRADE, sel.trade, t, shop, t);
  if (asksForOaid(sel)) out.oaid = shop.oaidOf(t);
  if (sel.orders.length) out.orders = { order: t.lines.map((l) => pick(ORDER, sel.orders, l, shop, t)) };
  return out;
}

const RATE: Record<string, Getter<SandboxRate>> = {
  tid: (r) => big(r.tid),
  oid: (r) => big(r.oid),
  role: () => 'buyer',
  nick: (_r, s, t) => s.buyerOf(t).nick,
  result: (r) => r.result,
  created: (r) => time(r.created),
  content: (r) => r.content || undefined,
  reply: (r) => r.reply || undefined,
  item_title: (r, _s, t) => {
    const l = t.lines.find((x) => x.oid === r.oid);
    return l ? CATALOGUE[l.item]!.title : undefined;
  },
  rated_nick: () => '小二女装旗舰店',
  valid_score: () => true,
};

export function wireRate(r: SandboxRate, shop: SandboxShop, fields: string): Record<string, unknown> {
  const names = fields
    .split(',')
    .map((f) => f.trim())
    .filter((f) => RATE[f]);
  return pick(RATE, names, r, shop, shop.trade(r.tid)!);
}
