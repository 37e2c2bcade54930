/**
 * The shop's print-batch rules as pure functions (打单, the handbook's 日常工作流程: print before 12:00, 15:00 and
 * 17:00; an order paid after 17:00 ships the next day; an item with no stock is not shipped). Times are the config's
 * (jobs.printBatches), always Asia/Shanghai.
 */
import { createHash } from 'node:crypto';
import { COURIERS } from '../logistics/index.js';
import type { Order, OrderItem } from '../orders/index.js';

type Receiver = Order['receiver'];
import type { RemarkFact } from '../remarks/index.js';
import { DAY, HOUR, MINUTE, shanghaiDate, startOfShanghaiDay } from '../shared/time.js';
import type { HoldReason } from './print-labels.js';

export interface BatchKey {
  /** Shanghai day, YYYY-MM-DD. */
  date: string;
  /** HH:mm, one of the configured times. */
  time: string;
}

export const batchId = (k: BatchKey): string => `${k.date}@${k.time}`;

/** The instant a batch is due: its time on its Shanghai day. */
export function dueAt(k: BatchKey): number {
  const [h, m] = k.time.split(':').map(Number);
  return startOfShanghaiDay(k.date) + h! * HOUR + m! * MINUTE;
}

/**
 * The batch an instant belongs to: the first batch due after it. An order paid at 11:59 is in 12:00's, one paid at
 * 12:00 in 15:00's, one paid at or after the cut-off (the last time) in the next day's first batch.
 */
export function batchAfter(times: readonly string[], at: number): BatchKey {
  const date = shanghaiDate(at);
  const time = times.find((t) => dueAt({ date, time: t }) > at);
  return time ? { date, time } : { date: shanghaiDate(startOfShanghaiDay(date) + DAY + HOUR), time: times[0]! };
}

/** Paid and waiting for the warehouse; a partly shipped order has its label already. */
export const awaitingShipment = (o: Pick<Order, 'status' | 'paidAt'>): boolean =>
  o.status === 'WAIT_SELLER_SEND_GOODS' && o.paidAt !== null;

/** A line whose refund the buyer asked for and the shop has not refused or closed. */
const REFUND_OPEN = new Set(['WAIT_SELLER_AGREE', 'WAIT_BUYER_RETURN_GOODS', 'WAIT_SELLER_CONFIRM_GOODS']);
/** A line whose money went back: not packed. */
export const lineRefunded = (i: Pick<OrderItem, 'refundStatus'>): boolean => i.refundStatus === 'SUCCESS';

const squash = (s: string) => s.replace(/[\s,，。.、;；:：()（）-]/g, '');

/**
 * Receivers come masked from the platform (张*, 138****5678, 西湖区****; issue 18): a value typed in full can only be
 * compared with what the mask leaves visible. Each run of stars stands for one or more characters nobody here sees.
 */
const masked = (shown: string) => shown.includes('*');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function couldBe(shown: string, value: string): boolean {
  return new RegExp(`^${shown.split(/\*+/).map(escape).join('.+')}$`, 'u').test(value);
}

/** Two phones, either typed or shown masked (138****5678), agree on every digit both show: head and tail. */
function samePhone(a: string, b: string): boolean {
  const pa = a.replace(/[^\d*]/g, '');
  const pb = b.replace(/[^\d*]/g, '');
  if (!pa || !pb) return false;
  if (!masked(pa) && !masked(pb)) return pa === pb;
  const head = (p: string) => /^\d*/.exec(p)![0];
  const tail = (p: string) => /\d*$/.exec(p)![0];
  const n = Math.min(head(pa).length, head(pb).length);
  const m = Math.min(tail(pa).length, tail(pb).length);
  return n + m >= 7 && head(pa).slice(0, n) === head(pb).slice(0, n) && tail(pa).slice(-m) === tail(pb).slice(-m);
}

/**
 * Whether the receiver on the order already shows what an address.change remark says: the memo records the
 * change, the label prints from the order, so until the order carries it the label would go to the old address.
 * A phone typed masked (138****1234) matches on its visible digits. On a masked receiver only what the mask leaves
 * visible can be compared (the surname, the phone's first 3 and last 4 digits, the district): a change that
 * contradicts it is not applied yet; one that agrees is taken as applied. What the mask hides is caught after
 * printing instead: the platform gives a changed receiver a new oaid, which opens the label-fix task (label-check.ts).
 */
export function changeApplied(receiver: Receiver, fields: Record<string, unknown>): boolean {
  const value = squash(String(fields.value ?? ''));
  if (!value) return true;
  switch (fields.field) {
    case 'receiver': {
      const name = squash(receiver.name);
      return masked(name) ? couldBe(name, value) : name === value;
    }
    case 'phone':
      return [receiver.mobile, receiver.phone].some((p) => samePhone(p, value));
    default: {
      if (masked(receiver.address)) {
        const place = receiver.district || receiver.city;
        const named = /[省市区县旗]/.test(value.replace(/[^\p{Script=Han}]/gu, ''));
        return !place || value.includes(place) || !named;
      }
      const full = squash([receiver.state, receiver.city, receiver.district, receiver.town, receiver.address].join(''));
      const detail = squash(receiver.address);
      return full.includes(value) || (detail !== '' && value.endsWith(detail));
    }
  }
}

/** Why the order is not printed now, from its remarks and its lines; [] when nothing holds it. */
export function holdsOf(order: Pick<Order, 'receiver' | 'items'>, facts: readonly RemarkFact[]): HoldReason[] {
  const holds = new Set<HoldReason>();
  for (const f of facts) {
    if (f.kind === 'oos.notify') holds.add('out_of_stock');
    else if (f.kind === 'cancel.request' || f.kind === 'exchange.request') holds.add('cancelled');
    else if (f.kind === 'transfer.awaiting' || f.kind === 'exchange.diff_pending') holds.add('awaiting_payment');
    else if (f.kind === 'address.change' && !changeApplied(order.receiver, f.fields)) holds.add('address_pending');
  }
  if (order.items.some((i) => REFUND_OPEN.has(i.refundStatus))) holds.add('refund_requested');
  return [...holds];
}

/**
 * A short hash of the label's address side as xiaoer holds it (masked, as the platform gives it): a change after
 * the order entered the batch shows. The masked fields alone miss a change within one district by the same surname
 * and phone tail, so the receiver's oaid is kept beside it (receiverChanged).
 */
export function addressFingerprint(r: Receiver): string {
  const text = [r.name, r.mobile, r.phone, r.state, r.city, r.district, r.town, r.address, r.zip, r.country].join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * Whether the receiver is no longer the one an order entered its batch with: its masked fields differ, or its oaid
 * does (the platform issues a new oaid for a changed receiver, whatever the mask still shows). An entry stored
 * before receivers had an oaid is compared on the fields alone.
 */
export function receiverChanged(entry: { address: string; oaid?: string | undefined }, r: Receiver): boolean {
  if (entry.address !== addressFingerprint(r)) return true;
  return !!entry.oaid && entry.oaid !== (r.oaid ?? '');
}

/** Every spelling staff write after 发 (发圆通快递, 顾客要求发顺丰), longest first so 顺丰快递 beats 顺丰. */
const SPELLINGS = COURIERS.flatMap((c) => [c.name, ...c.aliases].map((s) => ({ s: `发${s}`, code: c.code }))).sort(
  (a, b) => b.s.length - a.s.length,
);

/**
 * The courier the order goes by: the last one its memo names by the house convention (发圆通快递), else the shop's
 * default courier, else '' (not named).
 */
export function courierOf(order: Pick<Order, 'sellerMemo'>, defaultCourier: string | null): string {
  let best: { at: number; code: string } | null = null;
  if (order.sellerMemo.includes('发'))
    for (const { s, code } of SPELLINGS) {
      const at = order.sellerMemo.lastIndexOf(s);
      if (at >= 0 && (!best || at > best.at)) best = { at, code };
    }
  return best?.code ?? defaultCourier ?? '';
}

/** 颜色分类:黑色;尺码:M → colour 黑色, size M (鞋码 is a size too). */
export function colourAndSize(skuProperties: string): { colour: string; size: string } {
  let colour = '';
  let size = '';
  for (const part of skuProperties.split(';')) {
    const [name = '', value = ''] = part.split(':');
    if (/颜色|色/.test(name)) colour ||= value.trim();
    else if (/码|尺寸|规格/.test(name)) size ||= value.trim();
  }
  return { colour, size };
}
