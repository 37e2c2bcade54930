/**
 * End to end against the sandbox platform, as strict as the real one: the order comes through the adapter masked
 * with its oaid, the dispatcher decrypts it with taobao.top.oaid.decrypt (scene 2002) and Aliyun gets the buyer's real
 * 11-digit number; with the sandbox's decrypt quota set to 0 (config platform.decryptQuotaPerDay,
 * XIAOER_SANDBOX_DECRYPT_QUOTA) the same reminder lands in the chat queue instead, and no SMS is sent.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createMessagingModule } from '../../../src/messaging/index.js';
import { createParcelRepository } from '../../../src/logistics/parcel-repository.js';
import { createOrderRepository } from '../../../src/orders/order-repository.js';
import { createSandboxPlatform, createSandboxRouter, createSandboxShop } from '../../../src/platform/sandbox/index.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { fixedClock, parseInstant } from '../../../src/shared/time.js';
import { createMemoryStore } from '../../../src/storage/index.js';
import { fakeSms, smsFixture } from '../channels/sms-support.js';
import { sentTo, SMS_CONFIG } from '../support/sms-shop.js';
import { NOW, templates } from '../support/world.js';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());

async function sandboxShop(quota: number, privacy = false) {
  const clock = fixedClock(NOW);
  const shop = createSandboxShop({ seed: 7, orders: 400, clock });
  const app = express();
  app.use('/sandbox', createSandboxRouter(shop, { clock, sleep: async () => {}, decryptQuotaPerDay: quota }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  onTestFinished(() => new Promise<void>((r) => server.close(() => r())));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const platform = createSandboxPlatform({ baseUrl, clock, signMethod: 'md5' });

  // An order of a domestic buyer read through the adapter: unpaid, or any order of a buyer under privacy protection.
  const store = createMemoryStore();
  const orders = createOrderRepository(store);
  const trade = shop
    .tradesByCreated(0, clock.now(), {}, { pageNo: 1, pageSize: 10_000 })
    .items.find(
      (t) =>
        (privacy || t.status === 'WAIT_BUYER_PAY') &&
        !shop.buyerOf(t).overseas &&
        shop.underPrivacyProtection(t) === privacy,
    );
  if (!trade) throw new Error(`the sandbox shop has no such order (privacy ${privacy})`);
  const order = await platform.getOrder(trade.tid);
  await orders.upsertMany([order]);
  const messaging = createMessagingModule({
    store,
    orders,
    parcels: createParcelRepository(store),
    templates: await templates(),
    platform,
    clock,
    logger: silentLogger(),
    config: SMS_CONFIG,
    shopName: '拾光衣橱',
  });
  return { clock, order, plain: shop.plainReceiver(trade), messaging: messaging.service };
}

describe('a payment reminder against the sandbox platform', () => {
  it('when it is dispatched, then the SMS goes to the buyer real 11-digit number, which xiaoer never held', async () => {
    const s = await sandboxShop(5000);
    expect(s.order.receiver.mobile).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(s.order.receiver.oaid).toBeTruthy();
    expect(parseInstant(s.order.payDeadlineAt!)).toBeGreaterThan(s.clock.now());
    const sms = fakeSms(() => smsFixture('send-ok.json'));
    await s.messaging.enqueue({ kind: 'payment-reminder-first', tid: s.order.tid, reason: 'x' });

    expect(await s.messaging.dispatchDue()).toMatchObject({ due: 1, sent: 1 });
    expect(sentTo(sms)).toEqual([s.plain.mobile]);
    expect(s.plain.mobile).toMatch(/^1\d{10}$/);
    const [m] = s.messaging.list({ tid: s.order.tid });
    expect(m).toMatchObject({ state: 'sent', to: s.order.receiver.mobile });
    expect(JSON.stringify(m)).not.toContain(s.plain.mobile);
  });

  it('when the sandbox decrypt quota is 0, then the reminder lands in the chat queue with the reason, and no SMS is sent', async () => {
    const s = await sandboxShop(0);
    const sms = fakeSms(() => smsFixture('send-ok.json'));
    await s.messaging.enqueue({ kind: 'payment-reminder-first', tid: s.order.tid, reason: 'x' });

    expect(await s.messaging.dispatchDue()).toMatchObject({ due: 1, sent: 0, outbox: 1, failed: 0 });
    expect(sms.requests).toEqual([]);
    expect(s.messaging.list({ tid: s.order.tid })[0]).toMatchObject({
      state: 'outbox',
      stateReason: 'decrypt_quota',
      channel: 'aliyun-sms',
    });
  });

  it('when the buyer is under privacy protection, then the privacy number needs an extension, so a transfer notice waits in the chat queue', async () => {
    const s = await sandboxShop(5000, true);
    const sms = fakeSms(() => smsFixture('send-ok.json'));
    const transfer = { amount: 100, reference: 'XE1' };
    await s.messaging.enqueue({ kind: 'transfer-received', buyerNick: s.order.buyerNick, reason: 'x', transfer });

    expect(await s.messaging.dispatchDue()).toMatchObject({ due: 1, sent: 0, outbox: 1 });
    expect(sms.requests).toEqual([]);
    expect(s.messaging.list({ buyer: s.order.buyerNick })[0]).toMatchObject({
      state: 'outbox',
      stateReason: 'privacy_number',
    });
  });
});
