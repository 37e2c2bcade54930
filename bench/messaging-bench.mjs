// Buyers' numbers for SMS (issue 18, part 5): decrypt calls per message at volume. 1,000 payment reminders fall
// due at once and one dispatch run sends them through the real adapter against the sandbox platform
// (taobao.top.oaid.decrypt over signed HTTP), with Aliyun answered by a local stand-in. The orders are the sandbox's
// own, read through the adapter (masked, with their oaid); xiaoer's copies are set back to unpaid so that every one is
// a reminder due now, which leaves the sandbox's receivers, and so their oaids, as they are. Buyers under privacy
// protection (one in 8) get a number with an extension and land in the chat queue: counted apart. The run's time is
// information only (the send policy's per-buyer daily count reads every stored message for each one it sends).
// `npm run bench` prints it with the rest; `node bench/messaging-bench.mjs` (after `npm run build`) prints it alone.
import { createServer } from 'node:http';
import express from 'express';
import { createParcelRepository } from '../dist/logistics/parcel-repository.js';
import { createMessagingModule } from '../dist/messaging/index.js';
import { loadTemplates } from '../dist/messaging/templates/index.js';
import { createOrderRepository } from '../dist/orders/order-repository.js';
import { createSandboxPlatform, createSandboxRouter, createSandboxShop } from '../dist/platform/sandbox/index.js';
import { silentLogger } from '../dist/shared/logger.js';
import { DAY, fixedClock, toInstant } from '../dist/shared/time.js';
import { createMemoryStore } from '../dist/storage/index.js';

const NOW = '2026-11-23T10:00:00.000+08:00';
const listen = (handler) =>
  new Promise((resolve) => {
    const server = createServer(handler).listen(0, '127.0.0.1', () => resolve(server));
  });
const close = (server) => new Promise((resolve) => server.close(resolve));

export async function benchMessaging({ reminders = 1000, shopOrders = 3000 } = {}) {
  const clock = fixedClock(NOW);
  const shop = createSandboxShop({ seed: 20261123, orders: shopOrders, clock });
  const app = express();
  app.use('/sandbox', createSandboxRouter(shop, { clock, sleep: async () => {}, decryptQuotaPerDay: 100_000 }));
  const gateway = await listen(app);
  let smsSent = 0;
  const aliyun = await listen((req, res) => {
    req.resume();
    req.on('end', () => {
      smsSent++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ Code: 'OK', Message: 'OK', BizId: `biz${smsSent}`, RequestId: 'r' }));
    });
  });
  try {
    const base = createSandboxPlatform({
      baseUrl: `http://127.0.0.1:${gateway.address().port}`,
      clock,
      signMethod: 'hmac-sha256',
    });
    const decrypts = { calls: 0, items: 0 };
    const platform = {
      decryptReceivers: (items, scene, options) => {
        decrypts.calls++;
        decrypts.items += items.length;
        return base.decryptReceivers(items, scene, options);
      },
    };

    const store = createMemoryStore();
    const orders = createOrderRepository(store);
    const picked = [];
    const window = { start: clock.now() - 90 * DAY, end: clock.now() };
    for await (const page of base.createdOrders(window)) {
      for (const o of page) if (o.receiver.oaid && picked.length < reminders) picked.push(o);
      if (picked.length >= reminders) break;
    }
    const deadline = toInstant(clock.now() + DAY);
    await orders.upsertMany(
      picked.map((o) => ({ ...o, status: 'WAIT_BUYER_PAY', paidAt: null, consignedAt: null, payDeadlineAt: deadline })),
    );
    const messaging = createMessagingModule({
      store,
      orders,
      parcels: createParcelRepository(store),
      templates: await loadTemplates(new URL('../templates', import.meta.url).pathname),
      platform,
      clock,
      logger: silentLogger(),
      config: {
        buyerChannel: 'aliyun-sms',
        perBuyerDailyCap: 20,
        aliyunSms: {
          accessKeyId: 'bench',
          accessKeySecret: 'bench',
          signName: '拾光衣橱',
          templateCodes: { 'payment-reminder-first': 'SMS_20261123' },
          endpoint: `http://127.0.0.1:${aliyun.address().port}`,
        },
      },
      shopName: '拾光衣橱',
    });
    for (const o of picked)
      await messaging.service.enqueue({ kind: 'payment-reminder-first', tid: o.tid, reason: 'bench' });
    const t0 = performance.now();
    const counts = await messaging.service.dispatchDue();
    const ms = performance.now() - t0;
    const chat = messaging.service.list({ state: ['outbox'] });
    return {
      due: counts.due,
      sent: counts.sent,
      smsRequests: smsSent,
      chat: chat.length,
      chatReasons: Object.fromEntries(
        [...new Set(chat.map((m) => m.stateReason))].map((r) => [r, chat.filter((m) => m.stateReason === r).length]),
      ),
      decryptCalls: decrypts.calls,
      decryptItems: decrypts.items,
      perMessage: decrypts.calls / Math.max(1, counts.due),
      perSms: decrypts.calls / Math.max(1, counts.sent),
      ms,
    };
  } finally {
    await close(gateway);
    await close(aliyun);
  }
}

export function printMessaging(r, row) {
  console.log(`\nSMS numbers decrypted at send time (${r.due.toLocaleString('en-US')} payment reminders due at once)`);
  row(
    'decrypt calls per message',
    `${r.perMessage.toFixed(3)} (${r.decryptCalls} calls of ≤ 20 for ${r.due} messages, ${r.decryptItems} receivers)`,
    '≤ 0.06',
  );
  row(
    'decrypt calls per SMS sent',
    `${r.perSms.toFixed(3)} (${r.sent} sent; ${r.chat} to the chat queue: ${JSON.stringify(r.chatReasons)})`,
  );
  row(
    'dispatch run',
    `${(r.ms / 1000).toFixed(2)} s (${((r.ms * 1000) / Math.max(1, r.due)).toFixed(0)} µs per message)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printMessaging(await benchMessaging(), (what, value, target) =>
    console.log(`  ${what}: ${value}${target ? `   (target ${target})` : ''}`),
  );
}
