import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrderRepository, ORDER_COLLECTION, ORDERS, type OrderRepository } from '../../src/orders/index.js';
import {
  createSandboxPlatform,
  createSandboxRouter,
  createSandboxShop,
  sandboxTmc,
  type SandboxShop,
  type SandboxTmc,
} from '../../src/platform/sandbox/index.js';
import { silentLogger } from '../../src/shared/logger.js';
import { openLowdbStore, type LowdbStore } from '../../src/storage/index.js';
import { createTmcConsumer, type TmcApplied, type TmcConsumer } from '../../src/sync/index.js';

let server: Server;
let baseUrl: string;
let shop: SandboxShop;
let tmc: SandboxTmc;
let dir: string;
let store: LowdbStore;

beforeEach(async () => {
  shop = createSandboxShop({ seed: 11, orders: 200 });
  tmc = sandboxTmc(shop, { repushDelayMs: 50 });
  const app = express();
  app.use('/sandbox', createSandboxRouter(shop, { sleep: async () => {} }));
  server = createServer(app);
  server.on('upgrade', (req, socket, head) => {
    if (!tmc.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-tmc-'));
  store = await openStore();
});
afterEach(async () => {
  tmc.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await store.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const openStore = () => openLowdbStore({ dir, collections: { [ORDERS]: ORDER_COLLECTION }, logger: silentLogger() });
const platform = () => createSandboxPlatform({ baseUrl, signMethod: 'md5' });
function consumer(orders: OrderRepository, onApplied?: (a: TmcApplied) => void): TmcConsumer {
  const c = createTmcConsumer({
    url: baseUrl.replace('http', 'ws') + '/sandbox/tmc',
    appKey: '10000001',
    appSecret: 'xiaoer-sandbox-secret',
    platform: platform(),
    orders,
    logger: silentLogger(),
    windowMs: 20,
    backoffMaxMs: 200,
    ...(onApplied ? { onApplied } : {}),
  });
  c.start();
  return c;
}
const paidTid = () =>
  shop.tradesByCreated(
    0,
    Date.now(),
    { statuses: new Set(['WAIT_SELLER_SEND_GOODS' as const]) },
    { pageNo: 1, pageSize: 1 },
  ).items[0]!.tid;
const appliedOnce = (want: (a: TmcApplied) => boolean) => {
  let resolve: (a: TmcApplied) => void = () => undefined;
  const p = new Promise<TmcApplied>((r) => (resolve = r));
  return { p, on: (a: TmcApplied) => want(a) && resolve(a) };
};

describe('xiaoer consumes the sandbox TMC', () => {
  it('when a message arrives while the consumer is away, then it is delivered after it connects, applied and confirmed', async () => {
    const orders = createOrderRepository(store);
    const tid = paidTid();
    await shop.updateMemo(tid, { memo: '离线时写的备注', flag: 1 }); // queued: nobody connected yet
    const seen = appliedOnce((a) => a.tid === tid);
    const c = consumer(orders, seen.on);
    await seen.p;
    expect(orders.get(tid)).toMatchObject({ sellerMemo: '离线时写的备注', sellerFlag: 1 });
    await waitFor(() => tmc.stats().confirmed === 1); // the confirm leaves once the write is durable
    expect(tmc.stats().queued).toBe(0);
    await c.stop();
    expect(c.status().fetched).toBe(1); // not stored before: read in full once
  });

  it('when the connection drops, then the consumer reconnects by itself and keeps applying', async () => {
    const orders = createOrderRepository(store);
    const c = consumer(orders);
    const tid = paidTid();
    await shop.updateMemo(tid, { memo: '一' });
    await waitFor(() => orders.get(tid)?.sellerMemo === '一');
    c.drop();
    await shop.updateMemo(tid, { memo: '二' });
    await waitFor(() => orders.get(tid)?.sellerMemo === '二');
    expect(c.status().connects).toBe(2);
    await c.stop();
  });

  it('when xiaoer crashes after storing a change but before confirming it, then after restart the redelivered message changes nothing: applied exactly once', async () => {
    let orders = createOrderRepository(store);
    const changes: string[] = [];
    const watch = (repo: OrderRepository) =>
      repo.onChange((ch) => ch.forEach((x) => changes.push(`${x.after.tid}:${x.after.sellerMemo}`)));
    watch(orders);
    const tid = paidTid();
    // The crash: the write is durable, then the process dies before the confirm leaves.
    let crash: () => Promise<void> = async () => undefined;
    const realUpsert = orders.upsertMany.bind(orders);
    orders = {
      ...orders,
      upsertMany: async (o) => {
        const r = await realUpsert(o);
        await crash();
        return r;
      },
    };
    const c = consumer(orders);
    crash = async () => {
      crash = async () => undefined;
      await c.stop();
    };
    await shop.updateMemo(tid, { memo: '只应用一次' });
    await waitFor(() => changes.length === 1);
    await store.close();
    expect(tmc.stats().confirmed).toBe(0);

    store = await openStore();
    const reopened = createOrderRepository(store);
    expect(reopened.get(tid)!.sellerMemo).toBe('只应用一次'); // durable before the crash
    watch(reopened);
    const c2 = consumer(reopened);
    await waitFor(() => tmc.stats().confirmed === 1);
    expect(changes).toEqual([`${tid}:只应用一次`]);
    expect(c2.status()).toMatchObject({ unchanged: 1, fetched: 0 });
    await c2.stop();
  });
});

/** Waits for a condition the code under test makes true by events; the deadline only bounds a failing test. */
async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
