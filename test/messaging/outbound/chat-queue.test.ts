/**
 * No number to text is never a lost or a silently failed message: the SMS goes to the chat queue (state outbox, the
 * reason kept) for a person to send in 旺旺 and mark, once. Against the old code these went out to 138****5678.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_REASON_LABELS } from '../../../src/messaging/index.js';
import { MINUTE } from '../../../src/shared/time.js';
import { fakeSms, smsFixture } from '../channels/sms-support.js';
import { buyerOrder, sentTo, SMS_CONFIG } from '../support/sms-shop.js';
import { UNPAID_MOBILE, UNPAID_OAID, UNPAID_TID, unpaidOrder, world } from '../support/world.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const reminder = { kind: 'payment-reminder-first' as const, tid: UNPAID_TID, reason: 'scheduler:payment-reminder' };

async function smsWorld() {
  const w = await world({ config: SMS_CONFIG });
  const sms = fakeSms(() => smsFixture('send-ok.json'));
  return { w, s: w.module.service, sms };
}

describe('a message with no number to text goes to the chat queue', () => {
  it('when the day decrypt quota is spent, then the reminder waits in the chat queue with the reason; later ones that day ask the platform no more', async () => {
    const { w, s, sms } = await smsWorld();
    const more = [buyerOrder(1), buyerOrder(2)];
    await w.orders.upsertMany(more.map((b) => b.order));
    w.platform.quota = 0;
    await s.enqueue(reminder);
    for (const b of more) await s.enqueue({ ...reminder, tid: b.order.tid });

    expect(await s.dispatchDue()).toMatchObject({ due: 3, outbox: 3, sent: 0, failed: 0 });
    expect(sms.requests).toEqual([]);
    expect(w.platform.calls).toHaveLength(1);
    const [m] = s.list({ tid: UNPAID_TID });
    expect(m).toMatchObject({
      state: 'outbox',
      stateReason: 'decrypt_quota',
      channel: 'aliyun-sms',
      to: '138****5678',
    });
    expect(MESSAGE_REASON_LABELS['decrypt_quota']).toContain('旺旺');
    const attempts = (await s.get(m!.id)).attempts;
    expect(attempts).toMatchObject([{ outcome: 'outbox', channel: 'outbox' }]);
    expect(attempts[0]!.error).toContain('decrypt_quota');

    // The same day, a new message does not spend a call on a quota known to be spent.
    w.clock.advance(30 * MINUTE);
    await s.enqueue({ ...reminder, kind: 'payment-reminder-last' });
    await s.dispatchDue();
    expect(w.platform.calls).toHaveLength(1);
  });

  it('when the order has no oaid, then no decrypt is asked and the message waits in the chat queue as no_oaid', async () => {
    const { w, s, sms } = await smsWorld();
    const plain = unpaidOrder();
    await w.orders.upsertMany([
      { ...plain, modifiedAt: '2026-11-23T09:00:00.000+08:00', receiver: { ...plain.receiver, oaid: undefined } },
    ]);
    await s.enqueue(reminder);
    expect(await s.dispatchDue()).toMatchObject({ outbox: 1 });
    expect(w.platform.calls).toEqual([]);
    expect(sms.requests).toEqual([]);
    expect(s.list({ tid: UNPAID_TID })[0]).toMatchObject({ state: 'outbox', stateReason: 'no_oaid' });
  });

  it('when the platform answers matched=false or no mobile, then only that buyer goes to the chat queue; the others get their SMS', async () => {
    const { w, s, sms } = await smsWorld();
    const [a, b] = [buyerOrder(1), buyerOrder(2)];
    await w.orders.upsertMany([a.order, b.order]);
    w.platform.plain.set(a.oaid, { mobile: a.mobile });
    w.platform.plain.set(b.oaid, { mobile: '' });
    w.platform.unmatched.add(UNPAID_OAID);
    for (const tid of [UNPAID_TID, a.order.tid, b.order.tid]) await s.enqueue({ ...reminder, tid });
    expect(await s.dispatchDue()).toMatchObject({ sent: 1, outbox: 2 });
    expect(w.platform.calls).toHaveLength(1);
    expect(sentTo(sms)).toEqual([a.mobile]);
    expect(s.list({ tid: UNPAID_TID })[0]).toMatchObject({ state: 'outbox', stateReason: 'no_phone' });
    expect(s.list({ tid: b.order.tid })[0]).toMatchObject({ state: 'outbox', stateReason: 'no_phone' });
  });

  it('when the buyer lives abroad (+65 …), then the domestic SMS is not tried and it waits in the chat queue; +86 is texted', async () => {
    const { w, s, sms } = await smsWorld();
    const [a] = [buyerOrder(1)];
    await w.orders.upsertMany([a.order]);
    w.platform.plain.set(UNPAID_OAID, { mobile: '+65 95813559' });
    w.platform.plain.set(a.oaid, { mobile: `+86 ${a.mobile}` });
    for (const tid of [UNPAID_TID, a.order.tid]) await s.enqueue({ ...reminder, tid });
    expect(await s.dispatchDue()).toMatchObject({ sent: 1, outbox: 1 });
    expect(sentTo(sms)).toEqual([a.mobile]);
    expect(s.list({ tid: UNPAID_TID })[0]).toMatchObject({ state: 'outbox', stateReason: 'overseas_number' });
  });

  it('when the platform refuses the scene, then the message goes to the chat queue after one call, not one per buyer', async () => {
    const { w, s, sms } = await smsWorld();
    const more = [buyerOrder(1), buyerOrder(2), buyerOrder(3)];
    await w.orders.upsertMany(more.map((b) => b.order));
    w.platform.refusedScenes.add('2002');
    for (const tid of [UNPAID_TID, ...more.map((b) => b.order.tid)]) await s.enqueue({ ...reminder, tid });
    expect(await s.dispatchDue()).toMatchObject({ outbox: 4 });
    expect(w.platform.calls).toHaveLength(1);
    expect(sms.requests).toEqual([]);
    expect(s.list({ state: ['outbox'] }).map((m) => m.stateReason)).toEqual(Array(4).fill('scene_refused'));
  });

  it('when the platform does not answer, then the message is tried again later and sent; out of tries it goes to the chat queue, never failed', async () => {
    const { w, s, sms } = await smsWorld();
    w.platform.failNext = 1;
    await s.enqueue(reminder);
    expect(await s.dispatchDue()).toMatchObject({ retrying: 1, sent: 0 });
    expect(s.list({ tid: UNPAID_TID })[0]).toMatchObject({
      state: 'queued',
      stateReason: 'decrypt_error',
      attempts: 1,
    });
    w.clock.advance(5 * MINUTE);
    expect(await s.dispatchDue()).toMatchObject({ sent: 1 });
    expect(sentTo(sms)).toEqual([UNPAID_MOBILE]);

    const other = await world({ config: { ...SMS_CONFIG, maxAttempts: 2 } });
    other.platform.failNext = 5;
    await other.module.service.enqueue(reminder);
    await other.module.service.dispatchDue();
    other.clock.advance(5 * MINUTE);
    expect(await other.module.service.dispatchDue()).toMatchObject({ outbox: 1, failed: 0 });
    expect(other.module.service.list({})[0]).toMatchObject({ state: 'outbox', stateReason: 'decrypt_failed' });
  });
});

describe('sending it in 旺旺', () => {
  it('when two people mark it sent at once, then it is sent once, by the first, recorded once, and no SMS follows', async () => {
    const { w, s, sms } = await smsWorld();
    w.platform.quota = 0;
    await s.enqueue(reminder);
    await s.dispatchDue();
    const [m] = s.list({ tid: UNPAID_TID });
    const [first, second] = await Promise.all([
      s.markSent(m!.id, { username: 'xiaoli', displayName: '小丽' }),
      s.markSent(m!.id, { username: 'azhang', displayName: '阿张' }),
    ]);
    expect(first).toMatchObject({ state: 'sent', sentBy: 'xiaoli' });
    expect(second).toMatchObject({ state: 'sent', sentBy: 'xiaoli' });
    const attempts = (await s.get(m!.id)).attempts.map((a) => [a.outcome, a.error]);
    expect(attempts).toEqual([
      ['outbox', expect.stringContaining('decrypt_quota')],
      ['sent', 'marked by xiaoli'],
    ]);
    w.platform.quota = Infinity;
    w.clock.advance(24 * 60 * MINUTE);
    expect(await s.dispatchDue()).toMatchObject({ due: 0 });
    expect(sms.requests).toEqual([]);
  });

  it('when the buyer opts out while it waits in the chat queue, then it is cancelled like any waiting message', async () => {
    const { w, s } = await smsWorld();
    w.platform.quota = 0;
    await s.enqueue(reminder);
    await s.dispatchDue();
    expect(await s.optOut('tb_lily2024', 'buyer-reply')).toMatchObject({ cancelled: 1 });
    expect(s.list({ tid: UNPAID_TID })[0]).toMatchObject({ state: 'cancelled', stateReason: 'opted_out' });
  });
});
