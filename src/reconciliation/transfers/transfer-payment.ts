/**
 * Marking orders paid, by the matcher or by a person, inside the caller's transaction; and what follows
 * once the transaction is durable: the taking staff is told, the buyer's "transfer received" is queued.
 */
import type { Logger } from '../../shared/logger.js';
import type { MatchRule } from '../matching/index.js';
import type { MessageSink, FollowUpOpener } from './transfer-ports.js';
import type { Writer } from './transfer-repository.js';
import type { Person, TransferOrder } from './transfer-types.js';

export interface Payment {
  transferIds: string[];
  rowIdentities: string[];
  /** Fen the rows brought in total. */
  receivedFen: number;
  rule: MatchRule | 'manual';
  reason: string;
  by: Person | null;
  at: string;
}

/**
 * What the buyer of each order is told arrived: the rows' total for one order; when one credit paid several (the
 * combined rule), each order's own amount, the unique amount it was given while that was held.
 */
function receivedShare(t: TransferOrder, p: Payment): number {
  if (p.transferIds.length === 1) return p.receivedFen;
  return t.uniqueHeld && t.uniqueAmountFen !== null ? t.uniqueAmountFen : t.amountDueFen;
}

/** Pays every order of the payment (unique amounts freed); returns the orders as now stored. */
export function applyPayment(w: Writer, p: Payment): TransferOrder[] {
  return p.transferIds.map((id) => {
    const t = w.tx.get<TransferOrder>('transfers', id)!;
    const paid: TransferOrder = {
      ...t,
      state: 'paid',
      paidAt: p.at,
      receivedFen: receivedShare(t, p),
      paidBy: p.rowIdentities,
      verifiedBy: p.by,
      rule: p.rule,
      uniqueHeld: false,
    };
    w.put(paid);
    w.audit({
      transferId: id,
      rowIdentity: p.rowIdentities.join(','),
      action: p.by ? 'confirmed' : 'matched',
      by: p.by?.username ?? 'xiaoer',
      at: p.at,
      // The rule's code is on the transfer (rule); the person reads the reason, which already names the rule.
      detail: p.reason,
    });
    return paid;
  });
}

/** An order paid before receivedFen was stored: the amount it asked for (its unique amount when it had one). */
export const receivedAmount = (t: TransferOrder): number => t.receivedFen ?? t.uniqueAmountFen ?? t.amountDueFen;

/** After commit: nothing here may undo the payment, so failures are logged, not thrown. */
export async function announcePaid(
  orders: readonly TransferOrder[],
  deps: { tasks?: FollowUpOpener; messages?: MessageSink; logger: Logger },
): Promise<void> {
  for (const t of orders) {
    try {
      await deps.tasks?.notify?.(t.staff, `汇款订单 ${t.id}（${t.buyerNick}）已到账，已进入发货清单`, {
        transferId: t.id,
        tid: t.tid,
      });
      // The amount is the payment's, stored on the order when it was paid: without it the template cannot say how
      // much arrived, and the message would wait for a person instead of going out.
      await deps.messages?.enqueue({
        kind: 'transfer-received',
        ...(t.tid ? { tid: t.tid } : {}),
        buyerNick: t.buyerNick,
        reason: `汇款订单 ${t.id} 已到账`,
        transfer: { amount: receivedAmount(t), reference: t.reference ?? t.id },
        owner: t.staff.username,
      });
    } catch (err) {
      deps.logger.warn({ err, transferId: t.id }, 'transfer paid, but the notice could not be queued');
    }
  }
}
