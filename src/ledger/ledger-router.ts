/** /api/ledger: a buyer's store balance (余额) with its movements; the keeper registers credits. */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../http/index.js';
import type { User } from '../accounts/index.js';
import type { BuyerAccount, Movement } from './balance-ledger.js';

const creditBody = z
  .object({
    amount: z.union([z.string(), z.number()], 'amount 是元，如 "20" 或 8.5 (amount in yuan)'),
    reason: z.string('reason 必填 (reason required)').max(60),
    tid: z
      .string()
      .regex(/^\d{1,25}$/, 'tid is digits only')
      .optional(),
  })
  .strict();

export interface LedgerRouterDeps {
  account(buyerNick: string): BuyerAccount;
  credit(input: {
    buyerNick: string;
    amount: unknown;
    reason: string;
    tid?: string;
    user: User;
  }): Promise<{ movement: Movement; account: BuyerAccount; remark: unknown }>;
}

export function ledgerRouter(deps: LedgerRouterDeps): Router {
  const r = Router();
  r.get('/:buyerNick', (req, res) => {
    res.json(deps.account(req.params.buyerNick));
  });
  r.post('/:buyerNick/credits', async (req, res) => {
    const b = creditBody.parse(req.body ?? {});
    res.status(201).json(await deps.credit({ buyerNick: String(req.params.buyerNick), ...b, user: currentUser(req) }));
  });
  r.use(fieldLabels({ amount: { label: '入账金额', money: true }, reason: '入账原因' }));
  return r;
}
