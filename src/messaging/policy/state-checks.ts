/**
 * Whether a message still makes sense, checked when it is queued and again right before it is
 * sent: an order paid a minute ago gets no payment reminder, a parcel delivered since gets no
 * "stuck" notice. One small rule per kind; kinds without a rule always pass.
 */
import type { Parcel } from '../../logistics/index.js';
import type { Order, TradeStatus } from '../../orders/index.js';
import { parseInstant } from '../../shared/time.js';
import type { MessageKind } from '../templates/metadata.js';

export type StateCheck = { ok: true } | { ok: false; reason: string };

export interface StateFacts {
  /** Undefined when the message has no order, or the order is not (or no longer) known. */
  order?: Order;
  hasTid: boolean;
  parcels: readonly Parcel[];
  now: number;
}

const OK: StateCheck = { ok: true };
const no = (reason: string): StateCheck => ({ ok: false, reason });
const CLOSED: ReadonlySet<TradeStatus> = new Set(['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO']);
const signed = (parcels: readonly Parcel[]) => parcels.some((p) => p.state === 'signed');

function unpaid(f: StateFacts): StateCheck {
  const o = f.order!;
  if (CLOSED.has(o.status)) return no('order_closed');
  if (o.status !== 'WAIT_BUYER_PAY') return no('already_paid');
  return OK;
}

const RULES: Partial<Record<MessageKind, (f: StateFacts) => StateCheck>> = {
  'payment-reminder-first': unpaid,
  'payment-reminder-last': (f) => {
    const r = unpaid(f);
    if (!r.ok) return r;
    const deadline = f.order!.payDeadlineAt;
    return deadline && parseInstant(deadline) <= f.now ? no('deadline_passed') : OK;
  },
  'logistics-shipped': (f) => {
    if (CLOSED.has(f.order!.status)) return no('order_closed');
    return signed(f.parcels) ? no('delivered_since') : OK;
  },
  'logistics-stuck': (f) => {
    if (signed(f.parcels)) return no('delivered_since');
    if (f.parcels.length > 0 && f.parcels.every((p) => p.final)) return no('parcel_final');
    return OK;
  },
  'logistics-delivered': (f) => (signed(f.parcels) ? OK : no('not_delivered')),
  // A parcel the buyer got after all (the courier turned it round) needs no question about it.
  'logistics-returning': (f) => (signed(f.parcels) ? no('delivered_since') : OK),
  'logistics-refused': (f) => (signed(f.parcels) ? no('delivered_since') : OK),
};

export function checkState(kind: MessageKind, facts: StateFacts): StateCheck {
  if (facts.hasTid && !facts.order) return no('order_not_found');
  const rule = RULES[kind];
  if (!rule || !facts.order) return OK;
  return rule(facts);
}
