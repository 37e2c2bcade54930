/**
 * The ledger feature wired for the composition root: the keeper's actions on the balance ledger and the refund
 * register (each writes its remark through the remarks feature), and the /api/ledger and /api/refunds routes.
 */
import type { Router } from 'express';
import type { User } from '../accounts/index.js';
import type { OrderRepository } from '../orders/index.js';
import type { KeyedLock } from '../shared/keyed-lock.js';
import type { Clock } from '../shared/time.js';
import type { BalanceLedger } from './balance-ledger.js';
import { createLedgerActions, type RemarkWrite } from './ledger-actions.js';
import { ledgerRouter } from './ledger-router.js';
import type { RefundRegister } from './refund-register.js';
import { refundsRouter } from './refunds-router.js';

export interface LedgerModuleDeps<R> {
  ledger: BalanceLedger;
  refunds: RefundRegister;
  orders: OrderRepository;
  remarks: RemarkWrite<R>;
  /** The lock remark writes take, so a credit and a remark on the same buyer never interleave. */
  lock: KeyedLock;
  clock: Clock;
}

export function createLedgerModule<R>(deps: LedgerModuleDeps<R>) {
  const actions = createLedgerActions({ ...deps, service: deps.remarks });
  const routers: { path: string; router: Router }[] = [
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
  ];
  return { service: actions, routers };
}
