/**
 * Mounted at /api/messages. POST previews or queues a buyer message (sent at once when it is due
 * and allowed: into the outbox in the sandbox); GET lists the outbox and the log; staff mark an
 * outbox message sent after pasting it, or cancel one still waiting; a job's message that lacks a value
 * (待补充) is filled in (POST /:id/values: queued, sent at once when due) or dismissed with a note.
 */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../../http/index.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';
import type { ComplianceCheck } from '../compliance/compliance-check.js';
import { MESSAGE_STATE_LABELS, MESSAGE_STATES, WORKFLOW_KINDS, type MessageState } from '../outbound/message.js';
import type { MessageService } from '../outbound/message-service.js';
import { MESSAGE_KIND_LABELS, MESSAGE_KINDS } from '../templates/metadata.js';

/** What staff call this router's fields, in its error messages. */
const LABELS = {
  kind: { label: '消息类型', values: MESSAGE_KIND_LABELS },
  state: { label: '消息状态', values: MESSAGE_STATE_LABELS },
  values: '填写项',
  dueAt: { label: '发送时间', example: '2026-11-23T20:00:00+08:00' },
  buyer: '买家昵称',
  audience: { label: '发送对象', values: { buyer: '买家', staff: '同事' } },
  limit: '条数',
  note: '说明',
};

const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO-8601 instant with its offset');
const body = z.object({
  kind: z.enum(MESSAGE_KINDS),
  tid: z
    .string()
    .regex(/^\d{1,24}$/, 'tid is the order number')
    .optional(),
  buyerNick: z.string().min(1).max(64).optional(),
  values: z.record(z.string(), z.string().max(500)).optional(),
  dueAt: instant.optional(),
  preview: z.boolean().optional(),
});
const listQuery = z.object({
  state: z.string().optional(),
  kind: z.string().max(64).optional(),
  tid: z.string().max(24).optional(),
  buyer: z.string().max(64).optional(),
  audience: z.enum(['buyer', 'staff']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const cancelBody = z.object({ reason: z.string().min(1).max(200).optional() });
const valuesBody = z.object({ values: z.record(z.string(), z.string().max(500)) });
const dismissBody = z.object({ note: z.string().max(200).optional() });
const YES = new Set(['1', 'true', 'yes']);

function states(text: string | undefined): MessageState[] | undefined {
  if (!text) return undefined;
  const list = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.map((s) => z.object({ state: z.enum(MESSAGE_STATES) }).parse({ state: s }).state);
}

export function messagesRouter(service: MessageService, compliance: ComplianceCheck): Router {
  const r = Router();
  r.post('/', async (req, res) => {
    const b = body.parse(req.body ?? {});
    const user = currentUser(req);
    const request = {
      kind: b.kind,
      reason: `staff:${user.username}`,
      user,
      ...(b.tid ? { tid: b.tid } : {}),
      ...(b.buyerNick ? { buyerNick: b.buyerNick } : {}),
      ...(b.values ? { values: b.values } : {}),
      ...(b.dueAt ? { dueAt: b.dueAt } : {}),
    };
    if (b.preview || YES.has(String(req.query.preview ?? '').toLowerCase())) {
      res.json({ preview: true, ...service.preview(request) });
      return;
    }
    const workflow = WORKFLOW_KINDS[b.kind];
    if (workflow) {
      // What was typed is still checked first: a forbidden phrase is named whatever the route.
      compliance.refuseValues(b.values ?? {}, '');
      throw new ConflictError({ message: workflow, code: 'kind_has_workflow', params: { kind: b.kind } });
    }
    const result = await service.enqueueAndSend(request);
    if (!result.queued && result.reason === 'order_not_found')
      throw new NotFoundError({
        message: `订单 ${b.tid} 不存在`,
        code: 'order_not_found',
        params: { tid: b.tid ?? '' },
      });
    res.status(result.queued ? 201 : 200).json(result);
  });
  r.get('/', (req, res) => {
    const q = listQuery.parse(req.query);
    const all = service.list({
      ...(states(q.state) ? { state: states(q.state) } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.tid ? { tid: q.tid } : {}),
      ...(q.buyer ? { buyer: q.buyer } : {}),
      ...(q.audience ? { audience: q.audience } : {}),
    });
    res.json({ total: all.length, messages: all.slice(0, q.limit) });
  });
  r.get('/:id', async (req, res) => {
    res.json(await service.get(req.params.id));
  });
  r.post('/:id/sent', async (req, res) => {
    res.json({ message: await service.markSent(req.params.id, currentUser(req)) });
  });
  r.post('/:id/cancel', async (req, res) => {
    const b = cancelBody.parse(req.body ?? {});
    res.json({ message: await service.cancel(req.params.id, currentUser(req), b.reason) });
  });
  r.post('/:id/values', async (req, res) => {
    const b = valuesBody.parse(req.body ?? {});
    res.json(await service.fillValues(req.params.id, b.values, currentUser(req)));
  });
  r.post('/:id/dismiss', async (req, res) => {
    const b = dismissBody.parse(req.body ?? {});
    res.json({ message: await service.dismiss(req.params.id, currentUser(req), b.note) });
  });
  r.use(fieldLabels(LABELS));
  return r;
}
