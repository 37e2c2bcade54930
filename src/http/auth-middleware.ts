import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { User, Sessions } from '../accounts/index.js';
import { AuthenticationError, ForbiddenError } from '../shared/errors.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The logged-in person: the only source of a staff name in anything xiaoer writes. */
    user?: User;
  }
}

/** The console's session cookie: HttpOnly (no script can read it) and SameSite=Strict (no other site sends it). */
export const SESSION_COOKIE = 'xiaoer_session';
/**
 * Cookie-authenticated writes must carry this header: a cross-site form cannot set it, and a cross-site script needs
 * CORS we never grant.
 */
export const CSRF_HEADER = 'x-xiaoer-csrf';

export function bearerToken(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || undefined;
  return undefined;
}

export function cookieToken(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE)
      return decodeURIComponent(part.slice(eq + 1).trim()) || undefined;
  }
  return undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Bearer tokens (API clients, the CLI) or the console's cookie, which also needs the CSRF header on writes. */
export function requireAuth(sessions: Sessions): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const bearer = bearerToken(req);
    const token = bearer ?? cookieToken(req);
    const user = sessions.authenticate(token);
    if (!user) return next(new AuthenticationError());
    if (!bearer && !SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== '1') {
      return next(
        new ForbiddenError({
          message: '请求缺少防跨站标记，请刷新页面后重试',
          code: 'csrf',
          detail: 'missing CSRF header',
        }),
      );
    }
    req.user = user;
    next();
  };
}

export function currentUser(req: Request): User {
  if (!req.user) throw new AuthenticationError();
  return req.user;
}
