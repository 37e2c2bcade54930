/** /api/follow-ups: the follow-ups scheduled jobs opened, and closing one. */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser } from '../http/index.js';
import type { FollowUps } from './follow-ups.js';

const closeBody = z.object({ note: z.string().max(500).optional() }).strict();

export function followUpsRouter(deps: { followUps: FollowUps }): Router {
  const r = Router();
  r.get('/', (req, res) => res.json({ followUps: deps.followUps.list({ open: req.query.state !== 'all' }) }));
  r.post('/:id/close', async (req, res) => {
    const body = closeBody.parse(req.body ?? {});
    res.json({ followUp: await deps.followUps.close(req.params.id, currentUser(req), body.note) });
  });
  return r;
}
