import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { DEMO_ACCOUNTS } from '../../../src/accounts/accounts.js';
import { createKuaidi100SandboxRouter, createSandboxTracker } from '../../../src/logistics/index.js';
import { createOrderRepository } from '../../../src/orders/index.js';
import { createSandboxPlatform, createSandboxRouter, createSandboxShop } from '../../../src/platform/sandbox/index.js';
import type { SandboxLine, SandboxTrade } from '../../../src/platform/sandbox/index.js';
import { staffDirectoryFromUsers } from '../../../src/remarks/index.js';
import { createReturnsModule, type ReturnView } from '../../../src/returns/index.js';
import { wireRemarkFeatures } from '../../../src/service/wire-remark-features.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { fixedClock, parseInstant } from '../../../src/shared/time.js';
import { createMemoryStore } from '../../../src/storage/index.js';
import { apiApp } from '../../support/api-app.js';

export const START = parseInstant('2026-11-23T10:00:00+08:00');

/**
 * A living sandbox shop where a buyer asks to return goods on every tick (nothing else happens), served over HTTP
 * with its courier; xiaoer's remarks, tasks and returns over a memory store, behind the real HTTP app.
 */
export async function returnsRig() {
  const clock = fixedClock(START);
  const shop = createSandboxShop({
    seed: 11,
    orders: 800,
    clock,
    pace: { newOrders: 0, payments: 0, shipments: 0, deliveries: 0, reviewChance: 0, refundChance: 0, returnChance: 1 },
  });
  const app = express();
  app.use('/sandbox', createSandboxRouter(shop, { clock, sleep: async () => {} }));
  app.use('/sandbox', createKuaidi100SandboxRouter(shop, { clock }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const platform = createSandboxPlatform({ baseUrl, clock });
  const store = createMemoryStore();
  const orders = createOrderRepository(store);
  const staff = staffDirectoryFromUsers(DEMO_ACCOUNTS);
  const features = wireRemarkFeatures({
    store,
    platform,
    orders,
    clock,
    logger: silentLogger(),
    memoDateFormat: 'MM.DD',
    staffDirectory: staff,
  });
  const returns = createReturnsModule({
    store,
    platform,
    tracker: createSandboxTracker({ baseUrl, clock }),
    orders,
    tasks: features.service.tasks,
    remarks: features.service,
    staff,
    keeper: () => 'xiaozhou',
    clock,
    logger: silentLogger(),
    schedule: '*/30 * * * *',
  });
  // The story spans three weeks of shop time: sessions outlive it.
  const api = await apiApp({ store, clock, routes: [...features.routers, ...returns.routers], sessionHours: 24 * 40 });

  /** Moves the shop's clock on and lets it live one tick. */
  const advance = (ms: number) => {
    clock.set(clock.now() + ms);
    return shop.tick(clock.now());
  };
  /** A sync run, with the orders of the returns in xiaoer's order book first (as the order sync would have them). */
  const sync = async () => {
    for (const r of returns.service.list('all'))
      if (!orders.get(r.tid)) await orders.upsertMany([await platform.getOrder(r.tid)]);
    return returns.service.sync();
  };
  const lineOf = (v: ReturnView): { t: SandboxTrade; line: SandboxLine } => {
    const t = shop.trade(v.tid)!;
    return { t, line: t.lines.find((l) => l.refundId === v.id)! };
  };
  return {
    clock,
    shop,
    store,
    orders,
    features,
    returns,
    api,
    advance,
    sync,
    lineOf,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type ReturnsRig = Awaited<ReturnType<typeof returnsRig>>;
