/**
 * The scene a message's number is decrypted under, one table by kind (outbound/decrypt-scenes.ts): customer care
 * (2002) for reminders, greetings and parcel news, after-sales (2001) for review repair, parcel trouble, refunds and
 * transfers; and a refusal about one receiver does not keep the others of its call from their SMS.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_KINDS } from '../../../src/messaging/index.js';
import { DECRYPT_SCENE_BY_KIND } from '../../../src/messaging/outbound/decrypt-scenes.js';
import { fakeSms, smsFixture } from '../channels/sms-support.js';
import { buyerOrder, sentTo, SMS_CONFIG } from '../support/sms-shop.js';
import { world } from '../support/world.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('the decrypt scene of each message kind', () => {
  it('when the table is read, then every kind has one: care for reminders, greetings and parcel news, after-sales for the rest', () => {
    expect(Object.keys(DECRYPT_SCENE_BY_KIND).sort()).toEqual([...MESSAGE_KINDS].sort());
    const of = (scene: string) =>
      Object.entries(DECRYPT_SCENE_BY_KIND)
        .filter(([, s]) => s === scene)
        .map(([k]) => k)
        .sort();
    expect(of('2002')).toEqual([
      'birthday',
      'logistics-delivered',
      'logistics-shipped',
      'payment-reminder-first',
      'payment-reminder-last',
    ]);
    expect(of('2001')).toEqual([
      'logistics-misdelivered',
      'logistics-refused',
      'logistics-returning',
      'logistics-stuck',
      'refund-registered',
      'review-repair',
      'transfer-not-found',
      'transfer-received',
    ]);
  });
});

describe('one receiver refused in a call of many', () => {
  it('when the platform refuses a call for one oaid, then the halves are asked until that one is found; the other 19 get their SMS', async () => {
    const w = await world({ config: SMS_CONFIG });
    const buyers = Array.from({ length: 20 }, (_, i) => buyerOrder(i + 1));
    await w.orders.upsertMany(buyers.map((b) => b.order));
    for (const b of buyers) w.platform.plain.set(b.oaid, { mobile: b.mobile });
    const bad = buyers[13]!;
    w.platform.refusedOaids.add(bad.oaid);
    const sms = fakeSms(() => smsFixture('send-ok.json'));
    for (const b of buyers)
      await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: b.order.tid, reason: 'x' });

    expect(await w.module.service.dispatchDue()).toMatchObject({ sent: 19, outbox: 1 });
    expect(sentTo(sms).sort()).toEqual(
      buyers
        .filter((b) => b !== bad)
        .map((b) => b.mobile)
        .sort(),
    );
    expect(w.module.service.list({ tid: bad.order.tid })[0]).toMatchObject({
      state: 'outbox',
      stateReason: 'no_phone',
    });
    // Depth first: 20 refused; 10 answered; 10 refused → 5 refused (→ 3 answered, 2 refused → 1, 1) and 5 answered.
    expect(w.platform.calls.map((c) => c.items.length)).toEqual([20, 10, 10, 5, 3, 2, 1, 1, 5]);
  });
});
