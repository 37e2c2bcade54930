/**
 * The features a remark touches, wired together: tasks (a remark opens and closes hand-offs), the balance ledger and
 * refund register (a remark posts to them; the keeper's actions write remarks), remarks themselves and the sales
 * report read from them. Each feature mounts its own routes; this returns them all, with one service object for the
 * CLI and the scheduler.
 */
import type { Router } from 'express';
import { createBalanceLedger, createLedgerModule, createRefundRegister, type ExportFormat } from '../ledger/index.js';
import type { OrderRepository } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import { createRemarksModule, type StaffDirectory } from '../remarks/index.js';
import { createSalesModule } from '../sales/index.js';
import { createKeyedLock, type KeyedLock } from '../shared/keyed-lock.js';
import type { Logger } from '../shared/logger.js';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { createFollowUps, createTasksModule } from '../tasks/index.js';

export interface RemarkFeaturesDeps {
  store: Store;
  platform: ShopPlatform;
  orders: OrderRepository;
  clock: Clock;
  logger: Logger;
  memoDateFormat?: string;
  staffDirectory: StaffDirectory;
  /** Tests only: how long a person waits for the platform before a remark is queued (default 5 s). */
  interactiveDeadlineMs?: number;
  /** The order and buyer lock (default a fresh one): shared across instances on PostgreSQL; tests watch it. */
  lock?: KeyedLock;
}

export function wireRemarkFeatures(deps: RemarkFeaturesDeps) {
  const { store, orders, clock } = deps;
  const lock = deps.lock ?? createKeyedLock();
  const tasks = createTasksModule({ store, clock });
  const ledger = createBalanceLedger(store);
  const refunds = createRefundRegister(store);
  // A trade a remark could not close is a follow-up for the writer, among the open items of the handover.
  const followUps = createFollowUps({ store, clock });
  const remarks = createRemarksModule({ ...deps, tasks: tasks.service, ledger, refunds, lock, followUps });
  const keeper = createLedgerModule({ ledger, refunds, orders, remarks: remarks.service, lock, clock });
  const sales = createSalesModule({
    store,
    clock,
    orders,
    entries: remarks.service.entries,
    staff: deps.staffDirectory,
  });

  const service = {
    ...remarks.service,
    tasks: tasks.service,
    ledger: { account: keeper.service.account, credit: keeper.service.credit },
    refunds: {
      list: keeper.service.listRefunds,
      register: keeper.service.registerRefund,
      markPaid: keeper.service.markRefundPaid,
    },
    /** The day's refund register as CSV (UTF-8 BOM, CRLF) or XLSX, for `xiaoer refunds export --date`. */
    exportRefunds: (date: string, format: ExportFormat = 'csv') => keeper.service.exportRefunds(date, format),
    salesReport: sales.report,
  };
  const routers: { path: string; router: Router }[] = [
    ...remarks.routers,
    ...tasks.routers,
    ...keeper.routers,
    ...sales.routers,
  ];
  // The lock goes on to returns and printing: their keys (return:, print-batch:) only ever wrap order: keys, never
  // the other way round, so one lock for all of them cannot deadlock.
  return { service, routers, jobs: remarks.jobs, lock };
}

export type RemarkFeatures = ReturnType<typeof wireRemarkFeatures>;
export type RemarkFeaturesService = RemarkFeatures['service'];
