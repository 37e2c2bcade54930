import type { Router } from 'express';
import request from 'supertest';
import { DEMO_PASSWORD, loadAccounts } from '../../src/accounts/accounts.js';
import { createSessions } from '../../src/accounts/sessions.js';
import type { Config } from '../../src/config/config-schema.js';
import { createApp } from '../../src/http/app.js';
import { packageInfo } from '../../src/shared/package-info.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Clock } from '../../src/shared/time.js';
import type { Store } from '../../src/storage/store.js';

export type Username = 'xiaoli' | 'azhang' | 'xiaozhou' | 'admin';

/**
 * The real HTTP app (auth, error table) with the sandbox's demo accounts and the given routers
 * mounted under /api, as the composition root mounts them; `as(user)` logs in once per user.
 */
export async function apiApp(opts: {
  store: Store;
  clock: Clock;
  routes: { path: string; router: Router }[];
  sessionHours?: number;
}) {
  const accounts = await loadAccounts({ staff: [], platform: { kind: 'sandbox' } } as unknown as Pick<
    Config,
    'staff' | 'platform'
  >);
  const sessions = createSessions({
    store: opts.store,
    accounts,
    clock: opts.clock,
    sessionHours: opts.sessionHours ?? 72,
  });
  const app = createApp({
    logger: silentLogger(),
    sessions,
    health: () => ({}),
    routes: opts.routes,
    consoleDir: packageInfo.consoleDir,
  });
  const tokens = new Map<string, string>();
  async function token(user: string): Promise<string> {
    let t = tokens.get(user);
    if (!t) {
      const res = await request(app).post('/api/session').send({ username: user, password: DEMO_PASSWORD }).expect(201);
      t = res.body.token as string;
      tokens.set(user, t);
    }
    return t;
  }
  const as = (user: string) => ({
    post: async (path: string, body: unknown = {}) =>
      request(app)
        .post(`/api${path}`)
        .set('Authorization', `Bearer ${await token(user)}`)
        .send(body as object),
    put: async (path: string, body: unknown = {}) =>
      request(app)
        .put(`/api${path}`)
        .set('Authorization', `Bearer ${await token(user)}`)
        .send(body as object),
    get: async (path: string) =>
      request(app)
        .get(`/api${path}`)
        .set('Authorization', `Bearer ${await token(user)}`),
  });
  return { app, as, token };
}
