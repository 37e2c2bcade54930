/**
 * /api/lockouts (admin): who is locked out by wrong passwords now, and letting an account or a client address in
 * again (the console's 登录锁定 page). Who may call it is the role table's (accounts/permissions.ts).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Sessions } from '../accounts/index.js';
import type { Logger } from '../shared/logger.js';
import { currentUser } from './auth-middleware.js';
import { fieldLabels } from './error-middleware.js';

const unlockBody = z
  .object({
    username: z.string().trim().min(1).max(64).optional(),
    client: z.string().trim().min(1).max(64).optional(),
  })
  .strict()
  .refine((b) => b.username !== undefined || b.client !== undefined, {
    message: '请填写要解锁的账号或电脑地址',
    path: ['username'],
  });

export function lockoutsRouter(sessions: Sessions, logger: Logger): Router {
  const r = Router();
  r.get('/', (_req, res) => {
    res.json({ lockouts: sessions.lockouts() });
  });
  r.post('/unlock', async (req, res) => {
    const target = unlockBody.parse(req.body ?? {});
    const cleared = await sessions.unlock(target);
    // Who let whom in is worth a line in the log: an unlock undoes a protection.
    logger.info({ by: currentUser(req).username, ...target, cleared }, 'login lockout cleared by hand');
    res.json({ cleared, lockouts: sessions.lockouts() });
  });
  r.use(fieldLabels({ username: '账号', client: '电脑地址' }));
  return r;
}
