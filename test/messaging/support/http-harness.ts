/** The real HTTP app with real logins and the messaging module mounted as the composition root mounts it. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_PASSWORD, loadAccounts } from '../../../src/accounts/accounts.js';
import { createSessions } from '../../../src/accounts/sessions.js';
import type { Config } from '../../../src/config/config-schema.js';
import { createApp } from '../../../src/http/app.js';
import type { MessagingConfigInput } from '../../../src/messaging/index.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { world } from './world.js';

export async function startMessagingApp(opts: { now?: string; config?: MessagingConfigInput } = {}) {
  const w = await world(opts);
  const accounts = await loadAccounts({ staff: [], platform: { kind: 'sandbox' } } as unknown as Pick<Config, 'staff' | 'platform'>);
  const sessions = createSessions({ store: w.store, accounts, clock: w.clock, sessionHours: 12 });
  const consoleDir = await mkdtemp(join(tmpdir(), 'xiaoer-console-'));
  const app = createApp({ logger: silentLogger(), sessions, health: () => ({}), routes: w.module.routers, consoleDir });

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
    post: async (path: string, body: unknown = {}) => request(app).post(`/api${path}`).set('Authorization', `Bearer ${await token(user)}`).send(body as object),
    get: async (path: string) => request(app).get(`/api${path}`).set('Authorization', `Bearer ${await token(user)}`),
  });
  return { ...w, app, as };
}
