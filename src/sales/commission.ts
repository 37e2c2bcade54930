/**
 * One month's commission (提成) per staff member, from the order book as synced. A sale belongs to the month the
 * buyer paid in (Shanghai time), whoever recorded it and whenever, so a sale recorded in xiaoer and one flagged
 * in the back office fall in the same month. Whose sale it is, first rule that applies:
 * 1. the keeper's correction of that order;
 * 2. the first `sale.record` remark written in xiaoer that did not fail (the account that wrote it);
 * 3. the name in the memo (sale-rule.ts memoSaleName), as the keeper mapped it, else the account with that display
 *    name. A name nobody has is listed under `unknownNames` for the keeper to map, with its orders and amount; a
 *    green-flagged order whose memo has no name is listed under `unnamed`. Neither is dropped from the totals.
 * Money is fen; each amount also comes as 元 text for what a person reads.
 */
import type { Order } from '../orders/index.js';
import { formatYuan } from '../shared/money.js';
import { parseInstant, shanghaiDate } from '../shared/time.js';
import type { Correction } from './attribution-repository.js';
import { EXCLUSION_LABELS, GREEN_FLAG, memoSaleName, saleAmount, type ExclusionReason } from './sale-rule.js';

export type SaleSource = 'correction' | 'xiaoer' | 'memo';

/** What decided whose sale it is, as the console and the CSV name it (the only copy). */
export const SOURCE_LABELS: Readonly<Record<SaleSource, string>> = {
  correction: '人工更正',
  xiaoer: '小二销售记录',
  memo: '后台备注',
};

export interface CommissionSale {
  tid: string;
  paidAt: string | null;
  amountFen: number;
  amountYuan: string;
  /** Null while the name is unknown (or the memo has none). */
  username: string | null;
  staffName: string;
  source: SaleSource;
  sourceLabel: string;
  /** The name as the memo has it, when the memo decided. */
  memoName: string | null;
  correction: Correction | null;
}

export interface StaffCommission {
  username: string;
  staffName: string;
  orders: number;
  amountFen: number;
  amountYuan: string;
  sales: CommissionSale[];
}

export interface UnknownName {
  name: string;
  orders: number;
  amountFen: number;
  amountYuan: string;
  sales: CommissionSale[];
}

export interface ExcludedSale {
  tid: string;
  reason: ExclusionReason;
  reasonLabel: string;
  username: string | null;
  staffName: string;
}

export interface CommissionMonth {
  month: string;
  staff: StaffCommission[];
  unknownNames: UnknownName[];
  unnamed: CommissionSale[];
  excluded: ExcludedSale[];
  totals: { orders: number; amountFen: number; amountYuan: string };
}

export interface CommissionInput {
  month: string;
  orders: Iterable<Order>;
  /** The first sale.record of an order that did not fail. */
  saleEntry(tid: string): { username: string; staff: string } | undefined;
  correction(tid: string): Correction | undefined;
  /** The account a memo name stands for (the keeper's mapping, else a display name or username), or undefined. */
  accountOf(name: string): string | undefined;
  displayName(username: string): string;
}

/** The Shanghai month an order's sale falls in: when paid, else (an unpaid order, listed as excluded) when placed. */
const monthOf = (o: Order) => shanghaiDate(parseInstant(o.paidAt ?? o.createdAt)).slice(0, 7);

interface Attribution {
  username: string | null;
  staffName: string;
  source: SaleSource;
  memoName: string | null;
  correction: Correction | null;
}

function attribute(o: Order, input: CommissionInput): Attribution | null {
  const correction = input.correction(o.tid) ?? null;
  if (correction) {
    const username = correction.username;
    return { username, staffName: input.displayName(username), source: 'correction', memoName: null, correction };
  }
  const entry = input.saleEntry(o.tid);
  if (entry) return { username: entry.username, staffName: entry.staff, source: 'xiaoer', memoName: null, correction };
  const name = memoSaleName(o.sellerMemo, o.sellerFlag, (n) => input.accountOf(n) !== undefined);
  if (name === null) {
    return o.sellerFlag === GREEN_FLAG
      ? { username: null, staffName: '', source: 'memo', memoName: null, correction }
      : null;
  }
  const username = input.accountOf(name) ?? null;
  const staffName = username ? input.displayName(username) : name;
  return { username, staffName, source: 'memo', memoName: name, correction };
}

const emptyRow = () => ({ orders: 0, amountFen: 0, amountYuan: '', sales: [] as CommissionSale[] });

/** Adds a sale to the row of `key` (made by `fresh` the first time): one more order, its amount, the sale itself. */
function tally<R extends { orders: number; amountFen: number; sales: CommissionSale[] }>(
  rows: Map<string, R>,
  key: string,
  sale: CommissionSale,
  fresh: () => R,
): void {
  const row = rows.get(key) ?? fresh();
  row.orders++;
  row.amountFen += sale.amountFen;
  row.sales.push(sale);
  rows.set(key, row);
}

export function commissionMonth(input: CommissionInput): CommissionMonth {
  const staff = new Map<string, StaffCommission>();
  const unknown = new Map<string, UnknownName>();
  const unnamed: CommissionSale[] = [];
  const excluded: ExcludedSale[] = [];
  for (const o of input.orders) {
    if (monthOf(o) !== input.month) continue;
    const who = attribute(o, input);
    if (!who) continue;
    const amount = saleAmount(o);
    if (!amount.counts) {
      excluded.push({
        tid: o.tid,
        reason: amount.reason,
        reasonLabel: EXCLUSION_LABELS[amount.reason],
        username: who.username,
        staffName: who.staffName,
      });
      continue;
    }
    const sale: CommissionSale = {
      tid: o.tid,
      paidAt: o.paidAt,
      amountFen: amount.amountFen,
      amountYuan: formatYuan(amount.amountFen),
      ...who,
      sourceLabel: SOURCE_LABELS[who.source],
    };
    if (who.username) {
      const username = who.username;
      tally(staff, username, sale, () => ({ username, staffName: input.displayName(username), ...emptyRow() }));
    } else if (who.memoName) {
      const name = who.memoName;
      tally(unknown, name, sale, () => ({ name, ...emptyRow() }));
    } else unnamed.push(sale);
  }
  const byTid = (a: { tid: string }, b: { tid: string }) => (a.tid < b.tid ? -1 : 1);
  const staffRows = [...staff.values()]
    .map((s) => ({ ...s, amountYuan: formatYuan(s.amountFen), sales: s.sales.sort(byTid) }))
    .sort((a, b) => b.amountFen - a.amountFen || (a.username < b.username ? -1 : 1));
  const unknownRows = [...unknown.values()]
    .map((u) => ({ ...u, amountYuan: formatYuan(u.amountFen), sales: u.sales.sort(byTid) }))
    .sort((a, b) => b.amountFen - a.amountFen || (a.name < b.name ? -1 : 1));
  const all = [...staffRows, ...unknownRows, ...unnamed.map((s) => ({ orders: 1, amountFen: s.amountFen }))];
  const amountFen = all.reduce((n, r) => n + r.amountFen, 0);
  return {
    month: input.month,
    staff: staffRows,
    unknownNames: unknownRows,
    unnamed: unnamed.sort(byTid),
    excluded: excluded.sort(byTid),
    totals: { orders: all.reduce((n, r) => n + r.orders, 0), amountFen, amountYuan: formatYuan(amountFen) },
  };
}

/** What one staff member may see of the month: their own row and exclusions, totals of their own. */
export function ownView(m: CommissionMonth, username: string): CommissionMonth {
  const staff = m.staff.filter((s) => s.username === username);
  const amountFen = staff.reduce((n, s) => n + s.amountFen, 0);
  return {
    month: m.month,
    staff,
    unknownNames: [],
    unnamed: [],
    excluded: m.excluded.filter((e) => e.username === username),
    totals: { orders: staff.reduce((n, s) => n + s.orders, 0), amountFen, amountYuan: formatYuan(amountFen) },
  };
}
