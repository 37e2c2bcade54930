/**
 * /api/open-items: every open item (snoozed ones too) and the four actions on one, whatever stores it. The person
 * acting is the login; a body naming someone else is refused (`.strict()`), never believed.
 */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../http/index.js';
import type { OpenItemActions } from './open-item-actions.js';
import { allOpenItems } from './report-open-items.js';
import type { HandoverSources } from './handover-sources.js';

const note = z.string().trim().max(500, '备注最多 500 字');
const doneBody = z.object({ note: note.optional() }).strict();
const reassignBody = z
  .object({ to: z.string().trim().min(1, '请选择交给谁').max(64), note: note.min(1, '请写明转交的原因') })
  .strict();
const snoozeBody = z
  .object({ until: z.string().trim().min(1, '请填写暂缓到什么时候').max(40), note: note.optional() })
  .strict();
const noteBody = z.object({ note: note.min(1, '请填写备注') }).strict();

export function openItemsRouter(deps: { actions: OpenItemActions; sources: HandoverSources }): Router {
  const r = Router();
  r.get('/', (_req, res) => res.json({ items: allOpenItems(deps.sources) }));
  r.post('/:key/done', async (req, res) => {
    const body = doneBody.parse(req.body ?? {});
    res.json(await deps.actions.done(req.params.key, currentUser(req), body.note));
  });
  r.post('/:key/reassign', async (req, res) => {
    const body = reassignBody.parse(req.body ?? {});
    res.json(await deps.actions.reassign(req.params.key, currentUser(req), body.to, body.note));
  });
  r.post('/:key/snooze', async (req, res) => {
    const body = snoozeBody.parse(req.body ?? {});
    res.json(await deps.actions.snooze(req.params.key, currentUser(req), body.until, body.note));
  });
  r.post('/:key/note', async (req, res) => {
    const body = noteBody.parse(req.body ?? {});
    res.json(await deps.actions.note(req.params.key, currentUser(req), body.note));
  });
  r.use(fieldLabels({ note: '备注', to: '交给', until: '暂缓到' }));
  return r;
}
