/**
 * 消息 at 400 px, the chat queue: with SMS as the buyer channel and the sandbox's decrypt quota at 0, a payment
 * reminder finds no number to text and waits for a person; the page shows why (the reason's name from /api/labels)
 * with the masked number, a copy button and 已在旺旺发送, which 小丽 presses once: the message is sent by her. Sent
 * from the order page, the answer says the same reason.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { MESSAGE_REASON_LABELS, type OutboundMessage } from '../../src/messaging/index.js';
import type { Order } from '../../src/orders/order.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { createLogger } from '../../src/shared/logger.js';
import { apiAs, DEMO, inPage, launchBrowser, openSignedIn } from './harness.js';

/**
 * The service's time moved into the shop's day (10:00–20:00 in Shanghai) whenever the test runs: a reminder queued in
 * the quiet hours would wait for the morning, and this test is about what happens when it is sent.
 */
const hour = (new Date().getUTCHours() + 8) % 24;
const shift = hour >= 10 && hour < 20 ? 0 : ((10 - hour + 24) % 24) * 3_600_000;
const clock = { now: () => Date.now() + shift };

describe('消息: an SMS with no number to text waits in the chat queue (real browser)', () => {
  let dataDir: string;
  let svc: RunningService;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'xiaoer-chat-queue-'));
    const config = loadConfig(
      {
        XIAOER_DATA_DIR: dataDir,
        XIAOER_PLATFORM: 'sandbox',
        PORT: '0',
        XIAOER_SANDBOX_ORDERS: '200',
        XIAOER_SANDBOX_TICK_MS: '0',
        XIAOER_SANDBOX_DECRYPT_QUOTA: '0',
        XIAOER_BUYER_CHANNEL: 'aliyun-sms',
        ALIYUN_SMS_ACCESS_KEY_ID: 'test',
        ALIYUN_SMS_ACCESS_KEY_SECRET: 'test',
        ALIYUN_SMS_SIGN_NAME: '拾光衣橱',
        ALIYUN_SMS_TEMPLATE_CODES: JSON.stringify({ 'payment-reminder-first': 'SMS_20261123' }),
        // Never reached: without a number nothing is sent.
        ALIYUN_SMS_ENDPOINT: 'http://127.0.0.1:9',
      },
      process.cwd(),
    );
    [svc, browser] = await Promise.all([
      startService(config, { jobs: false, initialSync: false, logger: createLogger({ level: 'silent' }), clock }),
      launchBrowser(),
    ]);
    await svc.sync.syncAll();
  });
  afterAll(async () => {
    await browser?.close();
    await svc?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('when 小丽 opens 消息, then she sees the reason, copies the text and marks it 已在旺旺发送 once', async () => {
    const api = await apiAs(svc.url, DEMO.xiaoli.username);
    const { orders } = await api.get<{ orders: Order[] }>('/api/orders?status=WAIT_BUYER_PAY&limit=50');
    // Unpaid and not past a deadline: the reminder is still valid when it is sent.
    const order = orders.find((o) => !o.payDeadlineAt || Date.parse(o.payDeadlineAt) > clock.now() + 3_600_000);
    expect(order).toBeDefined();
    const r = await svc.messaging.enqueue({ kind: 'payment-reminder-first', tid: order!.tid, reason: 'x' });
    expect(r.queued).toBe(true);
    expect(await svc.messaging.dispatchDue()).toMatchObject({ outbox: 1, sent: 0 });

    const { context, page, problems } = await openSignedIn(browser, svc.url, DEMO.xiaoli.username, '#/messages', 400);
    const row = page.locator(`li.message[data-id="${r.message!.id}"]`);
    await row.waitFor();
    const reason = row.getByTestId('chat-queue-reason');
    expect(await reason.textContent()).toContain(MESSAGE_REASON_LABELS['decrypt_quota']);
    // The number as the platform masked it (138****5678, or +81 ****5678 for a buyer abroad), never in full.
    const { receiver } = await api.get<Order>(`/api/orders/${order!.tid}`);
    expect(receiver.mobile).toContain('****');
    expect(await reason.textContent()).toContain(`（买家手机 ${receiver.mobile}）`);
    expect(await row.getByTestId('copy-message').count()).toBe(1);
    expect(await row.getByRole('button', { name: '标记已发送' }).count()).toBe(0);
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);

    await row.getByRole('button', { name: '已在旺旺发送' }).click();
    await expect.poll(() => page.getByTestId('messages-status').textContent()).toContain('已在旺旺发给买家');
    const { message, attempts } = await api.get<{ message: OutboundMessage; attempts: { outcome: string }[] }>(
      `/api/messages/${r.message!.id}`,
    );
    expect(message).toMatchObject({ state: 'sent', sentBy: 'xiaoli', stateReason: 'decrypt_quota' });
    expect(attempts.map((a) => a.outcome)).toEqual(['outbox', 'sent']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when 小丽 sends a reminder from the order page, then the answer says why it waits for 旺旺', async () => {
    const api = await apiAs(svc.url, DEMO.xiaoli.username);
    const { orders } = await api.get<{ orders: Order[] }>('/api/orders?status=WAIT_BUYER_PAY&limit=50');
    const taken = new Set(svc.messaging.list({}).map((m) => m.tid));
    const order = orders.find(
      (o) => !taken.has(o.tid) && (!o.payDeadlineAt || Date.parse(o.payDeadlineAt) > clock.now() + 3_600_000),
    );
    expect(order).toBeDefined();
    const { context, page, problems } = await openSignedIn(
      browser,
      svc.url,
      DEMO.xiaoli.username,
      `#/orders/${order!.tid}`,
      400,
    );
    const section = page.getByTestId('order-message');
    await section.locator('#message-kind').selectOption('payment-reminder-first');
    await expect.poll(() => section.getByTestId('message-text').count()).toBe(1);
    await section.getByRole('button', { name: '加入发送队列' }).click();
    const reason = section.getByTestId('chat-queue-reason');
    await reason.waitFor();
    expect(await reason.textContent()).toBe(MESSAGE_REASON_LABELS['decrypt_quota']);
    expect(svc.messaging.list({ tid: order!.tid })[0]).toMatchObject({ state: 'outbox', stateReason: 'decrypt_quota' });
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    expect(problems).toEqual([]);
    await context.close();
  });
});
