/**
 * Which catalogue variant applies: unpaid, paid and not printed, or printed. The platform status
 * does not say "printed"; the local print mark or a print remark (a bare date entry) does.
 */
import type { Order, TradeStatus } from '../orders/index.js';
import { datePattern } from './memo/date-pattern.js';
import { splitMemo } from './memo/split.js';
import type { RemarkOrderState } from './catalogue/types.js';

/**
 * Statuses where the buyer has not paid. TRADE_CLOSED_BY_TAOBAO is a trade closed before payment
 * (TRADE_CLOSED is one closed after payment, by refund), so it counts as unpaid too.
 */
const UNPAID: ReadonlySet<TradeStatus> = new Set<TradeStatus>([
  'WAIT_BUYER_PAY',
  'TRADE_NO_CREATE_PAY',
  'PAY_PENDING',
  'TRADE_CLOSED_BY_TAOBAO',
]);

export function remarkState(
  order: Pick<Order, 'status' | 'sellerMemo'>,
  printed: boolean,
  dateFormat = 'MM.DD',
): RemarkOrderState {
  if (UNPAID.has(order.status)) return 'unpaid';
  return printed || memoShowsPrinted(order.sellerMemo, dateFormat) ? 'printed' : 'paid_not_printed';
}

/** True when one memo entry is exactly a date, as `print.printed` writes it. */
export function memoShowsPrinted(memo: string, dateFormat = 'MM.DD'): boolean {
  const date = datePattern(dateFormat);
  return splitMemo(memo).some((e) => date.isValid(e.text));
}
