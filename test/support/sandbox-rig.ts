import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createParcelRepository } from '../../src/logistics/parcel-repository.js';
import { createSandboxTracker, createKuaidi100SandboxRouter } from '../../src/logistics/index.js';
import { createOrderRepository } from '../../src/orders/order-repository.js';
import {
  createSandboxPlatform,
  createSandboxRouter,
  createSandboxShop,
  type SandboxShop,
} from '../../src/platform/sandbox/index.js';
import type { ShopPlatform } from '../../src/platform/platform-port.js';
import { silentLogger } from '../../src/shared/logger.js';
import { fixedClock } from '../../src/shared/time.js';
import type { Store } from '../../src/storage/store.js';
import { createSyncService, createSyncState } from '../../src/sync/index.js';

/** A sandbox shop served over real HTTP on port 0, and xiaoer's sync pieces over a given store. */
export async function sandboxRig(opts: { orders?: number; now?: string } = {}) {
  const clock = fixedClock(opts.now ?? '2026-11-23T10:00:00+08:00');
  const shop: SandboxShop = createSandboxShop({ seed: 7, orders: opts.orders ?? 400, clock });
  const app = express();
  app.use('/sandbox', createSandboxRouter(shop, { clock }));
  app.use('/sandbox', createKuaidi100SandboxRouter(shop, { clock }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const platform = createSandboxPlatform({ baseUrl, clock, signMethod: 'md5' });
  const tracker = createSandboxTracker({ baseUrl, clock });

  const syncOver = (store: Store, p: ShopPlatform = platform) => {
    const orders = createOrderRepository(store);
    const parcels = createParcelRepository(store);
    const state = createSyncState(store);
    const sync = createSyncService({
      platform: p,
      tracker,
      orders,
      parcels,
      state,
      clock,
      logger: silentLogger(),
      overlapMinutes: 10,
      backfillDays: 90,
      parcelIntervalMinutes: 30,
    });
    return { sync, orders, parcels, state };
  };
  return {
    clock,
    shop,
    platform,
    tracker,
    baseUrl,
    syncOver,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A platform that fails after `pages` pages have been delivered, as if the process died there. */
export function failingAfter(platform: ShopPlatform, pages: number): ShopPlatform {
  let delivered = 0;
  const wrap = (source: (w: { start: number; end: number }) => AsyncIterable<unknown[]>) =>
    async function* (w: { start: number; end: number }) {
      for await (const page of source(w)) {
        if (delivered++ >= pages) throw new Error('simulated crash mid-sync');
        yield page;
      }
    };
  return {
    ...platform,
    kind: platform.kind,
    createdOrders: wrap(platform.createdOrders.bind(platform)) as ShopPlatform['createdOrders'],
    changedOrders: wrap(platform.changedOrders.bind(platform)) as ShopPlatform['changedOrders'],
    getOrder: platform.getOrder.bind(platform),
    updateMemo: platform.updateMemo.bind(platform),
    closeTrade: platform.closeTrade.bind(platform),
    negativeReviews: platform.negativeReviews.bind(platform),
    stats: platform.stats.bind(platform),
  };
}
