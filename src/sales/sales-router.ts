/** /api/sales/report?from=YYYY-MM-DD&to=YYYY-MM-DD: sales per staff from the sale-record remarks. */
import { Router } from 'express';
import { z } from 'zod';
import type { User } from '../accounts/index.js';
import { currentUser } from '../http/index.js';
import { ValidationError } from '../shared/errors.js';
import { shopDate } from '../shared/shop-date.js';
import { DAY, startOfShanghaiDay } from '../shared/time.js';
import type { SalesReport } from './sales-report.js';

const query = z.object({ from: shopDate, to: shopDate.optional() });
const MAX_DAYS = 366;

export function salesRouter(deps: { report(from: string, to: string, user: User): SalesReport }): Router {
  const r = Router();
  r.get('/report', (req, res) => {
    const q = query.parse(req.query);
    const to = q.to ?? q.from;
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
