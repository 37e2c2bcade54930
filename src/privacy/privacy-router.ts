/**
 * POST /api/orders/:tid/receiver/reveal (the receiver in full, for a scene and a reason: answered once, never
 * stored, never cached), and the admin's GET /api/privacy/access-log (+ /export as CSV) and
 * GET /api/privacy/decrypt-quota. Who may call which is the role table's (accounts/permissions.ts).
 */
import { Router } from 'express';
import { z } from 'zod';
import { ROLE_LABELS } from '../accounts/index.js';
import { currentUser, fieldLabels } from '../http/index.js';
import { DECRYPT_SCENES, type DecryptQuota } from '../platform/index.js';
import { shopDate } from '../shared/shop-date.js';
import { accessLogCsv, type AccessLog } from './access-log.js';
import { PRIVACY_WORDS as W } from './privacy-labels.js';
import { REASON_MAX, type RevealService } from './reveal-service.js';

const revealBody = z.object({
  scene: z.string().trim().min(1, '请选择查看用途'),
  reason: z.string().trim().min(1, '请写明查看的原因').max(REASON_MAX, `原因最多 ${REASON_MAX} 个字`),
});

// The shop's one day schema: a day that does not exist (2026-02-30) is refused by name, not read as 2 March.
const day = shopDate.optional();
const accessQuery = z.object({
  from: day,
  to: day,
  username: z.string().trim().max(64).optional(),
  tid: z
    .string()
    .trim()
    .regex(/^\d{1,20}$/, '订单号只能是数字')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  scene: z
    .enum(DECRYPT_SCENES)
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export function revealRouter(service: RevealService): Router {
  const r = Router();
  r.post('/:tid/receiver/reveal', async (req, res) => {
    const body = revealBody.parse(req.body ?? {});
    const receiver = await service.reveal(currentUser(req), String(req.params.tid), body.scene, body.reason);
    // The plain receiver is for this answer alone: no browser or proxy cache keeps it.
    res.setHeader('Cache-Control', 'no-store');
    res.json({ receiver });
  });
  r.use(fieldLabels({ scene: W.revealScene, reason: W.revealReason }));
  return r;
}

export function privacyRouter(deps: { log: AccessLog; quota(): DecryptQuota }): Router {
  const r = Router();
  const filterOf = (query: unknown) => {
    const q = accessQuery.parse(query);
    return { ...q, username: q.username || undefined };
  };
  r.get('/access-log', async (req, res) => {
    const records = await deps.log.list(filterOf(req.query));
    res.json({ records, quota: deps.quota() });
  });
  r.get('/access-log/export', async (req, res) => {
    const records = await deps.log.list(filterOf(req.query));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="privacy-access-log.csv"');
    res.send(accessLogCsv(records, ROLE_LABELS));
  });
  r.get('/decrypt-quota', (_req, res) => {
    res.json({ quota: deps.quota() });
  });
  r.use(
    fieldLabels({
      from: W.filterFrom,
      to: W.filterTo,
      username: W.filterUser,
      tid: W.filterTid,
      scene: W.filterScene,
    }),
  );
  return r;
}
