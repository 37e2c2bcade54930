/** The transfer feature's one service object: what the router, the CLI and the scheduler call. */
import type { User } from '../../accounts/index.js';
import type { KeyedLock } from '../../shared/keyed-lock.js';
import { NotFoundError } from '../../shared/errors.js';
import type { BankId, BankLayoutId, MappingProfile } from '../statement/index.js';
import { importStatement } from './statement-import.js';
import { createChores } from './transfer-chores.js';
import { createConfirmation } from './transfer-confirmation.js';
import type { MessageSink, FollowUpOpener } from './transfer-ports.js';
import { createRegister } from './transfer-register.js';
import { createTransferService, type TransferServiceDeps } from './transfer-service.js';

/** The order service's dependencies, plus the optional ports the chores and confirmations use. */
export interface TransfersDeps extends TransferServiceDeps {
  tasks?: FollowUpOpener;
  messages?: MessageSink;
  /** The order lock (shared across instances on PostgreSQL); default one of this process's own. */
  lock?: KeyedLock;
}

export function createTransfersService(deps: TransfersDeps) {
  const orders = createTransferService(deps);
  const confirmation = createConfirmation(deps);
  const chores = createChores(deps);
  const register = createRegister(deps);
  return {
    create: orders.create,
    claim: orders.claim,
    cancel: orders.cancel,
    list: orders.list,
    get(id: string) {
      const transfer = deps.repo.get(id);
      if (!transfer)
        throw new NotFoundError({ message: `汇款订单 ${id} 不存在`, code: 'transfer_not_found', params: { id } });
      return { transfer, audit: deps.repo.audit({ transferId: id }) };
    },
    /** `xiaoer transfers import <file> [--bank]` and POST /api/transfers/statements. */
    importStatement: (
      bytes: Buffer,
      name: string,
      opts: { bank?: BankLayoutId | BankId; profile?: MappingProfile; user: User },
    ) => importStatement(deps, bytes, name, opts),
    queue: confirmation.queue,
    reject: confirmation.reject,
    confirm: confirmation.confirm,
    unmatch: confirmation.unmatch,
    ship: confirmation.ship,
    shippingList: confirmation.shippingList,
    threeDayRule: chores.threeDayRule,
    duplicateTrades: () => chores.duplicateTrades(),
    closeDuplicate: (transferId: string, tid: string, user: User) => chores.closeDuplicate(transferId, tid, user),
    dailyRegister: register.dailyRegister,
    /** `xiaoer transfers register --date --out file.xlsx|csv`. */
    registerExport: register.registerExport,
    markReviewed: register.markReviewed,
    surplusNotes: () => deps.repo.surplusNotes(),
    audit: (filter?: { transferId?: string }) => deps.repo.audit(filter),
  };
}

export type TransfersService = ReturnType<typeof createTransfersService>;
