/**
 * Puts the role table's check (accounts/permissions.ts) in front of every route a router serves, so no router
 * keeps a list of roles of its own and a route cannot be served without an entry: one that has none is refused
 * to everyone (fail closed) and named in the log at start-up. The check goes at the head of each route's own
 * handler list, so it judges exactly the route Express picked (`/transfers/queue` and not `/transfers/:id`).
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { mayCall, ROLE_LABELS, routePermission, type RoutePermission } from '../accounts/index.js';
import { AuthenticationError, ForbiddenError } from '../shared/errors.js';

/** The parts of Express's router that the walk reads (router 2.x): mounted routers and their routes. */
interface RouteLike {
  path: string;
  methods: Record<string, boolean | undefined>;
  stack: unknown[];
}
interface LayerLike {
  route?: RouteLike;
  rawPath?: unknown;
  handle?: { stack?: LayerLike[] };
}

const joinPath = (prefix: string, path: string) => (prefix + (path === '/' ? '' : path)).replace(/\/{2,}/g, '/') || '/';

function refusal(p: RoutePermission): ForbiddenError {
  const who = p.roles === 'public' ? [] : p.roles;
  return new ForbiddenError({
    message: `你的账号没有这个操作的权限（需要${who.map((r) => ROLE_LABELS[r]).join('、')}账号）`,
    code: 'forbidden',
    params: { roles: [...who] },
    detail: `${p.method} ${p.path} requires role ${who.join(' or ')}`,
  });
}

/** The check for one route: a named function, so a test can tell it from the route's own handlers. */
function checkFor(method: string, path: string, p: RoutePermission | undefined): RequestHandler {
  return function roleGuard(req: Request, _res: Response, next: NextFunction) {
    if (!p) {
      return next(
        new ForbiddenError({
          message: '这个接口还没有登记谁可以使用，暂时不能调用，请联系管理员',
          code: 'no_permission_entry',
          detail: `${method} ${path} has no entry in accounts/permissions.ts`,
        }),
      );
    }
    if (p.roles === 'public') return next();
    if (!req.user) return next(new AuthenticationError());
    next(mayCall(req.user.role, p) ? undefined : refusal(p));
  };
}

const guarded = new WeakSet<object>();

/**
 * Walks `router` (and every router mounted in it) and puts each route's check first; `prefix` is where
 * `router` is mounted. Returns the routes that have no entry in the table ("METHOD /path").
 */
export function guardRoutes(router: Router, prefix: string): string[] {
  const missing: string[] = [];
  for (const layer of (router as unknown as { stack: LayerLike[] }).stack) {
    const r = layer.route;
    if (r) {
      if (guarded.has(r)) continue;
      guarded.add(r);
      const path = joinPath(prefix, r.path);
      for (const key of Object.keys(r.methods)) {
        // `.all()` routes are keyed `_all`; the table would name them ALL.
        const method = key === '_all' ? 'all' : key;
        const p = routePermission(method, path);
        if (!p) missing.push(`${method.toUpperCase()} ${path}`);
        // Registered the public way (route.get/post…), then moved from the end of the route's list to its head.
        (r as unknown as Record<string, (h: RequestHandler) => void>)[method]!(checkFor(method.toUpperCase(), path, p));
        r.stack.unshift(r.stack.pop());
      }
    } else if (layer.handle?.stack && typeof layer.rawPath === 'string') {
      missing.push(...guardRoutes(layer.handle as unknown as Router, joinPath(prefix, layer.rawPath)));
    }
  }
  return missing;
}
