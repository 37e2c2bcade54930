/**
 * End to end through the real TOP adapter and the sandbox gateway, its faults switched on over POST /sandbox/faults:
 * a remark POST answers within the interactive deadline during a 12 s platform delay and at once during a 30 s ban,
 * and the remark lands exactly once after the platform recovers. Time is the shop's fixed clock (shared by the
 * adapter, so a ban ends when the test moves it) and the delay holds requests until the test lets them go.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/accounts/accounts.js';
import { createOrderRepository } from '../../src/orders/index.js';
import { createSandboxPlatform, createSandboxRouter, createSandboxShop } from '../../src/platform/sandbox/index.js';
import { staffDirectoryFromUsers } from '../../src/remarks/index.js';
import { INTERACTIVE_DEADLINE_MS } from '../../src/remarks/interactive-deadline.js';
import { wireRemarkFeatures } from '../../src/service/wire-remark-features.js';
import { silentLogger } from '../../src/shared/logger.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { apiApp } from '../support/api-app.js';

const NOW = '2026-11-23T10:00:00+08:00';
const ENTRY = 'A1023+可申请折扣8.5元+小丽/11.23';
const FIELDS = { sku: 'A1023', type: 'discount', amount: '8.5' };
/** What a loaded machine may add to the round trips; without the deadline the answer would not come at all. */
const MARGIN = 2_000;
const occurrences = (memo: string, entry: string) => memo.split('；').filter((e) => e === entry).length;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

async function rig(opts: { deadline?: number } = {}) {
  const clock = fixedClock(NOW);
  const shop = createSandboxShop({ seed: 7, orders: 200, clock });
  // The latency fault sleeps here: held until the test lets the requests go, as a platform that has not answered yet.
  const held: (() => void)[] = [];
  const gateway = express();
  gateway.use('/sandbox', createSandboxRouter(shop, { clock, sleep: () => new Promise<void>((r) => held.push(r)) }));
  const server: Server = await new Promise((resolve) => {
    const s = gateway.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  const platform = createSandboxPlatform({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clock,
    signMethod: 'md5',
  });
  const paid = shop.tradesByCreated(
    0,
    clock.now(),
    { statuses: new Set(['WAIT_SELLER_SEND_GOODS'] as const) },
    { pageNo: 1, pageSize: 1 },
  );
  const tid = paid.items[0]!.tid;

  const store = createMemoryStore();
  const orders = createOrderRepository(store);
  await orders.upsertMany([await platform.getOrder(tid)]);
  const features = wireRemarkFeatures({
    store,
    platform,
    orders,
    clock,
    logger: silentLogger(),
    memoDateFormat: 'MM.DD',
    staffDirectory: staffDirectoryFromUsers(DEMO_ACCOUNTS),
    interactiveDeadlineMs: opts.deadline,
  });
  const { as, token } = await apiApp({ store, clock, routes: features.routers });
  await token('xiaoli');
  const remark = async (kind: string, fields: Record<string, unknown> = {}) => {
    const started = performance.now();
    const res = await as('xiaoli').post(`/orders/${tid}/remarks`, { kind, fields });
    return { res, ms: performance.now() - started };
  };
  const faults = (body: Record<string, number>) => request(gateway).post('/sandbox/faults').send(body).expect(200);
  const release = () => held.splice(0).forEach((go) => go());
  return { clock, shop, platform, tid, remark, faults, release, held, service: features.service };
}

describe('remarks at the console against the sandbox platform', () => {
  it('when the platform is banned for 30 s, then the POST answers pending at once without waiting out the ban, and the remark lands once after it', async () => {
    const { clock, shop, platform, tid, remark, faults, service } = await rig();
    const before = shop.trade(tid)!.memo;
    await faults({ rateLimitBanSeconds: 30 });
    const callsBefore = platform.stats().calls;

    const first = await remark('refund.in_trade', FIELDS);
    expect(first.res.status).toBe(201);
    expect(first.res.body).toMatchObject({ status: 'pending', entry: ENTRY });
    // Queued at once: before the deadline (the default 5 s) could even pass.
    expect(first.ms).toBeLessThan(INTERACTIVE_DEADLINE_MS);
    expect(platform.stats().calls).toBe(callsBefore + 1); // the call that met the ban

    // Another remark during the ban is not sent into it; the same request again is the same pending entry.
    const other = await remark('sale.record');
    expect(other.res.body.status).toBe('pending');
    const again = await remark('refund.in_trade', FIELDS);
    expect(again.res.body).toMatchObject({ status: 'pending', id: first.res.body.id });
    expect(again.ms).toBeLessThan(INTERACTIVE_DEADLINE_MS);
    expect(platform.stats().calls).toBe(callsBefore + 1);
    expect(shop.trade(tid)!.memo).toBe(before);

    clock.advance(31_000);
    expect(await service.runOutbox()).toMatchObject({ queued: 2, written: 2 });
    const memo = shop.trade(tid)!.memo;
    expect(occurrences(memo, ENTRY)).toBe(1);
    expect(occurrences(memo, '小丽')).toBe(occurrences(before, '小丽') + 1);
    const later = await remark('refund.in_trade', FIELDS);
    expect(later.res.body.status).toBe('already_present');
    expect(shop.trade(tid)!.memo).toBe(memo);
  });

  it('when the platform is 12 s slow, then the POST answers pending by the deadline, and the outbox lands the remark once when it is fast again', async () => {
    const deadline = 250;
    const { shop, tid, remark, faults, release, held, service } = await rig({ deadline });
    await faults({ latencyMs: 12_000 });

    const first = await remark('refund.in_trade', FIELDS);
    expect(first.res.status).toBe(201);
    expect(first.res.body).toMatchObject({ status: 'pending', entry: ENTRY });
    expect(first.ms).toBeLessThan(deadline + MARGIN);
    await vi.waitFor(() => expect(held).toHaveLength(1)); // the memo read, still waiting at the platform

    await faults({ latencyMs: 0 });
    release();
    expect(await service.runOutbox()).toMatchObject({ queued: 1, written: 1 });
    expect(occurrences(shop.trade(tid)!.memo, ENTRY)).toBe(1);
    const again = await remark('refund.in_trade', FIELDS);
    expect(again.res.body.status).toBe('already_present');
    expect(occurrences(shop.trade(tid)!.memo, ENTRY)).toBe(1);
  });
});
