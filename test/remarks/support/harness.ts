/**
 * The real HTTP app (createApp, real sessions and login) with the remarks module mounted as the
 * composition root will mount it, over a memory store (or a real lowdb store) and the fake platform.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadAccounts } from '../../../src/accounts/accounts.js';
import { createSessions } from '../../../src/accounts/sessions.js';
import type { Config } from '../../../src/config/config-schema.js';
import { createApp } from '../../../src/http/app.js';
import type { Order } from '../../../src/orders/order.js';
import { createOrderRepository } from '../../../src/orders/order-repository.js';
import { createRemarksModule, staffDirectoryFromUsers } from '../../../src/remarks/index.js';
import { silentLogger, type Logger } from '../../../src/shared/logger.js';
import { fixedClock } from '../../../src/shared/time.js';
import { createMemoryStore } from '../../../src/storage/index.js';
import type { Store } from '../../../src/storage/store.js';
import { createFakePlatform, type FakePlatform } from './fake-platform.js';
import { seedOrders } from './orders.js';

export const NOW = '2026-11-23T10:00:00+08:00';
export type Username = 'xiaoli' | 'azhang' | 'xiaozhou' | 'admin';

export async function startHarness(opts: { store?: Store; platform?: FakePlatform; orders?: Order[]; seed?: boolean; logger?: Logger } = {}) {
  const clock = fixedClock(NOW);
  const store = opts.store ?? createMemoryStore();
  const seed = opts.orders ?? seedOrders();
  const orders = createOrderRepository(store);
  if (opts.seed !== false) await orders.upsertMany(seed);
  const platform = opts.platform ?? createFakePlatform(seed, clock);
  const accounts = await loadAccounts({ staff: [], platform: { kind: 'sandbox' } } as unknown as Pick<Config, 'staff' | 'platform'>);
  const sessions = createSessions({ store, accounts, clock, sessionHours: 72 });
  const module = createRemarksModule({
    store, platform, orders, clock, logger: opts.logger ?? silentLogger(), memoDateFormat: 'MM.DD', staffDirectory: staffDirectoryFromUsers(DEMO_ACCOUNTS),
  });
  const consoleDir = await mkdtemp(join(tmpdir(), 'xiaoer-console-'));
  const app = createApp({ logger: silentLogger(), sessions, health: () => ({}), routes: module.routers, consoleDir });

  const tokens = new Map<Username, string>();
  async function token(user: Username): Promise<string> {
    let t = tokens.get(user);
    if (!t) {
      const res = await request(app).post('/api/session').send({ username: user, password: DEMO_PASSWORD }).expect(201);
      t = res.body.token as string;
      tokens.set(user, t);
    }
    return t;
  }
  const as = (user: Username) => ({
    post: async (path: string, body: unknown = {}) => request(app).post(`/api${path}`).set('Authorization', `Bearer ${await token(user)}`).send(body as object),
    get: async (path: string) => request(app).get(`/api${path}`).set('Authorization', `Bearer ${await token(user)}`),
  });
  const remark = (user: Username, tid: string, kind: string, fields: Record<string, unknown> = {}) => as(user).post(`/orders/${tid}/remarks`, { kind, fields });

  return { app, clock, store, orders, platform, module, as, remark, token };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
