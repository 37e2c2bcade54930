/**
 * Whether a message is still within its kind's validity (templates/metadata.ts MESSAGE_VALIDITY), checked by the
 * dispatcher right before sending, before anything else: a message past it is dropped, never sent late. Pure.
 */
import type { Order, TradeStatus } from '../../orders/index.js';
import { DAY, parseInstant, shanghaiDate, startOfShanghaiDay } from '../../shared/time.js';
import { MESSAGE_VALIDITY, type MessageKind } from '../templates/metadata.js';
import type { StateCheck } from './state-checks.js';

export interface ValidityFacts {
  now: number;
  /** The message's own end of validity, when it was given one at enqueue. */
  validUntil?: string;
  /** When it was queued: a message queued before `validUntil` existed is valid until the end of that day. */
  createdAt: string;
  /** Undefined when the message has no order or the order is unknown (the state check speaks to that). */
  order?: Order;
}

const OK: StateCheck = { ok: true };
const CLOSED: ReadonlySet<TradeStatus> = new Set(['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO']);

/** The first instant of the Shanghai day after the one `t` falls on. */
export const endOfShanghaiDay = (t: number): number => startOfShanghaiDay(shanghaiDate(t)) + DAY;

export function validityCheck(kind: MessageKind, f: ValidityFacts): StateCheck {
  switch (MESSAGE_VALIDITY[kind]) {
    case 'due-day': {
      const until = f.validUntil ? parseInstant(f.validUntil) : endOfShanghaiDay(parseInstant(f.createdAt));
      return f.now >= until ? { ok: false, reason: 'past_its_day' } : OK;
    }
    case 'awaiting-payment': {
      const o = f.order;
      if (!o) return OK;
      if (CLOSED.has(o.status)) return { ok: false, reason: 'order_closed' };
      if (o.status !== 'WAIT_BUYER_PAY') return { ok: false, reason: 'already_paid' };
      if (o.payDeadlineAt && parseInstant(o.payDeadlineAt) <= f.now) return { ok: false, reason: 'deadline_passed' };
      return OK;
    }
    default:
      return OK;
  }
}
