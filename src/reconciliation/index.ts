/**
 * Bank-transfer orders (汇款流程, issue 5): statement parsing, matching, and the transfer feature wired in one
 * factory for the composition root, which mounts `routers` under /api and hands `service` to the CLI and
 * the scheduler (threeDayRule, duplicateTrades, dailyRegister).
 */
import type { Router } from 'express';
import type { OrderRepository } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import type { KeyedLock } from '../shared/keyed-lock.js';
import type { Logger } from '../shared/logger.js';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { createTransferRepository } from './transfers/transfer-repository.js';
export { TRANSFERS, TRANSFER_ROWS, TRANSFER_ROWS_COLLECTION } from './transfers/transfer-repository.js';
import { createTransfersService, type TransfersService } from './transfers/transfers-facade.js';
import { transfersRouter } from './transfers/transfers-router.js';
import type { MessageSink, RemarkWriter, FollowUpOpener } from './transfers/transfer-ports.js';

export interface TransfersModuleDeps {
  store: Store;
  orders: OrderRepository;
  platform: ShopPlatform;
  clock: Clock;
  logger: Logger;
  remarks: RemarkWriter;
  tasks?: FollowUpOpener;
  messages?: MessageSink;
  /** The order lock, shared across instances on PostgreSQL (wire-domains passes the remark features' one). */
  lock?: KeyedLock;
}

export function createTransfersModule(deps: TransfersModuleDeps): {
  service: TransfersService;
  routers: { path: string; router: Router }[];
} {
  const service = createTransfersService({
    repo: createTransferRepository(deps.store),
    orders: deps.orders,
    platform: deps.platform,
    remarks: deps.remarks,
    clock: deps.clock,
    logger: deps.logger.child({ module: 'transfers' }),
    ...(deps.tasks ? { tasks: deps.tasks } : {}),
    ...(deps.messages ? { messages: deps.messages } : {}),
    ...(deps.lock ? { lock: deps.lock } : {}),
  });
  return { service, routers: [{ path: '/transfers', router: transfersRouter(service) }] };
}

export type TransfersModule = ReturnType<typeof createTransfersModule>;
export type { TransfersService, MessageSink, RemarkWriter, FollowUpOpener };
export type { TransferOrder, TransferState, StoredRow, AuditEvent, SurplusNote } from './transfers/transfer-types.js';
export {
  IDENTIFY_LABELS as TRANSFER_IDENTIFY_LABELS,
  STATE_LABELS as TRANSFER_STATE_LABELS,
  TRANSFER_STATES,
} from './transfers/transfer-types.js';
export type { ImportSummary } from './transfers/statement-import.js';
export type { RegisterFormat, Register } from './transfers/transfer-register.js';
export { benchMatching, type MatchingFigures } from './bench/match-benchmark.js';
export { transferChecks, transferStatus } from './transfers/transfer-read-side.js';
