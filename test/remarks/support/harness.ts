/**
 * The real HTTP app (createApp, real sessions and login) with the remarks module mounted as the
 * composition root will mount it, over a memory store (or a real lowdb store) and the fake platform.
 */
import { DEMO_ACCOUNTS } from '../../../src/accounts/accounts.js';
import type { Order } from '../../../src/orders/order.js';
import { createOrderRepository } from '../../../src/orders/order-repository.js';
import { staffDirectoryFromUsers, type KeyedLock } from '../../../src/remarks/index.js';
import { wireRemarkFeatures } from '../../../src/service/wire-remark-features.js';
import { silentLogger, type Logger } from '../../../src/shared/logger.js';
import { fixedClock } from '../../../src/shared/time.js';
import { createMemoryStore } from '../../../src/storage/index.js';
import type { Store } from '../../../src/storage/store.js';
import { apiApp, type Username } from '../../support/api-app.js';
import { createFakePlatform, type FakePlatform } from './fake-platform.js';
import { seedOrders } from './orders.js';

export type { Username };

export const NOW = '2026-11-23T10:00:00+08:00';

export interface HarnessOptions {
  store?: Store;
  platform?: FakePlatform;
  orders?: Order[];
  seed?: boolean;
  logger?: Logger;
  /** How long a person waits for the platform (default the service's 5 s). */
  interactiveDeadlineMs?: number;
  lock?: KeyedLock;
}

export async function startHarness(opts: HarnessOptions = {}) {
  const clock = fixedClock(NOW);
  const store = opts.store ?? createMemoryStore();
  const seed = opts.orders ?? seedOrders();
  const orders = createOrderRepository(store);
  if (opts.seed !== false) await orders.upsertMany(seed);
  const platform = opts.platform ?? createFakePlatform(seed, clock);
  const module = wireRemarkFeatures({
    store,
    platform,
    orders,
    clock,
    logger: opts.logger ?? silentLogger(),
    memoDateFormat: 'MM.DD',
    staffDirectory: staffDirectoryFromUsers(DEMO_ACCOUNTS),
    interactiveDeadlineMs: opts.interactiveDeadlineMs,
    lock: opts.lock,
  });
  const { app, as, token } = await apiApp({ store, clock, routes: module.routers });
  const remark = (user: Username, tid: string, kind: string, fields: Record<string, unknown> = {}) =>
    as(user).post(`/orders/${tid}/remarks`, { kind, fields });

  return { app, clock, store, orders, platform, module, as, remark, token };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
