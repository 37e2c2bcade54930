/**
 * The SMS channel gets the buyer's real number at send time: the store keeps the masked receiver and its oaid, the
 * dispatcher decrypts (one call per 20 messages of a scene, the scene by message kind) and hands the number to the
 * channel. Against the old code these messages went to 138****5678.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INTERACTIVE_PATIENCE_MS } from '../../../src/platform/index.js';
import { fakeSms, smsFixture } from '../channels/sms-support.js';
import { buyerOrder, sentTo, SMS_CONFIG } from '../support/sms-shop.js';
import { BUYER, UNPAID_MOBILE, UNPAID_OAID, UNPAID_TID, world } from '../support/world.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('the SMS channel gets the real number at send time', () => {
  it('when a payment reminder is sent by SMS, then Aliyun gets the 11-digit number decrypted under scene 2002, and the message keeps it masked', async () => {
    const w = await world({ config: SMS_CONFIG });
    const sms = fakeSms(() => smsFixture('send-ok.json'));
    const r = await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    expect(r).toMatchObject({ queued: true, message: { channel: 'aliyun-sms', to: '138****5678' } });
    expect(w.orders.get(UNPAID_TID)!.receiver.mobile).toBe('138****5678');

    expect(await w.module.service.dispatchDue()).toMatchObject({ due: 1, sent: 1 });
    expect(sentTo(sms)).toEqual([UNPAID_MOBILE]);
    expect(w.platform.calls).toEqual([{ items: [{ tid: UNPAID_TID, oaid: UNPAID_OAID }], scene: '2002' }]);
    const [m] = w.module.service.list({ tid: UNPAID_TID });
    expect(m).toMatchObject({ state: 'sent', to: '138****5678' });
    expect(JSON.stringify(m)).not.toContain(UNPAID_MOBILE);
  });

  it('when a transfer notice (after-sales, no order) is sent, then the buyer newest order with an oaid is decrypted under scene 2001', async () => {
    const w = await world({ config: SMS_CONFIG });
    const sms = fakeSms(() => smsFixture('send-ok.json'));
    await w.module.service.enqueue({
      kind: 'transfer-received',
      buyerNick: BUYER,
      reason: 'x',
      transfer: { amount: 12880, reference: 'XE7731' },
    });
    expect(await w.module.service.dispatchDue()).toMatchObject({ sent: 1 });
    expect(w.platform.calls).toEqual([{ items: [{ tid: UNPAID_TID, oaid: UNPAID_OAID }], scene: '2001' }]);
    expect(sentTo(sms)).toEqual([UNPAID_MOBILE]);
  });

  it('when 45 reminders are due, then 3 decrypt calls (20, 20, 5) give every buyer their own number, each sent once', async () => {
    const w = await world({ config: SMS_CONFIG });
    const buyers = Array.from({ length: 45 }, (_, i) => buyerOrder(i + 1));
    await w.orders.upsertMany(buyers.map((b) => b.order));
    for (const b of buyers) w.platform.plain.set(b.oaid, { mobile: b.mobile });
    const sms = fakeSms(() => smsFixture('send-ok.json'));
    for (const b of buyers)
      await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: b.order.tid, reason: 'x' });

    expect(await w.module.service.dispatchDue()).toMatchObject({ due: 45, sent: 45 });
    expect(w.platform.calls.map((c) => c.items.length)).toEqual([20, 20, 5]);
    expect(w.platform.calls.every((c) => c.scene === '2002' && c.options === undefined)).toBe(true);
    expect(sentTo(sms).sort()).toEqual(buyers.map((b) => b.mobile).sort());
    for (const b of buyers)
      expect(sms.requests.find((p) => p['PhoneNumbers'] === b.mobile)!['OutId']).toBe(
        w.module.service.list({ tid: b.order.tid })[0]!.id,
      );
    expect(await w.module.service.dispatchDue()).toMatchObject({ due: 0 });
    expect(w.platform.calls).toHaveLength(3);
  });

  it('when messages of both scenes are due, then each scene gets its own call and no call mixes them', async () => {
    const w = await world({ config: SMS_CONFIG });
    fakeSms(() => smsFixture('send-ok.json'));
    await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    await w.module.service.enqueue({
      kind: 'transfer-received',
      buyerNick: BUYER,
      reason: 'x',
      transfer: { amount: 100, reference: 'XE1' },
    });
    expect(await w.module.service.dispatchDue()).toMatchObject({ sent: 2 });
    expect(w.platform.calls.map((c) => c.scene).sort()).toEqual(['2001', '2002']);
  });

  it('when staff send one now, then the decrypt waits only a person patience', async () => {
    const w = await world({ config: SMS_CONFIG });
    const sms = fakeSms(() => smsFixture('send-ok.json'));
    const staff = { username: 'xiaoli', displayName: '小丽' };
    const r = await w.module.service.enqueueAndSend({
      kind: 'payment-reminder-first',
      tid: UNPAID_TID,
      reason: 'staff:xiaoli',
      user: staff,
    });
    expect(r).toMatchObject({ queued: true, message: { state: 'sent' } });
    expect(w.platform.calls[0]!.options).toEqual({ patienceMs: INTERACTIVE_PATIENCE_MS });
    expect(sentTo(sms)).toEqual([UNPAID_MOBILE]);
  });
});

describe('a privacy number', () => {
  it('when the buyer is under privacy protection, then the privacy number is texted and reused without a decrypt until it expires', async () => {
    const w = await world({ config: SMS_CONFIG });
    w.platform.plain.set(UNPAID_OAID, { mobile: '17012345678', secretNoExpireAt: '2026-11-23T12:00:00.000+08:00' });
    const sms = fakeSms(() => smsFixture('send-ok.json'));
    await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    await w.module.service.dispatchDue();
    await w.module.service.enqueue({
      kind: 'transfer-received',
      buyerNick: BUYER,
      reason: 'x',
      transfer: { amount: 100, reference: 'XE1' },
    });
    expect(await w.module.service.dispatchDue()).toMatchObject({ sent: 1 });
    expect(sentTo(sms)).toEqual(['17012345678', '17012345678']);
    expect(w.platform.calls).toHaveLength(1);

    // Past its expiry the number is asked again (the platform may bind another).
    w.clock.set('2026-11-23T12:00:00.000+08:00');
    w.platform.plain.set(UNPAID_OAID, { mobile: '17099998888', secretNoExpireAt: '2026-12-08T12:00:00.000+08:00' });
    await w.module.service.enqueue({
      kind: 'transfer-received',
      buyerNick: BUYER,
      reason: 'x',
      transfer: { amount: 100, reference: 'XE2' },
    });
    w.clock.set('2026-11-24T10:00:00.000+08:00');
    expect(await w.module.service.dispatchDue()).toMatchObject({ sent: 1 });
    expect(w.platform.calls).toHaveLength(2);
    expect(sentTo(sms).at(-1)).toBe('17099998888');
  });

  it('when the privacy number needs an extension, then no SMS is sent (a text cannot dial one) and it goes to the chat queue', async () => {
    const w = await world({ config: SMS_CONFIG });
    w.platform.plain.set(UNPAID_OAID, {
      mobile: '17012345678',
      extension: '1234',
      secretNoExpireAt: '2026-12-08T10:00:00.000+08:00',
    });
    const sms = fakeSms(() => smsFixture('send-ok.json'));
    await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    expect(await w.module.service.dispatchDue()).toMatchObject({ outbox: 1, sent: 0 });
    expect(sms.requests).toEqual([]);
    expect(w.module.service.list({ tid: UNPAID_TID })[0]).toMatchObject({
      state: 'outbox',
      stateReason: 'privacy_number',
    });
  });
});
