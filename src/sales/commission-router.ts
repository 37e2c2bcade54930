/**
 * /api/sales/commission: the month's commission per staff member (JSON and CSV), and the keeper's decisions: which
 * account a memo name stands for, and one order credited to someone else with a note. Who may call which is the
 * role table's (accounts/permissions.ts); who sees whose sales is the service's (the `sales.all-staff` action).
 */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../http/index.js';
import type { CommissionService } from './commission-service.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthQuery = z.object({
  month: z.string().regex(MONTH, '月份要写成“年-月”，例如 2026-11').optional(),
});
const mappingBody = z.object({
  name: z.string().trim().min(1, '请填写备注里的名字').max(20, '名字最多 20 个字'),
  username: z.string().trim().min(1, '请选择同事的账号'),
});
const correctionBody = z.object({
  username: z.string().trim().min(1, '请选择同事的账号'),
  note: z.string().trim().min(1, '请写明更正的原因').max(200, '说明最多 200 个字'),
});

export function commissionRouter(deps: { commission: CommissionService; thisMonth(): string }): Router {
  const r = Router();
  const monthOf = (query: unknown) => monthQuery.parse(query).month ?? deps.thisMonth();
  r.get('/commission', (req, res) => {
    res.json(deps.commission.month(monthOf(req.query), currentUser(req)));
  });
  r.get('/commission/export', (req, res) => {
    const month = monthOf(req.query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="commission-${month}.csv"`);
    res.send(deps.commission.csv(month, currentUser(req)));
  });
  r.get('/names', (_req, res) => {
    res.json({ mappings: deps.commission.mappings(), colleagues: deps.commission.colleagues() });
  });
  r.post('/names', async (req, res) => {
    const body = mappingBody.parse(req.body);
    res.status(201).json({ mapping: await deps.commission.mapName(body.name, body.username, currentUser(req)) });
  });
  r.post('/corrections/:tid', async (req, res) => {
    const body = correctionBody.parse(req.body);
    const tid = String(req.params.tid);
    res
      .status(201)
      .json({ correction: await deps.commission.correct(tid, body.username, body.note, currentUser(req)) });
  });
  r.use(fieldLabels({ month: '月份', name: '备注里的名字', username: '同事账号', note: '更正说明' }));
  return r;
}
