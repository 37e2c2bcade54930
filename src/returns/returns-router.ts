/** /api/returns: the returns being followed, the warehouse's check, marking an exchange, and its new waybill. */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../http/index.js';
import { RETURN_CONDITION_LABELS, RETURN_PURPOSE_LABELS, RETURN_STATE_LABELS } from './return-labels.js';
import { RETURN_CONDITIONS, RETURN_PURPOSES, RETURN_STATES } from './return.js';
import type { ReturnsService } from './returns-service.js';

const listQuery = z.object({ state: z.enum([...RETURN_STATES, 'open', 'all']).default('open') });
const receiptBody = z
  .object({ condition: z.enum(RETURN_CONDITIONS), note: z.string().trim().max(200).optional() })
  .strict();
const purposeBody = z.object({ purpose: z.enum(RETURN_PURPOSES) }).strict();
const exchangeBody = z
  .object({
    courier: z.string().trim().min(1).max(20),
    waybill: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{6,30}$/),
  })
  .strict();

export function returnsRouter(deps: { returns: ReturnsService }): Router {
  const r = Router();
  r.get('/', (req, res) => {
    const q = listQuery.parse(req.query);
    res.json({ returns: deps.returns.list(q.state) });
  });
  r.get('/:id', (req, res) => {
    res.json({ return: deps.returns.get(req.params.id) });
  });
  r.post('/:id/receipt', async (req, res) => {
    const body = receiptBody.parse(req.body ?? {});
    res.json(await deps.returns.confirmReceipt(req.params.id, body, currentUser(req)));
  });
  r.post('/:id/purpose', async (req, res) => {
    const body = purposeBody.parse(req.body ?? {});
    res.json({ return: await deps.returns.setPurpose(req.params.id, body.purpose) });
  });
  r.post('/:id/exchange', async (req, res) => {
    const body = exchangeBody.parse(req.body ?? {});
    res.json(await deps.returns.shipExchange(req.params.id, body, currentUser(req)));
  });
  r.use(
    fieldLabels({
      state: { label: '退货状态', values: { ...RETURN_STATE_LABELS, open: '未完结', all: '全部' } },
      condition: { label: '验收结果', values: RETURN_CONDITION_LABELS },
      purpose: { label: '买家要的', values: RETURN_PURPOSE_LABELS },
      note: '验收备注',
      courier: '快递公司',
      waybill: { label: '运单号', example: '78123456789012' },
    }),
  );
  return r;
}
