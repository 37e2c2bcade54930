import { formatYuanFixed } from '../../shared/money.js';
import type { StatementRow } from '../statement/statement-types.js';
import type { CandidateContext } from './candidate-context.js';
import { QUEUE_REASONS, plausibleOrders, rankCandidates } from './match-candidates.js';
import { combinedEvidence, singleEvidence } from './match-evidence.js';
import { dayNumber, existedBy } from './match-window.js';
import type { MatchRule, OpenTransfer, QueueCode } from './matching-types.js';
import { noteTokens, payerOf } from './payer-names.js';
import { exactSubsets } from './subset-sum.js';
import type { PreparedTransfer, TransferLookup } from './transfer-lookup.js';

/** A buyer with more open orders than this is left to a person: the combinations explode and so does doubt. */
const MAX_ORDERS_FOR_COMBINATION = 25;

export type Proposal =
  | { kind: 'match'; rule: MatchRule; transferIds: string[]; reason: string; ctx: CandidateContext }
  | { kind: 'queue'; code: QueueCode; ctx: CandidateContext }
  | { kind: 'none'; ctx: CandidateContext | null };

const ids = (ts: readonly OpenTransfer[]) => ts.map((t) => t.id);

function referenceHits(
  row: StatementRow,
  rowDay: number,
  lookup: TransferLookup,
): PreparedTransfer[] | readonly never[] {
  // Many notes are Chinese words only ('货款', '转账'), which upper-case to themselves: no token can be in them.
  if (!/[^\s\u3000-\u303f\u4e00-\u9fff\uff0c\uff1a\uff1b\uff08\uff09]/.test(row.note)) return NO_HITS;
  let hits: PreparedTransfer[] | null = null;
  for (const token of noteTokens(row.note)) {
    for (const t of lookup.byReference(token)) {
      if (!existedBy(rowDay, t)) continue;
      if (!hits) hits = [t];
      else if (!hits.some((h) => h.id === t.id)) hits.push(t);
    }
  }
  return hits ?? NO_HITS;
}

const NO_HITS: readonly never[] = Object.freeze([]);

/** Rule (d): one credit paying several open orders of one buyer, found through the payer's name. */
function combination(
  ctx: CandidateContext,
): { orders: PreparedTransfer[]; evidence: string | null; count: number } | null {
  const { row, payer, lookup, rowDay } = ctx;
  if (!payer.name || payer.intermediary) return null;
  let found: PreparedTransfer[] | null = null;
  let count = 0;
  for (const nick of lookup.buyersNamed(payer.name)) {
    const all = lookup.ordersOf(nick);
    if (all.length < 2) continue;
    const orders = all.filter((t) => t.amountDueFen < row.amountFen && existedBy(rowDay, t));
    if (orders.length < 2 || orders.length > MAX_ORDERS_FOR_COMBINATION) continue;
    for (const subset of exactSubsets(
      orders.map((t) => t.amountDueFen),
      row.amountFen,
    )) {
      count++;
      found ??= subset.map((i) => orders[i]!);
    }
    if (count > 1) break;
  }
  if (!found) return null;
  return { orders: found, evidence: combinedEvidence(ctx, found), count };
}

function queue(code: QueueCode, ctx: CandidateContext): Proposal {
  return { kind: 'queue', code, ctx };
}

/** The most certain thing this one credit could be, before other credits of the run are considered. */
export function propose(row: StatementRow, lookup: TransferLookup, windowDays: number): Proposal {
  if (row.amountFen <= 0) return { kind: 'none', ctx: null };
  const payer = payerOf(row.counterpartyName);
  const rowDay = dayNumber(row.date);
  const refs = referenceHits(row, rowDay, lookup);
  const ctx: CandidateContext = {
    row,
    rowDay,
    payer,
    lookup,
    windowDays,
    referenceHits: refs,
    combined: NO_HITS,
    plausible: null,
  };
  const uniqueList = lookup.byUniqueAmount(row.amountFen);
  const dueList = lookup.byDueAmount(row.amountFen);

  // (a) a reference code in the note names the order; the amount must still be exactly what is due.
  if (refs.length > 1) return queue('ambiguous-reference', ctx);
  if (refs.length === 1) {
    const t = refs[0]!;
    if (row.amountFen !== t.amountDueFen && row.amountFen !== t.uniqueAmountFen)
      return queue('reference-amount-differs', ctx);
    return {
      kind: 'match',
      rule: 'reference',
      transferIds: [t.id],
      reason: `附言含订单参考码 ${t.reference}，金额 ${formatYuanFixed(row.amountFen)} 与应付一致`,
      ctx,
    };
  }

  // (b) a unique amount belongs to exactly one open order, unless another order is plainly due the same sum.
  let uniqueOrder: PreparedTransfer | null = null;
  for (const t of uniqueList) {
    if (!existedBy(rowDay, t)) continue;
    if (uniqueOrder) return queue('ambiguous-amount', ctx);
    uniqueOrder = t;
  }
  if (uniqueOrder) {
    const t = uniqueOrder;
    const clash = dueList.some((o) => o.id !== t.id && existedBy(rowDay, o));
    if (clash) return queue('ambiguous-amount', ctx);
    return {
      kind: 'match',
      rule: 'unique-amount',
      transferIds: [t.id],
      reason: `金额 ${formatYuanFixed(row.amountFen)} 是该订单的专属金额`,
      ctx,
    };
  }

  // (c) the exact amount due, and the payer is the buyer or the payer the buyer's claim names.
  let backed: { t: PreparedTransfer; why: string } | null = null;
  for (const t of dueList) {
    if (!existedBy(rowDay, t)) continue;
    const why = singleEvidence(ctx, t);
    if (why === null) continue;
    if (backed) return queue('ambiguous-orders', ctx);
    backed = { t, why };
  }
  if (backed) {
    return {
      kind: 'match',
      rule: 'amount-and-payer',
      transferIds: [backed.t.id],
      reason: `金额 ${formatYuanFixed(row.amountFen)} 等于应付；${backed.why}`,
      ctx,
    };
  }

  // (d) one transfer paying several orders of the same buyer exactly, with a single way to add up.
  const combo = combination(ctx);
  if (combo) {
    const withCombo: CandidateContext = { ...ctx, combined: ids(combo.orders), plausible: null };
    if (combo.count > 1) return queue('ambiguous-combination', withCombo);
    if (combo.evidence) {
      return {
        kind: 'match',
        rule: 'combined-orders',
        transferIds: ids(combo.orders),
        ctx: withCombo,
        reason: `一笔 ${formatYuanFixed(row.amountFen)} 恰好付清同一买家的 ${combo.orders.length} 个订单；${combo.evidence}`,
      };
    }
    return queue('no-certain-match', withCombo);
  }

  // (e) anything else goes to a person if some order could be meant, else it is simply not ours to match.
  return plausibleOrders(ctx).length > 0 ? queue('no-certain-match', ctx) : { kind: 'none', ctx };
}

export function queueReason(code: QueueCode): string {
  return QUEUE_REASONS[code];
}

export { rankCandidates };
