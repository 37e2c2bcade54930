/**
 * Mounted at /api/quick-replies: search (an empty q lists all, each with its id), render one for
 * an order with the staff's answers, and usage counts per staff.
 */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../../http/index.js';
import type { QuickReplyService } from '../quick-replies/quick-reply-service.js';

const renderBody = z.object({
  tid: z
    .string()
    .regex(/^\d{1,24}$/, 'tid is the order number')
    .optional(),
  values: z.record(z.string(), z.string().max(500)).optional(),
});

export function quickRepliesRouter(service: QuickReplyService): Router {
  const r = Router();
  r.get('/', (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 64) : '';
    const hits = service.search(q);
    res.json({ total: hits.length, quickReplies: hits });
  });
  r.get('/usage', (req, res) => {
    const username = typeof req.query.username === 'string' && req.query.username ? req.query.username : undefined;
    res.json({ usage: service.usage(username) });
  });
  r.post('/:id/render', async (req, res) => {
    const b = renderBody.parse(req.body ?? {});
    res.json(
      await service.render(req.params.id, {
        user: currentUser(req),
        ...(b.tid ? { tid: b.tid } : {}),
        ...(b.values ? { values: b.values } : {}),
      }),
    );
  });
  r.use(fieldLabels({ values: '填写项' }));
  return r;
}
