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
 * Whether the receiver on the order already shows what an address.change remark says: the memo records the
 * change, the label prints from the order, so until the order carries it the label would go to the old address.
 * A phone typed masked (138****1234) matches on its visible digits.
 */
export function changeApplied(receiver: Receiver, fields: Record<string, unknown>): boolean {
  const value = squash(String(fields.value ?? ''));
  if (!value) return true;
  switch (fields.field) {
    case 'receiver':
      return squash(receiver.name) === value;
    case 'phone': {
      const pattern = new RegExp(`^${value.replace(/[^\d*]/g, '').replace(/\*+/g, '\\d+')}$`);
      return [receiver.mobile, receiver.phone].some((p) => pattern.test(p.replace(/\D/g, '')));
    }
    default: {
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

/** A short hash of everything on the label's address side: a change after the order entered the batch shows. */
export function addressFingerprint(r: Receiver): string {
  const text = [r.name, r.mobile, r.phone, r.state, r.city, r.district, r.town, r.address, r.zip, r.country].join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
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
