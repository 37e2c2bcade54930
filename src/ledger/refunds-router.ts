/**
 * /api/refunds: the refund register for the keeper. Accounts and real names are personal data, so
 * only the keeper (and admin) list and export it; staff see their own entries in the order history.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { User } from '../accounts/index.js';
import { currentUser, fieldLabels } from '../http/index.js';
import type { ExportFormat } from './refund-export.js';
import { REFUND_STATE_LABELS, type RefundRecord, type RefundState } from './refund-register.js';

const listQuery = z.object({ date: z.string().optional(), state: z.enum(['open', 'registered', 'paid']).optional() });
const exportQuery = z.object({
  date: z.string('date 必填 (YYYY-MM-DD)'),
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

export interface RefundsRouterDeps {
  listRefunds(filter: { date?: string; state?: RefundState }): RefundRecord[];
  registerRefund(id: string, user: User): Promise<unknown>;
  markRefundPaid(id: string, user: User): Promise<RefundRecord>;
  exportRefunds(date: string, format: ExportFormat): Promise<Buffer>;
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function refundsRouter(deps: RefundsRouterDeps): Router {
  const r = Router();
  // Keeper and admin only: the role table (accounts/permissions.ts) says so and the HTTP shell checks it.
  r.get('/', (req, res) => {
    const q = listQuery.parse(req.query);
    res.json({ refunds: deps.listRefunds(q) });
  });
  r.get('/export', async (req, res) => {
    const q = exportQuery.parse(req.query);
    const file = await deps.exportRefunds(q.date, q.format);
    const name = `refunds-${q.date}.${q.format}`;
    res.setHeader('Content-Type', CONTENT_TYPE[q.format]);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.send(file);
  });
  r.post('/:id/registered', async (req, res) => {
    res.json(await deps.registerRefund(String(req.params.id), currentUser(req)));
  });
  r.post('/:id/paid', async (req, res) => {
    res.json({ refund: await deps.markRefundPaid(String(req.params.id), currentUser(req)) });
  });
  r.use(
    fieldLabels({
      state: { label: '退款状态', values: REFUND_STATE_LABELS },
      format: { label: '导出格式', values: { csv: 'CSV', xlsx: 'XLSX' } },
    }),
  );
  return r;
}
