/**
 * The remarks feature wired in one place: repositories over the shared store, the write service,
 * the outbox job, tasks, the balance ledger, the refund register and the sales report, with their
 * routers. The composition root (start-service.ts) calls this once and mounts `routers` under /api.
 */
import type { Router } from 'express';
import type { User } from '../accounts/index.js';
import type { Job } from '../scheduler/index.js';
import { createBalanceLedger, createRefundRegister, ledgerRouter, refundsRouter } from '../ledger/index.js';
import type { ExportFormat } from '../ledger/index.js';
import type { OrderRepository } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import { salesReport, salesRouter, type SalesReport } from '../sales/index.js';
import type { Logger } from '../shared/logger.js';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { createTaskRepository, createTaskService, tasksRouter } from '../tasks/index.js';
import { createKeyedLock } from './keyed-lock.js';
import { createLedgerActions } from './ledger-actions.js';
import { createRemarkOutbox } from './remark-outbox.js';
import { orderRemarks } from './remark-history.js';
import { createRemarkRepository } from './remark-repository.js';
import { createRemarkService } from './remark-service.js';
import { remarksRouter } from './remarks-router.js';
import type { StaffDirectory } from './staff-directory.js';

export interface RemarksModuleDeps {
  store: Store;
  platform: ShopPlatform;
  orders: OrderRepository;
  clock: Clock;
  logger: Logger;
  /** config.memoDateFormat, default 'MM.DD'. */
  memoDateFormat?: string;
  staffDirectory: StaffDirectory;
}

export function createRemarksModule(deps: RemarksModuleDeps) {
  const dateFormat = deps.memoDateFormat ?? 'MM.DD';
  const lock = createKeyedLock();
  const remarks = createRemarkRepository(deps.store);
  const tasks = createTaskService({ repo: createTaskRepository(deps.store), clock: deps.clock });
  const ledger = createBalanceLedger(deps.store);
  const refunds = createRefundRegister(deps.store);
  const logger = deps.logger.child({ module: 'remarks' });
  const remarkService = createRemarkService({
    remarks, tasks, ledger, refunds, directory: deps.staffDirectory,
    platform: deps.platform, orders: deps.orders, lock, clock: deps.clock, logger, dateFormat,
  });
  const outbox = createRemarkOutbox({ remarks, platform: deps.platform, orders: deps.orders, lock, clock: deps.clock, logger });
  const actions = createLedgerActions({ ledger, refunds, orders: deps.orders, service: remarkService, lock, clock: deps.clock });

  const service = {
    /** Writes one remark as `user` (HTTP: the logged-in person; CLI: config.cliUser). */
    write: remarkService.write,
    stateOf: remarkService.stateOf,
    history: (tid: string) => orderRemarks({ remarks, orders: deps.orders, directory: deps.staffDirectory, dateFormat }, tid),
    runOutbox: outbox.runOnce,
    tasks,
    ledger: { account: actions.account, credit: actions.credit },
    refunds: { list: actions.listRefunds, register: actions.registerRefund, markPaid: actions.markRefundPaid },
    /** The day's refund register as CSV (UTF-8 BOM, CRLF) or XLSX, for `xiaoer refunds export --date`. */
    exportRefunds: (date: string, format: ExportFormat = 'csv') => actions.exportRefunds(date, format),
    salesReport: (from: string, to: string): SalesReport =>
      salesReport({ entries: remarks.all(), paymentOf: (tid) => deps.orders.get(tid)?.payment, from, to }),
  };

  const routers: { path: string; router: Router }[] = [
    { path: '/orders', router: remarksRouter({ write: service.write, history: service.history, stateOf: service.stateOf }) },
    { path: '/tasks', router: tasksRouter({ tasks }) },
    { path: '/ledger', router: ledgerRouter({ account: actions.account, credit: actions.credit }) },
    {
      path: '/refunds',
      router: refundsRouter({
        listRefunds: actions.listRefunds,
        registerRefund: (id: string, user: User) => actions.registerRefund(id, user),
        markRefundPaid: actions.markRefundPaid,
        exportRefunds: actions.exportRefunds,
      }),
    },
    { path: '/sales', router: salesRouter({ report: service.salesReport }) },
  ];
  const jobs: Job[] = [outbox.job];
  return { service, routers, jobs };
}

export type RemarksModule = ReturnType<typeof createRemarksModule>;
export type RemarksService = RemarksModule['service'];
