/**
 * 催付: an unpaid order gets the first reminder 30 minutes after it was placed and the last one 2 hours
 * before the platform closes it. Never more than these two: an order already inside the last window
 * gets only the last one; paid or closed orders get none.
 */
import type { Job, JobSettings } from '../scheduler/index.js';
import type { MessageSink } from '../messaging/index.js';
import type { Order, TradeStatus } from '../orders/index.js';
import { MINUTE, parseInstant, toInstant, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';

export const PAYMENT_REMINDERS = 'payment-reminders';
const UNPAID: ReadonlySet<TradeStatus> = new Set(['WAIT_BUYER_PAY', 'TRADE_NO_CREATE_PAY']);

export interface ReminderRules {
  firstAfterMinutes: number;
  lastBeforeCloseMinutes: number;
}

interface Attempt {
  at: string;
  queued: boolean;
  reason: string | null;
}
export interface ReminderRecord {
  tid: string;
  first?: Attempt;
  last?: Attempt;
}

export type ReminderStep = 'first' | 'last';

export function dueReminder(
  order: Pick<Order, 'status' | 'createdAt' | 'payDeadlineAt'>,
  sent: ReminderRecord | undefined,
  now: number,
  rules: ReminderRules,
): ReminderStep | null {
  if (!UNPAID.has(order.status)) return null;
  const deadline = order.payDeadlineAt ? parseInstant(order.payDeadlineAt) : null;
  if (deadline !== null) {
    if (now >= deadline) return null;
    if (now >= deadline - rules.lastBeforeCloseMinutes * MINUTE) return sent?.last ? null : 'last';
  }
  if (now >= parseInstant(order.createdAt) + rules.firstAfterMinutes * MINUTE)
    return sent?.first || sent?.last ? null : 'first';
  return null;
}

export async function sendPaymentReminders(
  deps: { orders: { all(): Iterable<Order> }; sink: Pick<MessageSink, 'enqueue'>; store: Store; clock: Clock },
  rules: ReminderRules,
): Promise<{ first: number; last: number; refused: number; needsValues: number }> {
  const now = deps.clock.now();
  // needsValues: kept for a person to fill (messaging's needs_values), neither sent nor refused.
  const counts = { first: 0, last: 0, refused: 0, needsValues: 0 };
  const due: { order: Order; step: ReminderStep; sent?: ReminderRecord }[] = [];
  for (const order of deps.orders.all()) {
    if (!UNPAID.has(order.status)) continue;
    const sent = deps.store.get<ReminderRecord>(PAYMENT_REMINDERS, order.tid);
    const step = dueReminder(order, sent, now, rules);
    if (step) due.push({ order, step, sent });
  }
  for (const { order, step, sent } of due) {
    const answer = await deps.sink.enqueue({
      kind: step === 'first' ? 'payment-reminder-first' : 'payment-reminder-last',
      tid: order.tid,
      buyerNick: order.buyerNick,
      reason:
        step === 'first'
          ? `催付：下单${rules.firstAfterMinutes}分钟未付款`
          : `催付：距关闭${rules.lastBeforeCloseMinutes / 60}小时`,
    });
    const attempt: Attempt = { at: toInstant(now), queued: answer.queued, reason: answer.reason ?? null };
    await deps.store.transact((tx) =>
      tx.put<ReminderRecord>(PAYMENT_REMINDERS, order.tid, { ...(sent ?? { tid: order.tid }), [step]: attempt }),
    );
    if (answer.queued) counts[step]++;
    else if (answer.reason === 'needs_values') counts.needsValues++;
    else counts.refused++;
  }
  return counts;
}

export function paymentRemindersJob(
  deps: { orders: { all(): Iterable<Order> }; sink: Pick<MessageSink, 'enqueue'>; store: Store; clock: Clock },
  settings: JobSettings & { rules: ReminderRules },
): Job {
  return {
    name: 'payment-reminders',
    schedule: settings.schedule,
    description: 'payment reminders: 30 min after placing, 2 h before closing',
    run: () => sendPaymentReminders(deps, settings.rules),
  };
}
