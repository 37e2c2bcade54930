/**
 * Greetings on the day: a message kind's validity (templates/metadata.ts MESSAGE_VALIDITY). A birthday greeting
 * not sent by the end of the birthday (Shanghai) is dropped and counted, not sent the next day; a payment reminder
 * for an order closed or paid since is dropped; within their validity both go out.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGE_REASON_LABELS, MESSAGE_STATE_LABELS } from '../../../src/messaging/index.js';
import { validityCheck } from '../../../src/messaging/policy/validity.js';
import { JOB_COUNT_LABELS } from '../../../src/operations/job-counts.js';
import { fixedOrder } from '../templates/fixtures.js';
import { BUYER, UNPAID_TID, world } from '../support/world.js';

describe('a birthday greeting is for the birthday', () => {
  it('when the daily cap holds the greeting back, then the dispatch of the day after drops it and counts it, it is not sent', async () => {
    const w = await world({ config: { perBuyerDailyCap: 1 }, now: '2026-11-23T10:00:00.000+08:00' });
    const s = w.module.service;
    await s.enqueue({
      kind: 'transfer-received',
      buyerNick: BUYER,
      reason: 'x',
      transfer: { amount: 100, reference: 'R1' },
    });
    expect(await s.dispatchDue()).toMatchObject({ outbox: 1 });
    const greeting = await s.enqueue({ kind: 'birthday', buyerNick: BUYER, reason: 'scheduler:birthday-greetings' });
    expect(greeting).toMatchObject({ queued: true, message: { validUntil: '2026-11-24T00:00:00.000+08:00' } });
    expect(await s.dispatchDue()).toMatchObject({ due: 1, deferred: 1, outbox: 0 });
    expect(s.list({ buyer: BUYER, state: ['queued'] })[0]).toMatchObject({
      kind: 'birthday',
      dueAt: '2026-11-24T08:00:00.000+08:00',
      stateReason: 'daily_cap',
    });

    w.clock.set('2026-11-24T08:00:00.000+08:00');
    expect(await s.dispatchDue()).toMatchObject({ due: 1, dropped: 1, outbox: 0, deferred: 0 });
    const detail = await s.get(greeting.queued ? greeting.message.id : '');
    expect(detail.message).toMatchObject({ state: 'dropped', stateReason: 'past_its_day', attempts: 0 });
    expect(detail.attempts.at(-1)).toMatchObject({ outcome: 'dropped', error: 'past_its_day' });
    // Dropped for good: a later run neither sends it nor counts it again.
    w.clock.set('2026-11-24T10:00:00.000+08:00');
    expect(await s.dispatchDue()).toMatchObject({ due: 0, dropped: 0, outbox: 0 });
    // What the console and the job counts show.
    expect(MESSAGE_STATE_LABELS.dropped).toBe('过期未发');
    expect(MESSAGE_REASON_LABELS.past_its_day).toBe('当天没有发出，已过期');
    expect(JOB_COUNT_LABELS['message-dispatch'].dropped).toBe('过期未发的消息');
  });

  it('when the quiet hours hold a greeting queued early on the birthday, then it goes out when they end the same day', async () => {
    const w = await world({ now: '2026-11-23T06:30:00.000+08:00' });
    const s = w.module.service;
    const greeting = await s.enqueue({ kind: 'birthday', buyerNick: BUYER, reason: 'x' });
    expect(greeting).toMatchObject({ queued: true, message: { dueAt: '2026-11-23T08:00:00.000+08:00' } });
    w.clock.set('2026-11-23T08:00:00.000+08:00');
    expect(await s.dispatchDue()).toMatchObject({ due: 1, outbox: 1, dropped: 0 });
  });
});

describe('a payment reminder is for an order waiting for payment', () => {
  it('when the order is closed before the reminder goes, then it is dropped as 订单已关闭', async () => {
    const w = await world();
    const s = w.module.service;
    const r = await s.enqueue({
      kind: 'payment-reminder-first',
      tid: UNPAID_TID,
      reason: 'x',
      dueAt: '2026-11-23T10:30:00.000+08:00',
    });
    await w.orders.upsertMany([
      fixedOrder({
        status: 'TRADE_CLOSED_BY_TAOBAO',
        endAt: '2026-11-23T10:20:00.000+08:00',
        modifiedAt: '2026-11-23T10:20:00.000+08:00',
      }),
    ]);
    w.clock.set('2026-11-23T10:30:00.000+08:00');
    expect(await s.dispatchDue()).toMatchObject({ due: 1, dropped: 1, outbox: 0 });
    expect((await s.get(r.queued ? r.message.id : '')).message).toMatchObject({
      state: 'dropped',
      stateReason: 'order_closed',
    });
    expect(MESSAGE_REASON_LABELS.order_closed).toBe('订单已关闭');
  });

  it('when the order still waits for payment at send time, then the reminder goes out', async () => {
    const w = await world();
    const s = w.module.service;
    await s.enqueue({
      kind: 'payment-reminder-last',
      tid: UNPAID_TID,
      reason: 'x',
      dueAt: '2026-11-23T10:30:00.000+08:00',
    });
    w.clock.set('2026-11-23T10:30:00.000+08:00');
    expect(await s.dispatchDue()).toMatchObject({ due: 1, outbox: 1, dropped: 0 });
  });
});

describe('validityCheck', () => {
  const at = (t: string) => Date.parse(t);
  it('ends a due-day message at the Shanghai midnight it names, or after the day it was queued when it names none', () => {
    const until = '2026-11-24T00:00:00.000+08:00';
    const createdAt = '2026-11-23T23:59:00.000+08:00';
    expect(
      validityCheck('birthday', { now: at('2026-11-23T23:59:59.999+08:00'), validUntil: until, createdAt }),
    ).toEqual({ ok: true });
    expect(validityCheck('birthday', { now: at(until), validUntil: until, createdAt })).toEqual({
      ok: false,
      reason: 'past_its_day',
    });
    // 16:00 UTC is midnight in Shanghai, whatever the host's zone.
    expect(validityCheck('birthday', { now: at('2026-11-23T16:00:00.000Z'), createdAt })).toEqual({
      ok: false,
      reason: 'past_its_day',
    });
    expect(validityCheck('logistics-shipped', { now: at('2027-01-01T00:00:00.000+08:00'), createdAt })).toEqual({
      ok: true,
    });
  });

  it('ends a payment reminder when the order is paid, closed or past its deadline', () => {
    const createdAt = '2026-11-23T10:00:00.000+08:00';
    const now = at('2026-11-23T12:00:00.000+08:00');
    const check = (over: Parameters<typeof fixedOrder>[0]) =>
      validityCheck('payment-reminder-first', { now, createdAt, order: fixedOrder(over) });
    expect(check({})).toEqual({ ok: true });
    expect(check({ status: 'WAIT_SELLER_SEND_GOODS' })).toEqual({ ok: false, reason: 'already_paid' });
    expect(check({ status: 'TRADE_CLOSED' })).toEqual({ ok: false, reason: 'order_closed' });
    expect(check({ payDeadlineAt: '2026-11-23T11:59:00.000+08:00' })).toEqual({ ok: false, reason: 'deadline_passed' });
  });
});
