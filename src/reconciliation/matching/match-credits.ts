import type { StatementRow } from '../statement/statement-types.js';
import { queueCodeFor, rankCandidates, type CandidateContext } from './match-candidates.js';
import { propose, queueReason, type Proposal } from './match-rules.js';
import { existedBy } from './match-window.js';
import { DEFAULT_WINDOW_DAYS, type Claim, type MatchOptions, type MatchResult, type OpenTransfer, type QueueCode } from './matching-types.js';
import { indexedLookup, scanningLookup, type TransferLookup } from './transfer-lookup.js';

function bump(map: Map<string, number>, ids: Iterable<string>): void {
  for (const id of new Set(ids)) map.set(id, (map.get(id) ?? 0) + 1);
}

/** Orders a credit is exactly the amount of: the ones two same-amount credits would fight over. */
function exactIds(ctx: CandidateContext): string[] {
  const { row, lookup } = ctx;
  return [...lookup.byUniqueAmount(row.amountFen), ...lookup.byDueAmount(row.amountFen)]
    .filter((t) => existedBy(row.date, t.createdAt)).map((t) => t.id);
}

function queued(row: StatementRow, ctx: CandidateContext, code: QueueCode | null): MatchResult['queued'][number] {
  const candidates = rankCandidates(ctx);
  const finalCode = code ?? queueCodeFor(ctx, candidates);
  return { row, candidates, code: finalCode, reason: queueReason(finalCode) };
}

/**
 * Each credit gets its most certain proposal alone; then any order wanted by two credits of the run is
 * taken from both, so no order is confirmed twice and no credit is confirmed while another could be it.
 */
function decide(credits: readonly StatementRow[], lookup: TransferLookup, opts: MatchOptions): MatchResult {
  const windowDays = opts.windowDays ?? DEFAULT_WINDOW_DAYS;
  const proposals: Proposal[] = credits.map((row) => propose(row, lookup, windowDays));
  const plausible = new Map<string, number>();
  const strong = new Map<string, number>();
  for (const p of proposals) {
    if (!p.ctx || p.kind === 'none') continue;
    const refIds = p.ctx.referenceHits.map((t) => t.id);
    if (p.kind === 'match') {
      bump(strong, [...refIds, ...p.transferIds]);
      bump(plausible, [...refIds, ...p.transferIds]);
    } else {
      // An unresolved credit of exactly an order's amount might be that order's money: it contests the order.
      bump(strong, refIds);
      bump(plausible, [...refIds, ...exactIds(p.ctx)]);
    }
  }
  const result: MatchResult = { matched: [], queued: [], unmatched: [] };
  credits.forEach((row, i) => {
    const p = proposals[i]!;
    if (p.kind === 'none') { result.unmatched.push(row); return; }
    if (p.kind === 'queue') { result.queued.push(queued(row, p.ctx, p.code === 'no-certain-match' ? null : p.code)); return; }
    // A reference in the note outranks a stranger's same amount; only another credit naming the order contests it.
    const counts = p.rule === 'reference' ? strong : plausible;
    if (p.transferIds.some((id) => (counts.get(id) ?? 0) > 1)) { result.queued.push(queued(row, p.ctx, 'competing-credits')); return; }
    result.matched.push({ row, transferIds: p.transferIds, rule: p.rule, reason: p.reason });
  });
  return result;
}

/** Matches a statement's credits to open transfer orders; pure, indexed, O(credits × candidates per credit). */
export function matchCredits(credits: readonly StatementRow[], openTransfers: readonly OpenTransfer[], claims: readonly Claim[], opts: MatchOptions = {}): MatchResult {
  return decide(credits, indexedLookup(openTransfers, claims), opts);
}

/** The same decisions found by scanning every order for every question: the baseline for the benchmark ratio. */
export function matchCreditsNaive(credits: readonly StatementRow[], openTransfers: readonly OpenTransfer[], claims: readonly Claim[], opts: MatchOptions = {}): MatchResult {
  return decide(credits, scanningLookup(openTransfers, claims), opts);
}
