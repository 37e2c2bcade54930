import { parseTopTime, toInstant } from '../shared/time.js';
import type { Store, Transaction } from '../storage/index.js';

/**
 * When each refund was last seen moving, from its own message (`modified` in RefundCreated/Success/Closed): the order's
 * lines carry no refund time, so the open item 待处理退款 would otherwise date from the order's last change (a memo
 * written later would make an old refund look new). Written with the order's change, in its transaction.
 */

export const TMC_REFUND_TIMES = 'tmc.refund-times';

interface RefundTime {
  refundId: string;
  tid: string;
  at: string;
}

/** Records the refund's time when the message carries one; returns it. */
export function recordRefundTime(tx: Transaction, tid: string, content: Record<string, unknown>): string | undefined {
  const id = content.refund_id;
  const refundId = typeof id === 'string' || typeof id === 'number' ? String(id) : '';
  if (!refundId || typeof content.modified !== 'string') return undefined;
  let at: string;
  try {
    at = toInstant(parseTopTime(content.modified));
  } catch {
    return undefined;
  }
  const cur = tx.get<RefundTime>(TMC_REFUND_TIMES, refundId);
  if (!cur || cur.at < at) tx.put<RefundTime>(TMC_REFUND_TIMES, refundId, { refundId, tid, at });
  return at;
}

/** The refund's own time, when a message told it. */
export const refundTimes =
  (store: Store) =>
  (refundId: string): string | undefined =>
    store.get<RefundTime>(TMC_REFUND_TIMES, refundId)?.at;
