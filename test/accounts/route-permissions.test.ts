/**
 * Every route of the real app (the composition root's, walked from Express's own router stack) × every role,
 * against the role table (src/accounts/permissions.ts). The routes' own handlers are swapped for a stub that
 * names the route, so what is judged is only who gets past the check in front of it, and no handler runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express, Router } from 'express';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/accounts/accounts.js';
import { ROUTE_PERMISSIONS, routePermission } from '../../src/accounts/permissions.js';
import { ROLES, type Role } from '../../src/accounts/staff-account.js';
import { loadConfig } from '../../src/config/load-config.js';
import { guardRoutes } from '../../src/http/route-guard.js';
import { createApp } from '../../src/http/app.js';
import { loadTemplates } from '../../src/messaging/templates/index.js';
import { connectOutside, type Outside } from '../../src/service/outside.js';
import { packageInfo } from '../../src/shared/package-info.js';
import { wireDomains } from '../../src/service/wire-domains.js';
import { createSessions } from '../../src/accounts/sessions.js';
import { silentLogger } from '../../src/shared/logger.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { ROOT } from '../support/service-rig.js';

const USER_OF: Record<Role, string> = { staff: 'xiaoli', assistant: 'azhang', keeper: 'xiaozhou', admin: 'admin' };

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: Layer[] };
  rawPath?: unknown;
  handle: Handle;
}
type Handle = ((req: express.Request, res: express.Response) => void) & { stack?: Layer[] };
interface Found {
  method: string;
  path: string;
  route: NonNullable<Layer['route']>;
}

/** The walk is the test's own (not the guard's), so a route the guard's walk missed is still found here. */
function routesOf(stack: Layer[], prefix: string): Found[] {
  return stack.flatMap((layer): Found[] => {
    if (layer.route) {
      const path = prefix + (layer.route.path === '/' ? '' : layer.route.path) || '/';
      return Object.keys(layer.route.methods).map((m) => ({
        method: m === '_all' ? 'ALL' : m.toUpperCase(),
        path,
        route: layer.route!,
      }));
    }
    if (layer.handle.stack)
      return routesOf(layer.handle.stack, prefix + (layer.rawPath === '/' ? '' : String(layer.rawPath)));
    return [];
  });
}

let dir: string;
let outside: Outside;
let app: Express;
let stop: () => Promise<void>;
let routes: Found[];
const tokens = new Map<Role, string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-roles-'));
  const clock = fixedClock('2026-11-23T10:00:00+08:00');
  const config = loadConfig(
    { XIAOER_DATA_DIR: dir, PORT: '0', XIAOER_SANDBOX_ORDERS: '20', XIAOER_SANDBOX_TICK_MS: '0' },
    ROOT,
  );
  outside = await connectOutside(config, { selfUrl: 'http://127.0.0.1:9', clock, logger: silentLogger() });
  const templates = await loadTemplates(packageInfo.templatesDir);
  const domains = await wireDomains({
    config,
    store: createMemoryStore(),
    outside,
    templates,
    clock,
    logger: silentLogger(),
    runJobs: false,
  });
  app = domains.app;
  stop = async () => {
    await domains.scheduler.stop();
    await outside.close();
  };
  for (const role of ROLES) {
    const res = await request(app)
      .post('/api/session')
      .send({ username: USER_OF[role], password: DEMO_PASSWORD })
      .expect(201);
    tokens.set(role, res.body.token as string);
  }
  routes = routesOf((app as unknown as { router: { stack: Layer[] } }).router.stack, '')
    // The sandbox's TOP gateway and courier are outside systems served by the same process, with their own credentials.
    .filter((r) => !r.path.startsWith('/sandbox/'));
  for (const { method, path, route } of routes) {
    for (const layer of route.stack) {
      if (layer.handle.name !== 'roleGuard')
        layer.handle = function reached(_req: express.Request, res: express.Response) {
          res.json({ reached: `${method} ${path}` });
        };
    }
  }
}, 60_000);
afterAll(async () => {
  await stop();
  await rm(dir, { recursive: true, force: true });
});

const sample = (path: string) => path.replace(/:[A-Za-z]+/g, 'x');
const send = (method: string, path: string, token?: string) => {
  const req = request(app)[method.toLowerCase() as 'get' | 'post' | 'delete'](sample(path));
  return token ? req.set('authorization', `Bearer ${token}`) : req;
};

describe('the role table and the routes the app serves', () => {
  it('when the app is walked, then every route it serves has an entry, and every entry is a route it serves', () => {
    expect(routes.length).toBeGreaterThan(60);
    const served = routes.map((r) => `${r.method} ${r.path}`);
    expect(served.filter((key) => !routePermission(key.split(' ')[0]!, key.split(' ')[1]!))).toEqual([]);
    expect(ROUTE_PERMISSIONS.map((p) => `${p.method} ${p.path}`).filter((key) => !served.includes(key))).toEqual([]);
  });

  it('when each role calls each route, then exactly the roles the table names get through, and the others get 403', async () => {
    const wrong: string[] = [];
    for (const { method, path } of routes) {
      const p = routePermission(method, path)!;
      for (const role of ROLES) {
        const res = await send(method, path, tokens.get(role));
        const allowed = p.roles === 'public' || p.roles.includes(role);
        const ok = allowed
          ? res.status === 200 && res.body.reached === `${method} ${path}`
          : res.status === 403 && res.body.error?.code === 'forbidden';
        if (!ok) wrong.push(`${role} ${method} ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 80)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('when nobody is logged in, then only the public entries answer', async () => {
    for (const { method, path } of routes) {
      const res = await send(method, path);
      expect(res.status, `${method} ${path}`).toBe(routePermission(method, path)!.roles === 'public' ? 200 : 401);
    }
  });

  it('when the transfer routes are asked, then the assistant gets none of them and only the keeper and admin may cancel', () => {
    const transferRoutes = ROUTE_PERMISSIONS.filter((p) => p.path.startsWith('/api/transfers'));
    expect(transferRoutes.filter((p) => p.roles !== 'public' && p.roles.includes('assistant'))).toEqual([]);
    expect(routePermission('POST', '/api/transfers/:id/cancel')!.roles).toEqual(['keeper', 'admin']);
    // Admin passes every check because every entry names it, not because of a rule hidden in code.
    expect(ROUTE_PERMISSIONS.filter((p) => p.roles !== 'public' && !p.roles.includes('admin'))).toEqual([]);
  });
});

describe('a route the table does not know', () => {
  it('when a router serves a route without an entry, then it is refused to every role, even admin, and reported', async () => {
    const clock = fixedClock('2026-11-23T10:00:00+08:00');
    const { loadAccounts } = await import('../../src/accounts/accounts.js');
    const accounts = await loadAccounts({ staff: [], platform: { kind: 'sandbox' } } as never);
    const sessions = createSessions({ store: createMemoryStore(), accounts, clock, sessionHours: 1 });
    const extra: Router = express.Router();
    extra.get('/secret', (_req, res) => {
      res.json({ secret: true });
    });
    const other = createApp({
      logger: silentLogger(),
      sessions,
      health: () => ({}),
      routes: [{ path: '/new-feature', router: extra }],
      consoleDir: packageInfo.consoleDir,
    });
    const token = (
      await request(other).post('/api/session').send({ username: 'admin', password: DEMO_PASSWORD }).expect(201)
    ).body.token as string;
    const res = await request(other).get('/api/new-feature/secret').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('no_permission_entry');
    const again: Router = express.Router();
    again.post('/x', (_req, res) => {
      res.end();
    });
    expect(guardRoutes(again, '/api/elsewhere')).toEqual(['POST /api/elsewhere/x']);
  });
});
