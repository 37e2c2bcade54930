import { formatYuanFixed } from '../../shared/money.js';
import type { Candidate, QueueCode } from './matching-types.js';
import { consistentClaim, singleEvidence } from './match-evidence.js';
import { existedBy } from './match-window.js';
import type { CandidateContext } from './candidate-context.js';
import type { PreparedTransfer } from './transfer-lookup.js';

const MAX_CANDIDATES = 5;

/** Orders this credit could be for, found through the indexes only; ordered as the lookup answers. */
export function plausibleOrders(ctx: CandidateContext): PreparedTransfer[] {
  if (ctx.plausible) return ctx.plausible;
  const { row, payer, lookup, rowDay } = ctx;
  const out: PreparedTransfer[] = [];
  // Most credits have a handful of plausible orders: a linear look until there are many beats a Set per credit.
  let seen: Set<string> | null = null;
  const add = (t: PreparedTransfer | undefined) => {
    if (!t || !existedBy(rowDay, t)) return;
    if (seen ? seen.has(t.id) : out.some((o) => o.id === t.id)) return;
    out.push(t);
    if (seen) seen.add(t.id);
    else if (out.length > 8) seen = new Set(out.map((o) => o.id));
  };
  ctx.referenceHits.forEach(add);
  lookup.byUniqueAmount(row.amountFen).forEach(add);
  lookup.byDueAmount(row.amountFen).forEach(add);
  if (payer.name && !payer.intermediary)
    for (const nick of lookup.buyersNamed(payer.name)) lookup.ordersOf(nick).forEach(add);
  for (const c of lookup.claimsWithAmount(row.amountFen)) add(lookup.transfer(c.transferId));
  ctx.combined.forEach((id) => add(lookup.transfer(id)));
  ctx.plausible = out;
  return out;
}

interface Facts {
  t: PreparedTransfer;
  reference: boolean;
  unique: boolean;
  combined: boolean;
  buyer: boolean;
  claim: 'consistent' | 'amount' | null;
  score: number;
}

function facts(ctx: CandidateContext, t: PreparedTransfer): Facts {
  const { row, payer } = ctx;
  const reference = ctx.referenceHits.some((r) => r.id === t.id);
  const unique = t.uniqueAmountFen === row.amountFen;
  const combined = ctx.combined.includes(t.id);
  const buyer = payer.name !== '' && !payer.intermediary && t.nameKey === payer.name;
  const claims = t.claims;
  const claim =
    claims.length === 0
      ? null
      : consistentClaim(ctx, claims, t.nameKey)
        ? 'consistent'
        : claims.some((c) => c.amountFen === row.amountFen)
          ? 'amount'
          : null;
  const diff = row.amountFen - t.amountDueFen;
  const score =
    (reference ? 60 : 0) +
    (unique ? 50 : 0) +
    (diff === 0 ? 40 : combined ? 25 : 5) +
    (buyer ? 30 : 0) +
    (claim === 'consistent' ? 30 : claim === 'amount' ? 15 : 0);
  return { t, reference, unique, combined, buyer, claim, score };
}

/** The words are built only for the few candidates shown, not for every order considered. */
function explain(ctx: CandidateContext, f: Facts): string {
  const why: string[] = [];
  const diff = ctx.row.amountFen - f.t.amountDueFen;
  if (f.reference) why.push('附言含参考码');
  if (f.unique) why.push('等于专属金额');
  if (diff === 0) why.push('金额等于应付');
  else if (f.combined) why.push('与该买家其他订单合计相等');
  else if (diff < 0) why.push(`少付 ${formatYuanFixed(-diff)} 元`);
  else why.push(`多付 ${formatYuanFixed(diff)} 元`);
  if (f.buyer) why.push('付款人即买家');
  if (f.claim === 'consistent') why.push('与买家申报一致');
  else if (f.claim === 'amount') why.push('申报金额相同');
  if (ctx.payer.intermediary) why.push('经中间方付款，付款人未知');
  return why.join('；');
}

/** The best few candidates, highest score first (ties by id, so every run ranks alike). */
export function rankCandidates(ctx: CandidateContext): Candidate[] {
  return plausibleOrders(ctx)
    .map((t) => facts(ctx, t))
    .sort((a, b) => b.score - a.score || (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0))
    .slice(0, MAX_CANDIDATES)
    .map((f) => ({ transferId: f.t.id, score: f.score, why: explain(ctx, f) }));
}

export const QUEUE_REASONS: Record<QueueCode, string> = {
  'reference-amount-differs': '附言参考码对应的订单金额不符',
  'ambiguous-reference': '附言中有多个订单的参考码',
  'ambiguous-amount': '多个订单使用同一金额',
  'ambiguous-orders': '同一付款人有多个同金额订单',
  'ambiguous-combination': '该金额可由该买家多种订单组合构成',
  'competing-credits': '多笔入账争同一订单',
  intermediary: '经支付宝/财付通/银联等中间方付款，无法确认付款人',
  'payer-differs': '付款人与买家不一致（家人或公司账户？）',
  'no-payer-name': '流水没有付款人姓名',
  'outside-window': '付款人是买家，但日期超出匹配时间窗',
  'partial-payment': '金额少于应付，可能是部分付款',
  overpayment: '金额多于应付，多余部分需人工确认转入余额',
  'no-certain-match': '没有可确定的订单',
};

/** Why a credit with candidates could not be matched automatically. */
export function queueCodeFor(ctx: CandidateContext, candidates: readonly Candidate[]): QueueCode {
  const { row, payer, lookup } = ctx;
  const transfers = candidates.map((c) => lookup.transfer(c.transferId)!).filter(Boolean);
  const exact = transfers.filter((t) => t.amountDueFen === row.amountFen || t.uniqueAmountFen === row.amountFen);
  if (exact.length > 0) {
    if (payer.intermediary) return 'intermediary';
    if (!payer.name) return 'no-payer-name';
    if (exact.some((t) => t.nameKey === payer.name && !singleEvidence(ctx, t))) return 'outside-window';
    return 'payer-differs';
  }
  const top = transfers[0];
  if (!top) return 'no-certain-match';
  return top.amountDueFen > row.amountFen ? 'partial-payment' : 'overpayment';
}
