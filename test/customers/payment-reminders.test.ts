import { describe, expect, it } from 'vitest';
import { dueReminder, sendPaymentReminders, type ReminderRecord } from '../../src/customers/payment-reminders.js';
import type { MessageRequest } from '../../src/messaging/message-sink.js';
import type { Order, TradeStatus } from '../../src/orders/order.js';
import { fixedClock, MINUTE, parseInstant } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';

const RULES = { firstAfterMinutes: 30, lastBeforeCloseMinutes: 120 };
const PLACED = '2026-11-23T10:00:00+08:00';
const CLOSES = '2026-11-24T10:00:00+08:00';
const at = (t: string) => parseInstant(t);
const order = (
  tid: string,
  status: TradeStatus = 'WAIT_BUYER_PAY',
  payDeadlineAt: string | null = CLOSES,
  createdAt = PLACED,
) => ({ tid, status, buyerNick: `buyer-${tid}`, createdAt, payDeadlineAt }) as Order;

describe('payment reminders', () => {
  it('when an unpaid order is 29 minutes old, then nothing; at 30 minutes, the first reminder', () => {
    expect(dueReminder(order('1'), undefined, at(PLACED) + 29 * MINUTE, RULES)).toBeNull();
    expect(dueReminder(order('1'), undefined, at(PLACED) + 30 * MINUTE, RULES)).toBe('first');
  });

  it('when the first was sent, then nothing until 2 hours before closing, then the last, then never again', () => {
    const sent: ReminderRecord = { tid: '1', first: { at: PLACED, queued: true, reason: null } };
    expect(dueReminder(order('1'), sent, at(CLOSES) - 121 * MINUTE, RULES)).toBeNull();
    expect(dueReminder(order('1'), sent, at(CLOSES) - 120 * MINUTE, RULES)).toBe('last');
    const both = { ...sent, last: { at: CLOSES, queued: true, reason: null } };
    expect(dueReminder(order('1'), both, at(CLOSES) - 60 * MINUTE, RULES)).toBeNull();
  });

  it('when the order is paid, closed or past its deadline, then no reminder', () => {
    const late = at(PLACED) + 60 * MINUTE;
    for (const s of ['WAIT_SELLER_SEND_GOODS', 'TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO', 'TRADE_FINISHED'] as const)
      expect(dueReminder(order('1', s), undefined, late, RULES)).toBeNull();
    expect(dueReminder(order('1'), undefined, at(CLOSES), RULES)).toBeNull();
  });

  it('when an order is already inside the last window unreminded, then it gets only the last reminder', () => {
    const short = order('2', 'WAIT_BUYER_PAY', '2026-11-23T11:30:00+08:00');
    expect(dueReminder(short, undefined, at(PLACED) + 40 * MINUTE, RULES)).toBe('last');
    expect(
      dueReminder(
        short,
        { tid: '2', last: { at: PLACED, queued: true, reason: null } },
        at(PLACED) + 50 * MINUTE,
        RULES,
      ),
    ).toBeNull();
  });

  it('when the job runs every 10 minutes through a day, then each unpaid order gets at most its two reminders', async () => {
    const sent: MessageRequest[] = [];
    const sink = {
      enqueue: async (r: MessageRequest) => {
        sent.push(r);
        return { queued: true };
      },
    };
    const orders = [order('1'), order('2', 'WAIT_SELLER_SEND_GOODS'), order('3', 'WAIT_BUYER_PAY', null)];
    const clock = fixedClock(PLACED);
    const deps = { orders: { all: () => orders }, sink, store: createMemoryStore(), clock };
    while (clock.now() <= at(CLOSES) + 30 * MINUTE) {
      await sendPaymentReminders(deps, RULES);
      clock.advance(10 * MINUTE);
    }
    expect(sent.map((r) => [r.tid, r.kind])).toEqual([
      ['1', 'payment-reminder-first'],
      ['3', 'payment-reminder-first'],
      ['1', 'payment-reminder-last'],
    ]);
  });
});
