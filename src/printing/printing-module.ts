/**
 * The print-batch feature wired in one place: the batches over the shared store, the jobs (one per batch time) for
 * the scheduler, /api/print-batches. Remarks are written through the remark service handed in, never here.
 */
import type { Router } from 'express';
import type { OrderRepository } from '../orders/index.js';
import { createKeyedLock, createOrderRemarkFacts, type KeyedLock } from '../remarks/index.js';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { createBatchRepository } from './batch-repository.js';
import { createPrintingService, type PrintingConfig, type PrintingDeps } from './batch-service.js';
import { createLabelCheck } from './label-check.js';
import { printBatchJobs } from './print-jobs.js';
import { printingRouter } from './printing-router.js';

export interface PrintingModuleDeps {
  store: Store;
  orders: Pick<OrderRepository, 'get' | 'all'>;
  clock: Clock;
  /** config.jobs.printBatches. */
  config: PrintingConfig & { catchUpMinutes?: number };
  /** config.memoDateFormat, default 'MM.DD': how a print remark's date reads in the memo. */
  memoDateFormat?: string;
  writeRemark: PrintingDeps['writeRemark'];
  /** Orders whose details sync still reads (the message channel's deferred reads): held, read before a batch. */
  details?: PrintingDeps['details'];
  /**
   * The order lock (wire-domains passes the remark features' one): one "printed" run per batch across instances on
   * PostgreSQL, or a second instance writes every order's print remark again. Default: this process's own.
   */
  lock?: KeyedLock;
}

export function createPrintingModule(deps: PrintingModuleDeps) {
  const repo = createBatchRepository(deps.store);
  const facts = createOrderRemarkFacts(deps.store, deps.memoDateFormat);
  const service = createPrintingService({
    repo,
    orders: deps.orders,
    facts,
    writeRemark: deps.writeRemark,
    lock: deps.lock ?? createKeyedLock(),
    clock: deps.clock,
    config: deps.config,
    ...(deps.details ? { details: deps.details } : {}),
  });
  const routers: { path: string; router: Router }[] = [
    { path: '/print-batches', router: printingRouter({ printing: service, clock: deps.clock }) },
  ];
  return {
    service,
    /** Whether a printed label no longer matches its order's receiver (the label-fix hand-off). */
    labels: createLabelCheck({ repo, facts, clock: deps.clock, times: deps.config.times }),
    routers,
    jobs: printBatchJobs({ printing: service, clock: deps.clock, catchUpMinutes: deps.config.catchUpMinutes ?? 120 }),
  };
}

export type PrintingModule = ReturnType<typeof createPrintingModule>;
