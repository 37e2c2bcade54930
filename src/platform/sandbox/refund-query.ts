/** The sandbox shop's refunds paged as the platform pages them (taobao.refunds.receive.get), apart from the wire. */
import type { Page, Paging } from './shop-state.js';
import type { SandboxLine, SandboxTrade } from './types.js';

export interface RefundRow {
  t: SandboxTrade;
  line: SandboxLine;
}

export interface RefundQuery {
  start: number;
  end: number;
  status?: string;
  types: ReadonlySet<string>;
  buyerNick?: string;
}

/** When the refund was asked for and last changed; a line refunded before refunds kept times reads the trade's. */
export const refundCreated = (r: RefundRow) => r.line.rf?.created ?? r.t.modified;
export const refundModified = (r: RefundRow) => r.line.rf?.modified ?? r.t.modified;

/** Newest modified first, as the platform pages refunds. */
export function pageRefunds(rows: Iterable<RefundRow>, q: RefundQuery, pg: Paging, nick: (t: SandboxTrade) => string) {
  const matches: RefundRow[] = [];
  for (const r of rows) {
    const m = refundModified(r);
    if (m < q.start || m > q.end) continue;
    if (q.status && r.line.refund !== q.status) continue;
    if (!q.types.has(r.t.type)) continue;
    if (q.buyerNick !== undefined && nick(r.t) !== q.buyerNick) continue;
    matches.push(r);
  }
  matches.sort((a, b) => refundModified(b) - refundModified(a) || (a.line.refundId < b.line.refundId ? -1 : 1));
  const from = (pg.pageNo - 1) * pg.pageSize;
  const items = matches.slice(from, from + pg.pageSize);
  return { items, total: matches.length, hasNext: from + pg.pageSize < matches.length } satisfies Page<RefundRow>;
}
