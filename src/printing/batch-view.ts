/** What a person sees of one order in a batch: its lines for the warehouse, where it stands, what to check. */
import type { Order } from '../orders/index.js';
import type { OrderRemarkFacts } from '../remarks/index.js';
import { awaitingShipment, colourAndSize, courierOf, holdsOf, lineRefunded, receiverChanged } from './batch-rules.js';
import type { BatchEntry } from './batch-repository.js';
import type { EntryState, HoldReason, Warning } from './print-labels.js';

export interface LineView {
  /** 货号 */
  outerIid: string;
  title: string;
  colour: string;
  size: string;
  num: number;
}

export interface EntryView {
  tid: string;
  buyerNick: string;
  paidAt: string | null;
  /** kuaidi100 code, '' when neither the memo nor the shop names one. */
  courier: string;
  state: EntryState;
  holds: HoldReason[];
  warnings: Warning[];
  /** false: not stored yet, it would enter the batch now (the next batch, before its time). */
  inBatch: boolean;
  lines: LineView[];
  sellerMemo: string;
  buyerMessage: string;
}

/** Lines whose money went back are not packed. */
const lines = (o: Order): LineView[] =>
  o.items
    .filter((i) => !lineRefunded(i))
    .map((i) => ({ outerIid: i.outerIid, title: i.title, ...colourAndSize(i.skuProperties), num: i.num }));

export function entryView(
  tid: string,
  order: Order | undefined,
  entry: BatchEntry | null,
  deps: { facts: OrderRemarkFacts; defaultCourier: string | null; pending?: (tid: string) => boolean },
): EntryView {
  if (!order)
    return {
      ...{ tid, buyerNick: '', paidAt: null, courier: '', state: 'gone', holds: [], warnings: [] },
      ...{ inBatch: entry !== null, lines: [], sellerMemo: '', buyerMessage: '' },
    };
  const holds = holdsOf(order, deps.facts.kinds(order));
  if (deps.pending?.(tid)) holds.push('details_pending');
  const state: EntryState = !awaitingShipment(order)
    ? 'gone'
    : deps.facts.printed(order)
      ? 'printed'
      : holds.length
        ? 'held'
        : 'to_print';
  const warnings: Warning[] =
    entry && receiverChanged(entry, order.receiver) && state !== 'gone' ? ['address_changed'] : [];
  return {
    tid,
    buyerNick: order.buyerNick,
    paidAt: order.paidAt,
    courier: courierOf(order, deps.defaultCourier),
    state,
    holds,
    warnings,
    inBatch: entry !== null,
    lines: lines(order),
    sellerMemo: order.sellerMemo,
    buyerMessage: order.buyerMessage,
  };
}

export interface CourierGroup {
  courier: string;
  orders: EntryView[];
}

/** By courier, the largest group first (the warehouse hands each courier its pile), then by courier code. */
export function byCourier(entries: readonly EntryView[]): CourierGroup[] {
  const groups = new Map<string, EntryView[]>();
  for (const e of entries) {
    const group = groups.get(e.courier);
    if (group) group.push(e);
    else groups.set(e.courier, [e]);
  }
  return [...groups]
    .map(([courier, orders]) => ({ courier, orders }))
    .sort((a, b) => b.orders.length - a.orders.length || a.courier.localeCompare(b.courier));
}

export function countStates(entries: readonly EntryView[]) {
  const counts: Record<EntryState, number> & { warnings: number } = {
    to_print: 0,
    printed: 0,
    held: 0,
    gone: 0,
    warnings: 0,
  };
  for (const e of entries) {
    counts[e.state]++;
    if (e.warnings.length) counts.warnings++;
  }
  return counts;
}
