/**
 * The remarks feature wired in one place: the write service over the shared store, the outbox job that lands
 * pending remarks, the history and /api/orders/:tid/remarks. Tasks, the balance ledger and the refund register are
 * features of their own, handed in because a remark opens a task or posts a movement.
 */
import type { Router } from 'express';
import type { BalanceLedger, RefundRegister } from '../ledger/index.js';
import type { OrderRepository } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import type { Job } from '../scheduler/index.js';
import type { KeyedLock } from '../shared/keyed-lock.js';
import type { Logger } from '../shared/logger.js';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import type { TaskService } from '../tasks/index.js';
import { createRemarkOutbox } from './remark-outbox.js';
import { orderRemarks } from './remark-history.js';
import { createRemarkRepository } from './remark-repository.js';
import { createRemarkService } from './remark-service.js';
import { remarksRouter } from './remarks-router.js';
import type { StaffDirectory } from './staff-directory.js';
import type { CloseFollowUps } from './trade-close.js';

export interface RemarksModuleDeps {
  store: Store;
  platform: ShopPlatform;
  orders: OrderRepository;
  clock: Clock;
  logger: Logger;
  /** config.memoDateFormat, default 'MM.DD'. */
  memoDateFormat?: string;
  staffDirectory: StaffDirectory;
  tasks: TaskService;
  ledger: BalanceLedger;
  refunds: RefundRegister;
  /** One lock per order (and per buyer for ledger credits), shared with the ledger's keeper actions. */
  lock: KeyedLock;
  /** Where a trade a remark could not close becomes a follow-up for the writer (tasks' createFollowUps). */
  followUps?: CloseFollowUps;
  /** Tests only: how long a person waits for the platform (default INTERACTIVE_DEADLINE_MS, 5 s). */
  interactiveDeadlineMs?: number;
}

export function createRemarksModule(deps: RemarksModuleDeps) {
  const dateFormat = deps.memoDateFormat ?? 'MM.DD';
  const { lock, tasks, ledger, refunds } = deps;
  const remarks = createRemarkRepository(deps.store);
  const logger = deps.logger.child({ module: 'remarks' });
  const remarkService = createRemarkService({
    remarks,
    tasks,
    ledger,
    refunds,
    directory: deps.staffDirectory,
    platform: deps.platform,
    orders: deps.orders,
    lock,
    clock: deps.clock,
    logger,
    dateFormat,
    interactiveDeadlineMs: deps.interactiveDeadlineMs,
    followUps: deps.followUps,
  });
  const outbox = createRemarkOutbox({
    remarks,
    platform: deps.platform,
    orders: deps.orders,
    lock,
    clock: deps.clock,
    logger,
    followUps: deps.followUps,
  });

  const service = {
    /** Writes one remark as `user` (HTTP: the logged-in person; CLI: config.cliUser). */
    write: remarkService.write,
    stateOf: remarkService.stateOf,
    history: (tid: string) =>
      orderRemarks({ remarks, orders: deps.orders, directory: deps.staffDirectory, dateFormat }, tid),
    runOutbox: outbox.runOnce,
    /** Every entry, for the sales report and the handover. */
    entries: () => remarks.all(),
  };

  const routers: { path: string; router: Router }[] = [
    {
      path: '/orders',
      router: remarksRouter({ write: service.write, history: service.history, stateOf: service.stateOf }),
    },
  ];
  const jobs: Job[] = [outbox.job];
  return { service, routers, jobs };
}

export type RemarksModule = ReturnType<typeof createRemarksModule>;
export type RemarksService = RemarksModule['service'];
