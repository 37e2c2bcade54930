/**
 * Sales wired for the composition root: the commission report (the month per staff member, the names to map, the
 * keeper's corrections) and the older day-range report, both counting only real sales (sale-rule.ts).
 */
import type { Router } from 'express';
import { may, type User } from '../accounts/index.js';
import type { Order } from '../orders/index.js';
import { shanghaiDate, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { createAttributionRepository } from './attribution-repository.js';
import { commissionRouter } from './commission-router.js';
import { createCommissionService, type SaleRecordLike } from './commission-service.js';
import { saleAmount } from './sale-rule.js';
import { ownReport, salesReport, type SaleRecordEntry, type SalesReport } from './sales-report.js';
import { salesRouter } from './sales-router.js';

export function createSalesModule(deps: {
  store: Store;
  clock: Clock;
  orders: { get(tid: string): Order | undefined; all(): Iterable<Order> };
  entries(): Iterable<SaleRecordEntry & SaleRecordLike>;
  staff: { list(): readonly { username: string; displayName: string }[] };
}) {
  const commission = createCommissionService({
    orders: deps.orders,
    entries: deps.entries,
    staff: deps.staff,
    repo: createAttributionRepository(deps.store),
    clock: deps.clock,
  });
  // A closed, unpaid or fully refunded order is no sale: null leaves it out of the range report too.
  const saleAmountOf = (tid: string): number | null | undefined => {
    const o = deps.orders.get(tid);
    if (!o) return undefined;
    const a = saleAmount(o);
    return a.counts ? a.amountFen : null;
  };
  const report = (from: string, to: string, user?: User): SalesReport => {
    const all = salesReport({ entries: deps.entries(), paymentOf: saleAmountOf, from, to });
    return !user || may(user.role, 'sales.all-staff') ? all : ownReport(all, user.username);
  };
  const thisMonth = () => shanghaiDate(deps.clock.now()).slice(0, 7);
  const routers: { path: string; router: Router }[] = [
    { path: '/sales', router: salesRouter({ report }) },
    { path: '/sales', router: commissionRouter({ commission, thisMonth }) },
  ];
  return { report, commission, routers };
}
