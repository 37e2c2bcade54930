/**
 * Mounted at /api/orders: POST and GET /:tid/remarks, and GET /:tid/remark-kinds (the kinds the
 * logged-in user may write on the order in its current state, for the console's forms).
 * The writer is always the logged-in user.
 */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../http/index.js';
import type { OrderRemarks } from './remark-history.js';
import { remarkKindsView } from './remark-kinds-view.js';
import type { RemarkOrderState } from './catalogue/index.js';
import type { WriteRequest, WriteResult } from './remark-service.js';

const body = z.object({
  kind: z.string().min(1).max(64),
  fields: z.record(z.string(), z.unknown()).optional(),
  /** false: write the entry but leave the unpaid trade open (default: close it, when the entry says so). */
  closeTrade: z.boolean().optional(),
});
const DRY_RUN = new Set(['1', 'true', 'yes']);

export function remarksRouter(deps: {
  write(req: WriteRequest): Promise<WriteResult>;
  history(tid: string): OrderRemarks;
  stateOf(tid: string): RemarkOrderState;
}): Router {
  const r = Router();
  r.post('/:tid/remarks', async (req, res) => {
    const b = body.parse(req.body ?? {});
    const dryRun = DRY_RUN.has(String(req.query.dryRun ?? '').toLowerCase());
    const result = await deps.write({
      tid: req.params.tid,
      kind: b.kind,
      fields: b.fields,
      user: currentUser(req),
      dryRun,
      closeTrade: b.closeTrade,
    });
    res.status(dryRun ? 200 : 201).json(result);
  });
  r.get('/:tid/remarks', (req, res) => {
    res.json(deps.history(req.params.tid));
  });
  r.get('/:tid/remark-kinds', (req, res) => {
    res.json(remarkKindsView(deps.stateOf, req.params.tid, currentUser(req)));
  });
  r.use(fieldLabels({ kind: '备注类型', fields: '备注内容', closeTrade: '关闭交易' }));
  return r;
}
