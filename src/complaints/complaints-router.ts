/** /api/complaints: record, list, and the steps respond → verify → outcome → satisfaction. */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../http/index.js';
import {
  CATEGORY_TEXT,
  CHANNEL_TEXT,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  SATISFACTION,
  SATISFACTION_TEXT,
} from './complaint.js';
import type { ComplaintService } from './complaint-service.js';

const recordBody = z
  .object({
    buyerNick: z.string().min(1).max(64),
    tid: z
      .string()
      .regex(/^\d{1,25}$/, 'tid is digits only')
      .nullish(),
    channel: z.enum(COMPLAINT_CHANNELS),
    category: z.enum(COMPLAINT_CATEGORIES),
    content: z.string().min(1).max(2000),
  })
  .strict();
const noteBody = z.object({ note: z.string().max(1000).default('') }).strict();
const satisfactionBody = z.object({ level: z.enum(SATISFACTION), note: z.string().max(1000).default('') }).strict();
const listQuery = z.object({
  state: z.enum(['open', 'closed', 'all']).default('open'),
  late: z.enum(['1', 'true', '0', 'false']).optional(),
});

export function complaintsRouter(deps: { complaints: ComplaintService }): Router {
  const c = deps.complaints;
  const r = Router();
  r.get('/', (req, res) => {
    const q = listQuery.parse(req.query);
    res.json({
      complaints: c.list({ state: q.state === 'all' ? undefined : q.state, late: q.late === '1' || q.late === 'true' }),
    });
  });
  r.post('/', async (req, res) =>
    res.status(201).json({ complaint: await c.record(recordBody.parse(req.body), currentUser(req)) }),
  );
  r.get('/:id', (req, res) => res.json({ complaint: c.get(req.params.id) }));
  r.post('/:id/respond', async (req, res) =>
    res.json({ complaint: await c.respond(req.params.id, currentUser(req), noteBody.parse(req.body ?? {}).note) }),
  );
  r.post('/:id/verify', async (req, res) =>
    res.json({ complaint: await c.verify(req.params.id, currentUser(req), noteBody.parse(req.body ?? {}).note) }),
  );
  r.post('/:id/outcome', async (req, res) =>
    res.json({ complaint: await c.tellOutcome(req.params.id, currentUser(req), noteBody.parse(req.body ?? {}).note) }),
  );
  r.post('/:id/satisfaction', async (req, res) => {
    const body = satisfactionBody.parse(req.body);
    res.json({ complaint: await c.recordSatisfaction(req.params.id, currentUser(req), body.level, body.note) });
  });
  r.use(
    fieldLabels({
      // A refusal lists the choices by the names the console shows (complaint.ts holds them).
      channel: { label: '投诉渠道', values: CHANNEL_TEXT },
      category: { label: '投诉类别', values: CATEGORY_TEXT },
      content: '投诉内容',
      level: { label: '满意度', values: SATISFACTION_TEXT },
      state: '投诉状态',
      late: '是否超时',
    }),
  );
  return r;
}
