/**
 * Sales per staff member for commission (提成), read from the `sale.record` remarks (green flag +
 * staff name). One order counts once, for whoever recorded the sale first; the amount is what the
 * buyer paid less refunded lines (fen) as last synced, and an order that is no sale (unpaid, closed, refunded in
 * full: sale-rule.ts) does not count. Failed entries never reached the memo and do not count; pending ones do
 * (they are waiting to land, not lost). The month's commission with back-office flags is commission.ts.
 */
import { formatYuan } from '../shared/money.js';

export interface SaleRecordEntry {
  tid: string;
  kind: string;
  staff: string;
  username: string;
  /** Shanghai day, YYYY-MM-DD. */
  day: string;
  at: string;
  status: string;
}

export interface StaffSales {
  staff: string;
  username: string;
  orders: number;
  amountFen: number;
  amountYuan: string;
  tids: string[];
}

export interface SalesReport {
  from: string;
  to: string;
  staff: StaffSales[];
  totals: { orders: number; amountFen: number; amountYuan: string };
  /** Sale records whose order is not in the local copy (amount counted as 0). */
  missingOrders: string[];
}

export function salesReport(input: {
  entries: Iterable<SaleRecordEntry>;
  /** The order's sale amount in fen; null: the order is no sale; undefined: the order is not in the local copy. */
  paymentOf(tid: string): number | null | undefined;
  from: string;
  to: string;
}): SalesReport {
  const firstByOrder = new Map<string, SaleRecordEntry>();
  for (const e of input.entries) {
    if (e.kind !== 'sale.record' || e.status === 'failed') continue;
    const seen = firstByOrder.get(e.tid);
    if (!seen || e.at < seen.at) firstByOrder.set(e.tid, e);
  }
  const byStaff = new Map<string, StaffSales>();
  const missingOrders: string[] = [];
  for (const e of firstByOrder.values()) {
    if (e.day < input.from || e.day > input.to) continue;
    const payment = input.paymentOf(e.tid);
    if (payment === null) continue;
    if (payment === undefined) missingOrders.push(e.tid);
    const row = byStaff.get(e.username) ?? {
      staff: e.staff,
      username: e.username,
      orders: 0,
      amountFen: 0,
      amountYuan: '0',
      tids: [],
    };
    row.orders++;
    row.amountFen += payment ?? 0;
    row.tids.push(e.tid);
    byStaff.set(e.username, row);
  }
  const staff = [...byStaff.values()]
    .map((s) => ({ ...s, amountYuan: formatYuan(s.amountFen), tids: s.tids.sort() }))
    .sort((a, b) => b.amountFen - a.amountFen || (a.staff < b.staff ? -1 : 1));
  const amountFen = staff.reduce((n, s) => n + s.amountFen, 0);
  return {
    from: input.from,
    to: input.to,
    staff,
    totals: { orders: staff.reduce((n, s) => n + s.orders, 0), amountFen, amountYuan: formatYuan(amountFen) },
    missingOrders: missingOrders.sort(),
  };
}

/** One staff member's part of the report (commission is pay: colleagues see their own). */
export function ownReport(r: SalesReport, username: string): SalesReport {
  const staff = r.staff.filter((s) => s.username === username);
  const amountFen = staff.reduce((n, s) => n + s.amountFen, 0);
  const tids = new Set(staff.flatMap((s) => s.tids));
  return {
    ...r,
    staff,
    totals: { orders: staff.reduce((n, s) => n + s.orders, 0), amountFen, amountYuan: formatYuan(amountFen) },
    missingOrders: r.missingOrders.filter((t) => tids.has(t)),
  };
}
