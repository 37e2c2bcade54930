/**
 * The commission report wired for the composition root: sales per staff from the sale-record remarks, and /api/sales.
 */
import type { Router } from 'express';
import { salesReport, type SaleRecordEntry, type SalesReport } from './sales-report.js';
import { salesRouter } from './sales-router.js';

export function createSalesModule(deps: {
  entries(): Iterable<SaleRecordEntry>;
  paymentOf(tid: string): number | undefined;
}) {
  const report = (from: string, to: string): SalesReport =>
    salesReport({ entries: deps.entries(), paymentOf: deps.paymentOf, from, to });
  const routers: { path: string; router: Router }[] = [{ path: '/sales', router: salesRouter({ report }) }];
  return { report, routers };
}
