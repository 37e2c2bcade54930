/** Queuing and dispatching buyer messages through the policy, over the outbox channel (the sandbox default). */
import { describe, expect, it } from 'vitest';
import { toInstant } from '../../../src/shared/time.js';
import { fixedOrder } from '../templates/fixtures.js';
import { BUYER, NOW, SHIPPED_BUYER, SHIPPED_TID, tracking, UNPAID_TID, world } from '../support/world.js';

const staff = { username: 'xiaoli', displayName: '小丽' };
const REMINDER_TEXT =
  '亲，您好！您在拾光衣橱拍下的纯棉短袖T恤等3件商品还没有付款哦。宝贝已经帮您留好了，方便的时候完成付款，我们会尽快为您发货~';

describe('queuing a buyer message', () => {
  it('when a payment reminder is queued in the day, then it is rendered from the order and the dispatch puts it in the outbox once', async () => {
    const w = await world();
    const s = w.module.service;
    const result = await s.enqueue({
      kind: 'payment-reminder-first',
      tid: UNPAID_TID,
      reason: 'scheduler:payment-reminder',
    });
    expect(result).toMatchObject({
      queued: true,
      window: 'normal',
      message: {
        state: 'queued',
        channel: 'outbox',
        buyerNick: BUYER,
        text: REMINDER_TEXT,
        dueAt: NOW,
        createdBy: 'system',
      },
    });
    expect(await s.dispatchDue()).toMatchObject({ due: 1, outbox: 1 });
    expect(await s.dispatchDue()).toMatchObject({ due: 0, outbox: 0 });
    const [m] = s.list({ tid: UNPAID_TID });
    expect(m).toMatchObject({ state: 'outbox', attempts: 1, deliveredAt: NOW });
  });

  it('when the same reminder is queued again for the order, then the second is refused as a duplicate and the first is returned', async () => {
    const w = await world();
    const first = await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'a' });
    const again = await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'b' });
    expect(again).toMatchObject({
      queued: false,
      reason: 'duplicate',
      message: { id: first.queued ? first.message.id : '' },
    });
    // First and last reminders are separate kinds: both may be sent for one order.
    expect(
      await w.module.service.enqueue({ kind: 'payment-reminder-last', tid: UNPAID_TID, reason: 'c' }),
    ).toMatchObject({ queued: true });
  });

  it('when the order is already paid, then a payment reminder is refused with the state that changed', async () => {
    const w = await world();
    await w.orders.upsertMany([
      fixedOrder({ status: 'WAIT_SELLER_SEND_GOODS', paidAt: NOW, modifiedAt: '2026-11-23T10:00:01.000+08:00' }),
    ]);
    expect(await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' })).toEqual({
      queued: false,
      reason: 'state_changed',
      detail: 'already_paid',
    });
  });

  it('when the buyer opted out, then nothing more is queued for them, and what was waiting is cancelled', async () => {
    const w = await world();
    const s = w.module.service;
    await s.enqueue({
      kind: 'payment-reminder-first',
      tid: UNPAID_TID,
      reason: 'x',
      dueAt: '2026-11-23T15:00:00.000+08:00',
    });
    expect(await s.optOut(BUYER, staff)).toMatchObject({
      optOut: { nick: BUYER, by: 'xiaoli', source: 'staff' },
      cancelled: 1,
    });
    expect(s.list({ buyer: BUYER })[0]).toMatchObject({ state: 'cancelled', stateReason: 'opted_out' });
    expect(await s.enqueue({ kind: 'payment-reminder-last', tid: UNPAID_TID, reason: 'x' })).toEqual({
      queued: false,
      reason: 'opted_out',
    });
  });

  it('when the buyer replies TD, then they are opted out; any other reply changes nothing', async () => {
    const w = await world();
    expect(await w.module.service.buyerReplied(BUYER, '好的谢谢')).toEqual({ optedOut: false });
    expect(w.module.service.isOptedOut(BUYER)).toBe(false);
    expect(await w.module.service.buyerReplied(BUYER, 'TD')).toEqual({ optedOut: true });
    expect(w.module.service.isOptedOut(BUYER)).toBe(true);
  });

  it('when a review repair has no resolution yet, then it is refused listing the prompt; with one it is queued for 20:00', async () => {
    const w = await world({ now: '2026-11-23T10:00:00.000+08:00' });
    await w.orders.upsertMany([
      fixedOrder({ status: 'TRADE_FINISHED', paidAt: NOW, modifiedAt: '2026-11-23T10:00:02.000+08:00' }),
    ]);
    const s = w.module.service;
    expect(await s.enqueue({ kind: 'review-repair', tid: UNPAID_TID, reason: 'x', user: staff })).toEqual({
      queued: false,
      reason: 'missing_values',
      missing: [{ name: 'resolution', label: '解决办法' }],
    });
    const r = await s.enqueue({
      kind: 'review-repair',
      tid: UNPAID_TID,
      reason: 'x',
      user: staff,
      values: { resolution: '给您免费补发一份' },
    });
    expect(r).toMatchObject({
      queued: true,
      window: 'review-repair',
      message: { dueAt: '2026-11-23T20:00:00.000+08:00', stateReason: 'outside_window', createdBy: 'xiaoli' },
    });
    expect(r.queued && r.message.text).toContain('我是拾光衣橱的客服小丽');
  });

  it('when a tid is missing for an order kind, or the order is unknown, then it is a bad request or a refusal', async () => {
    const w = await world();
    await expect(
      w.module.service.enqueue({ kind: 'logistics-stuck', buyerNick: BUYER, reason: 'x' }),
    ).rejects.toMatchObject({ field: 'tid' });
    expect(await w.module.service.enqueue({ kind: 'logistics-stuck', tid: '999', reason: 'x' })).toMatchObject({
      queued: false,
      reason: 'order_not_found',
    });
  });
});

describe('dispatching through the policy', () => {
  it('when a message is queued at 21:30, then it is held until 09:00 and goes out then, not before', async () => {
    const w = await world({ now: '2026-11-23T21:30:00.000+08:00' });
    // A deadline after the morning: a reminder that would arrive after it is dropped (validity.test.ts).
    await w.orders.upsertMany([
      fixedOrder({ payDeadlineAt: '2026-11-25T21:00:00.000+08:00', modifiedAt: '2026-11-23T21:00:00.000+08:00' }),
    ]);
    const s = w.module.service;
    const r = await s.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    expect(r).toMatchObject({
      queued: true,
      message: { dueAt: '2026-11-24T09:00:00.000+08:00', stateReason: 'quiet_hours' },
    });
    w.clock.set('2026-11-24T08:59:00.000+08:00');
    expect(await s.dispatchDue()).toMatchObject({ due: 0 });
    w.clock.set('2026-11-24T09:00:00.000+08:00');
    expect(await s.dispatchDue()).toMatchObject({ due: 1, outbox: 1 });
  });

  it('when the order is paid between queuing and sending, then the reminder is dropped at send time and the attempt is logged', async () => {
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
        status: 'WAIT_SELLER_SEND_GOODS',
        paidAt: '2026-11-23T10:29:00.000+08:00',
        modifiedAt: '2026-11-23T10:29:00.000+08:00',
      }),
    ]);
    w.clock.set('2026-11-23T10:30:00.000+08:00');
    expect(await s.dispatchDue()).toMatchObject({ due: 1, dropped: 1, cancelled: 0, outbox: 0 });
    const detail = await s.get(r.queued ? r.message.id : '');
    expect(detail.message).toMatchObject({ state: 'dropped', stateReason: 'already_paid', attempts: 0 });
    expect(detail.attempts).toEqual([
      expect.objectContaining({ outcome: 'dropped', error: 'already_paid', channel: 'outbox' }),
    ]);
  });

  it('when the parcel is delivered between queuing and sending, then the stuck notice is cancelled', async () => {
    const w = await world();
    const s = w.module.service;
    await s.enqueue({ kind: 'logistics-stuck', tid: SHIPPED_TID, reason: 'x', dueAt: '2026-11-23T11:00:00.000+08:00' });
    await w.parcels.save(SHIPPED_TID, tracking('signed', { checkedAt: '2026-11-23T10:40:00.000+08:00' }), NOW);
    w.clock.set('2026-11-23T11:00:00.000+08:00');
    expect(await s.dispatchDue()).toMatchObject({ cancelled: 1 });
    expect(s.list({ buyer: SHIPPED_BUYER })[0]).toMatchObject({ state: 'cancelled', stateReason: 'delivered_since' });
  });

  it('when a buyer already had the daily cap, then the next message waits until the next morning', async () => {
    const w = await world({ config: { perBuyerDailyCap: 2 } });
    const s = w.module.service;
    await s.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    await s.enqueue({ kind: 'birthday', buyerNick: BUYER, reason: 'x' });
    await s.enqueue({
      kind: 'transfer-received',
      buyerNick: BUYER,
      reason: 'x',
      transfer: { amount: 12880, reference: 'XE7731' },
    });
    expect(await s.dispatchDue()).toMatchObject({ due: 3, outbox: 2, deferred: 1 });
    const waiting = s.list({ buyer: BUYER, state: ['queued'] });
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ dueAt: '2026-11-24T09:00:00.000+08:00', stateReason: 'daily_cap' });
    w.clock.set('2026-11-24T09:00:00.000+08:00');
    expect(await s.dispatchDue()).toMatchObject({ outbox: 1 });
  });

  it('when the buyer opts out while a message waits for the morning, then it never goes', async () => {
    const w = await world({ now: '2026-11-23T22:00:00.000+08:00' });
    const s = w.module.service;
    await s.enqueue({ kind: 'logistics-shipped', tid: SHIPPED_TID, reason: 'x' });
    await s.buyerReplied(SHIPPED_BUYER, '退订');
    w.clock.set('2026-11-24T09:00:00.000+08:00');
    expect(await s.dispatchDue()).toMatchObject({ due: 0, outbox: 0 });
    expect(s.list({ buyer: SHIPPED_BUYER })[0]).toMatchObject({ state: 'cancelled', stateReason: 'opted_out' });
  });
});

describe('staff marks and notices', () => {
  it('when staff mark an outbox message sent, then it is sent by them; marking again is harmless; a queued one cannot be marked', async () => {
    const w = await world();
    const s = w.module.service;
    const r = await s.enqueueAndSend({ kind: 'logistics-shipped', tid: SHIPPED_TID, reason: 'x', user: staff });
    expect(r).toMatchObject({ queued: true, message: { state: 'outbox' } });
    const id = r.queued ? r.message.id : '';
    expect(await s.markSent(id, staff)).toMatchObject({ state: 'sent', sentBy: 'xiaoli', sentAt: NOW });
    expect(await s.markSent(id, staff)).toMatchObject({ state: 'sent' });
    const later = await s.enqueue({
      kind: 'payment-reminder-first',
      tid: UNPAID_TID,
      reason: 'x',
      dueAt: '2026-11-23T18:00:00.000+08:00',
    });
    await expect(s.markSent(later.queued ? later.message.id : '', staff)).rejects.toMatchObject({
      code: 'not_markable',
    });
  });

  it('when a notice is sent in the sandbox, then it lands in the outbox as a staff message, outside the buyer policy', async () => {
    const w = await world({ now: '2026-11-23T23:30:00.000+08:00' });
    const m = await w.module.service.notifyStaff({
      title: '交接班报告',
      text: '### 夜班\n- 待处理 2 单',
      reason: 'handover-report',
    });
    expect(m).toMatchObject({
      audience: 'staff',
      kind: 'staff-notice',
      channel: 'outbox',
      state: 'outbox',
      title: '交接班报告',
      deliveredAt: toInstant(w.clock.now()),
    });
    expect(w.module.service.list({ audience: 'staff' })).toHaveLength(1);
  });
});
