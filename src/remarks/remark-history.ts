/**
 * An order's remarks as staff review them: every entry xiaoer kept (written, pending or failed),
 * the memo as last seen on the order read back into catalogue entries, and lint findings. The
 * history does not depend on the memo: it survives a memo edited or cleared by hand.
 */
import type { OrderRepository } from '../orders/index.js';
import { NotFoundError } from '../shared/errors.js';
import { lintMemo, parseMemo, type LintFinding, type ParsedEntry } from './memo/index.js';
import type { RemarkEntry } from './remark-entry.js';
import type { RemarkRepository } from './remark-repository.js';
import type { StaffDirectory } from './staff-directory.js';

export interface OrderRemarks {
  tid: string;
  history: RemarkEntry[];
  memo: { raw: string; flag: number; entries: ParsedEntry[] };
  lint: LintFinding[];
  pending: number;
}

export function orderRemarks(
  deps: { remarks: RemarkRepository; orders: OrderRepository; directory: StaffDirectory; dateFormat: string },
  tid: string,
): OrderRemarks {
  const order = deps.orders.get(tid);
  const history = [...deps.remarks.forOrder(tid)].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  if (!order && !history.length)
    throw new NotFoundError({ message: `订单 ${tid} 不存在`, code: 'order_not_found', params: { tid } });
  const raw = order?.sellerMemo ?? '';
  const opts = { dateFormat: deps.dateFormat, staffNames: deps.directory.list().map((c) => c.displayName) };
  return {
    tid,
    history,
    memo: { raw, flag: order?.sellerFlag ?? 0, entries: parseMemo(raw, opts) },
    lint: lintMemo(raw, opts),
    pending: history.filter((e) => e.status === 'pending').length,
  };
}
