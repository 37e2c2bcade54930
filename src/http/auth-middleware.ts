import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ROLE_RANK, type User } from '../accounts/accounts.js';
import type { Sessions } from '../accounts/sessions.js';
import type { Role } from '../config/config-schema.js';
import { AuthenticationError, ForbiddenError } from '../shared/errors.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The logged-in person: the only source of a staff name in anything xiaoer writes. */
    user?: User;
  }
}

export function bearerToken(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || undefined;
  return undefined;
}

export function requireAuth(sessions: Sessions): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const user = sessions.authenticate(bearerToken(req));
    if (!user) return next(new AuthenticationError());
    req.user = user;
    next();
  };
}

/** Admin passes every check; keeper passes keeper checks; a role list names exactly who may. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const user = req.user;
    if (!user) return next(new AuthenticationError());
    if (user.role === 'admin' || roles.includes(user.role)) return next();
    next(new ForbiddenError(`需要 ${roles.join('/')} 权限 (requires role ${roles.join(' or ')})`));
  };
}

export function currentUser(req: Request): User {
  if (!req.user) throw new AuthenticationError();
  return req.user;
}

export { ROLE_RANK };
