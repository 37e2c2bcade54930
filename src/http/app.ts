import express, { type Router } from 'express';
import helmet from 'helmet';
import { allowedRoutes, type Sessions } from '../accounts/index.js';
import type { Logger } from '../shared/logger.js';
import { NotFoundError } from '../shared/errors.js';
import { bearerToken, cookieToken, currentUser, requireAuth, SESSION_COOKIE } from './auth-middleware.js';
import { errorMiddleware } from './error-middleware.js';
import { lockoutsRouter } from './lockouts-router.js';
import { guardRoutes } from './route-guard.js';
import { z } from 'zod';

export interface ApiRoute {
  /** Mounted under /api, behind authentication. */
  path: string;
  router: Router;
}

export interface AppDeps {
  logger: Logger;
  sessions: Sessions;
  /** Cookie lifetime; the session itself expires by the sessions module. */
  sessionHours?: number;
  health: () => Record<string, unknown>;
  /** Domain routers, each from its own folder. */
  routes: ApiRoute[];
  /** Outside systems emulated in-process (the sandbox shop and courier), mounted at /sandbox without our auth. */
  sandbox?: Router[];
  consoleDir: string;
  /** Called after a write through the API succeeded (the live console then looks whether the open items changed). */
  onWrite?: () => void;
}

const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

/** The HTTP shell: authentication, the domain routers, the console, and one error table. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          // Shops serve the console over plain http on their LAN: upgrading its requests to https would break it.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );

  app.get('/healthz', (_req, res) => res.json({ ok: true, ...deps.health() }));
  for (const r of deps.sandbox ?? []) app.use('/sandbox', r);

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.post('/session', async (req, res) => {
    const body = loginBody.parse(req.body);
    // req.ip: the socket's address, or the forwarded one when a proxy on this machine passed it on (trust proxy).
    const session = await deps.sessions.login(body.username, body.password, req.ip);
    // The console uses the cookie; API clients use the token from the body as a Bearer header.
    res.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      maxAge: (deps.sessionHours ?? 12) * 3600_000,
    });
    res.status(201).json({ ...session, can: allowedRoutes(session.user.role) });
  });
  api.use(requireAuth(deps.sessions));
  if (deps.onWrite) {
    const onWrite = deps.onWrite;
    api.use((req, res, next) => {
      if (req.method !== 'GET') res.on('finish', () => res.statusCode < 400 && onWrite());
      next();
    });
  }
  // `can`: the routes this person may call, from the role table, so the console hides what the API would refuse.
  api.get('/me', (req, res) => res.json({ user: currentUser(req), can: allowedRoutes(currentUser(req).role) }));
  api.delete('/session', async (req, res) => {
    await deps.sessions.logout((bearerToken(req) ?? cookieToken(req))!);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
  api.use('/lockouts', lockoutsRouter(deps.sessions, deps.logger));
  for (const route of deps.routes) api.use(route.path, route.router);
  // Every route, ours and the features', gets the role table's check; one the table lacks is refused to all.
  const missing = guardRoutes(api, '/api');
  if (missing.length)
    deps.logger.error({ routes: missing }, 'routes without an entry in accounts/permissions.ts are refused');
  api.use((req, _res, next) =>
    next(
      new NotFoundError({
        message: '没有这个接口，请刷新页面后重试',
        code: 'no_route',
        params: { method: req.method, path: `/api${req.path}` },
      }),
    ),
  );
  app.use('/api', api);

  app.use(express.static(deps.consoleDir, { index: 'index.html', maxAge: 0 }));
  app.use(errorMiddleware(deps.logger));
  return app;
}
