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
  rule: MatchRule | 'manual';
  reason: string;
  by: Person | null;
  at: string;
}

/** Pays every order of the payment (unique amounts freed); returns the orders as now stored. */
export function applyPayment(w: Writer, p: Payment): TransferOrder[] {
  return p.transferIds.map((id) => {
    const t = w.tx.get<TransferOrder>('transfers', id)!;
    const paid: TransferOrder = {
      ...t,
      state: 'paid',
      paidAt: p.at,
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
      await deps.messages?.enqueue({
        kind: 'transfer-received',
        ...(t.tid ? { tid: t.tid } : {}),
        buyerNick: t.buyerNick,
        reason: `汇款订单 ${t.id} 已到账`,
      });
    } catch (err) {
      deps.logger.warn({ err, transferId: t.id }, 'transfer paid, but the notice could not be queued');
    }
  }
}
