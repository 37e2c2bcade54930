import { formatYuanFixed } from '../../shared/money.js';
import type { StatementRow } from '../statement/statement-types.js';
import { QUEUE_REASONS, plausibleOrders, rankCandidates, type CandidateContext } from './match-candidates.js';
import { combinedEvidence, singleEvidence } from './match-evidence.js';
import { existedBy } from './match-window.js';
import type { MatchRule, OpenTransfer, QueueCode } from './matching-types.js';
import { noteTokens, payerOf } from './payer-names.js';
import { exactSubsets } from './subset-sum.js';
import type { TransferLookup } from './transfer-lookup.js';

/** A buyer with more open orders than this is left to a person: the combinations explode and so does doubt. */
const MAX_ORDERS_FOR_COMBINATION = 25;

export type Proposal =
  | { kind: 'match'; rule: MatchRule; transferIds: string[]; reason: string; ctx: CandidateContext }
  | { kind: 'queue'; code: QueueCode; ctx: CandidateContext }
  | { kind: 'none'; ctx: CandidateContext | null };

const ids = (ts: readonly OpenTransfer[]) => ts.map((t) => t.id);

function referenceHits(row: StatementRow, lookup: TransferLookup): OpenTransfer[] {
  const hits: OpenTransfer[] = [];
  for (const token of noteTokens(row.note)) {
    for (const t of lookup.byReference(token)) if (!hits.some((h) => h.id === t.id) && existedBy(row.date, t.createdAt)) hits.push(t);
  }
  return hits;
}

/** Rule (d): one credit paying several open orders of one buyer, found through the payer's name. */
function combination(ctx: CandidateContext): { orders: OpenTransfer[]; evidence: string | null; count: number } | null {
  const { row, payer, lookup, windowDays } = ctx;
  if (!payer.name || payer.intermediary) return null;
  let found: OpenTransfer[] | null = null;
  let count = 0;
  for (const nick of lookup.buyersNamed(payer.name)) {
    const orders = lookup.ordersOf(nick).filter((t) => t.amountDueFen < row.amountFen && existedBy(row.date, t.createdAt));
    if (orders.length < 2 || orders.length > MAX_ORDERS_FOR_COMBINATION) continue;
    for (const subset of exactSubsets(orders.map((t) => t.amountDueFen), row.amountFen)) {
      count++;
      found ??= subset.map((i) => orders[i]!);
    }
    if (count > 1) break;
  }
  if (!found) return null;
  return { orders: found, evidence: combinedEvidence(row, payer, found, lookup, windowDays), count };
}

/** The most certain thing this one credit could be, before other credits of the run are considered. */
export function propose(row: StatementRow, lookup: TransferLookup, windowDays: number): Proposal {
  if (row.amountFen <= 0) return { kind: 'none', ctx: null };
  const payer = payerOf(row.counterpartyName);
  const refs = referenceHits(row, lookup);
  const ctx: CandidateContext = { row, payer, lookup, windowDays, referenceHits: refs, combined: [] };
  const amount = formatYuanFixed(row.amountFen);
  const queue = (code: QueueCode, c: CandidateContext = ctx): Proposal => ({ kind: 'queue', code, ctx: c });

  // (a) a reference code in the note names the order; the amount must still be exactly what is due.
  if (refs.length > 1) return queue('ambiguous-reference');
  if (refs.length === 1) {
    const t = refs[0]!;
    if (row.amountFen !== t.amountDueFen && row.amountFen !== t.uniqueAmountFen) return queue('reference-amount-differs');
    return { kind: 'match', rule: 'reference', transferIds: [t.id], reason: `附言含订单参考码 ${t.reference}，金额 ${amount} 与应付一致 / reference ${t.reference} in the note, ${amount} is the amount due`, ctx };
  }

  // (b) a unique amount belongs to exactly one open order, unless another order is plainly due the same sum.
  const unique = lookup.byUniqueAmount(row.amountFen).filter((t) => existedBy(row.date, t.createdAt));
  if (unique.length > 1) return queue('ambiguous-amount');
  if (unique.length === 1) {
    const t = unique[0]!;
    const clash = lookup.byDueAmount(row.amountFen).some((o) => o.id !== t.id && existedBy(row.date, o.createdAt));
    if (clash) return queue('ambiguous-amount');
    return { kind: 'match', rule: 'unique-amount', transferIds: [t.id], reason: `金额 ${amount} 是该订单的专属金额 / ${amount} is this order's unique amount`, ctx };
  }

  // (c) the exact amount due, and the payer is the buyer or the payer the buyer's claim names.
  const due = lookup.byDueAmount(row.amountFen).filter((t) => existedBy(row.date, t.createdAt));
  const backed = due.map((t) => ({ t, why: singleEvidence(row, payer, t, lookup, windowDays) })).filter((x) => x.why !== null);
  if (backed.length > 1) return queue('ambiguous-orders');
  if (backed.length === 1) {
    const { t, why } = backed[0]!;
    return { kind: 'match', rule: 'amount-and-payer', transferIds: [t.id], reason: `金额 ${amount} 等于应付；${why}`, ctx };
  }

  // (d) one transfer paying several orders of the same buyer exactly, with a single way to add up.
  const combo = combination(ctx);
  if (combo) {
    const withCombo: CandidateContext = { ...ctx, combined: ids(combo.orders) };
    if (combo.count > 1) return queue('ambiguous-combination', withCombo);
    if (combo.evidence) {
      return {
        kind: 'match', rule: 'combined-orders', transferIds: ids(combo.orders), ctx: withCombo,
        reason: `一笔 ${amount} 恰好付清同一买家的 ${combo.orders.length} 个订单；${combo.evidence} / one transfer pays ${combo.orders.length} orders of the buyer exactly`,
      };
    }
    return queue('no-certain-match', withCombo);
  }

  // (e) anything else goes to a person if some order could be meant, else it is simply not ours to match.
  return plausibleOrders(ctx).length > 0 ? queue('no-certain-match') : { kind: 'none', ctx };
}

export function queueReason(code: QueueCode): string {
  return QUEUE_REASONS[code];
}

export { rankCandidates };
