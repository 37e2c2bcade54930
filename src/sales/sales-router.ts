/** /api/sales/report?from=YYYY-MM-DD&to=YYYY-MM-DD: sales per staff from the sale-record remarks. */
import { Router } from 'express';
import { z } from 'zod';
import type { User } from '../accounts/index.js';
import { currentUser } from '../http/index.js';
import { ValidationError } from '../shared/errors.js';
import { DAY, startOfShanghaiDay } from '../shared/time.js';
import type { SalesReport } from './sales-report.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const query = z.object({
  from: z.string('from 必填 (YYYY-MM-DD)').regex(DATE, 'from must be YYYY-MM-DD'),
  to: z.string().regex(DATE, 'to must be YYYY-MM-DD').optional(),
});
const MAX_DAYS = 366;

function isRealDay(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

export function salesRouter(deps: { report(from: string, to: string, user: User): SalesReport }): Router {
  const r = Router();
  r.get('/report', (req, res) => {
    const q = query.parse(req.query);
    const to = q.to ?? q.from;
    for (const [field, d] of [
      ['from', q.from],
      ['to', to],
    ] as const) {
      if (!isRealDay(d))
        throw new ValidationError({
          message: `${field === 'from' ? '开始日期' : '结束日期'}“${d}”不是真实的日期`,
          code: 'date_invalid',
          field,
          params: { date: d },
        });
    }
    if (to < q.from)
      throw new ValidationError({
        message: '结束日期不能早于开始日期',
        code: 'range_reversed',
        field: 'to',
        params: { from: q.from, to },
      });
    if ((startOfShanghaiDay(to) - startOfShanghaiDay(q.from)) / DAY >= MAX_DAYS)
      throw new ValidationError({
        message: `最多查询${MAX_DAYS}天`,
        code: 'range_too_long',
        field: 'to',
        params: { maxDays: MAX_DAYS },
      });
    res.json(deps.report(q.from, to, currentUser(req)));
  });
  return r;
}
