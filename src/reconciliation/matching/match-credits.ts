import type { StatementRow } from '../statement/statement-types.js';
import type { CandidateContext } from './candidate-context.js';
import { queueCodeFor, rankCandidates } from './match-candidates.js';
import { propose, queueReason, type Proposal } from './match-rules.js';
import { existedBy } from './match-window.js';
import {
  DEFAULT_WINDOW_DAYS,
  type Claim,
  type MatchOptions,
  type MatchResult,
  type OpenTransfer,
  type QueueCode,
} from './matching-types.js';
import { indexedLookup, scanningLookup, type PreparedTransfer, type TransferLookup } from './transfer-lookup.js';

/** Counts each id once per credit, however many of the credit's lists name it. */
function bump(map: Map<string, number>, ...lists: readonly (readonly { id: string }[] | readonly string[])[]): void {
  const ids: string[] = [];
  for (const list of lists) {
    for (const x of list) {
      const id = typeof x === 'string' ? x : x.id;
      if (!ids.includes(id)) ids.push(id);
    }
  }
  for (const id of ids) map.set(id, (map.get(id) ?? 0) + 1);
}

/** Orders a credit is exactly the amount of: the ones two same-amount credits would fight over. */
function exactOrders(ctx: CandidateContext): PreparedTransfer[] {
  const { row, lookup, rowDay } = ctx;
  const out: PreparedTransfer[] = [];
  for (const t of lookup.byUniqueAmount(row.amountFen)) if (existedBy(rowDay, t)) out.push(t);
  for (const t of lookup.byDueAmount(row.amountFen)) if (existedBy(rowDay, t)) out.push(t);
  return out;
}

function queued(row: StatementRow, ctx: CandidateContext, code: QueueCode | null): MatchResult['queued'][number] {
  const candidates = rankCandidates(ctx);
  const finalCode = code ?? queueCodeFor(ctx, candidates);
  return { row, candidates, code: finalCode, reason: queueReason(finalCode) };
}

/** Credits decided between two points where a caller may let other work run (matchCreditsYielding). */
const SLICE = 256;

/**
 * Each credit gets its most certain proposal alone; then any order wanted by two credits of the run is
 * taken from both, so no order is confirmed twice and no credit is confirmed while another could be it.
 * A generator so that one body serves both the plain call and the one that pauses every SLICE credits.
 */
function* decide(
  credits: readonly StatementRow[],
  lookup: TransferLookup,
  opts: MatchOptions,
): Generator<void, MatchResult> {
  const windowDays = opts.windowDays ?? DEFAULT_WINDOW_DAYS;
  const proposals: Proposal[] = [];
  for (const row of credits) {
    proposals.push(propose(row, lookup, windowDays));
    if (proposals.length % SLICE === 0) yield;
  }
  const plausible = new Map<string, number>();
  const strong = new Map<string, number>();
  for (const p of proposals) {
    if (!p.ctx || p.kind === 'none') continue;
    const refs = p.ctx.referenceHits;
    if (p.kind === 'match' && refs.length === 0 && p.transferIds.length === 1) {
      // The common case, counted without building a list.
      const id = p.transferIds[0]!;
      strong.set(id, (strong.get(id) ?? 0) + 1);
      plausible.set(id, (plausible.get(id) ?? 0) + 1);
    } else if (p.kind === 'match') {
      bump(strong, refs, p.transferIds);
      bump(plausible, refs, p.transferIds);
    } else {
      // An unresolved credit of exactly an order's amount might be that order's money: it contests the order.
      bump(strong, refs);
      bump(plausible, refs, exactOrders(p.ctx));
    }
  }
  const result: MatchResult = { matched: [], queued: [], unmatched: [] };
  for (let i = 0; i < credits.length; i++) {
    if (i % SLICE === SLICE - 1) yield;
    const row = credits[i]!;
    const p = proposals[i]!;
    if (p.kind === 'none') {
      result.unmatched.push(row);
      continue;
    }
    if (p.kind === 'queue') {
      result.queued.push(queued(row, p.ctx, p.code === 'no-certain-match' ? null : p.code));
      continue;
    }
    // A reference in the note outranks a stranger's same amount; only another credit naming the order contests it.
    const counts = p.rule === 'reference' ? strong : plausible;
    if (p.transferIds.some((id) => (counts.get(id) ?? 0) > 1)) {
      result.queued.push(queued(row, p.ctx, 'competing-credits'));
      continue;
    }
    result.matched.push({ row, transferIds: p.transferIds, rule: p.rule, reason: p.reason });
  }
  return result;
}

function runToEnd<R>(steps: Generator<void, R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Matches a statement's credits to open transfer orders; pure, indexed, O(credits × candidates per credit). */
export function matchCredits(
  credits: readonly StatementRow[],
  openTransfers: readonly OpenTransfer[],
  claims: readonly Claim[],
  opts: MatchOptions = {},
): MatchResult {
  return runToEnd(decide(credits, indexedLookup(openTransfers, claims), opts));
}

/**
 * The same decisions as matchCredits, awaiting `pause()` every few hundred credits when it returns a promise, so
 * tens of thousands of credits never hold the event loop at once. The caller owns the snapshot it passes: orders
 * that change meanwhile are its to notice (statement-import compares before it stores).
 */
export async function matchCreditsYielding(
  credits: readonly StatementRow[],
  openTransfers: readonly OpenTransfer[],
  claims: readonly Claim[],
  pause: () => Promise<void> | undefined,
  opts: MatchOptions = {},
): Promise<MatchResult> {
  const steps = decide(credits, indexedLookup(openTransfers, claims), opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const paused = pause();
    if (paused) await paused;
  }
}

/** The same decisions found by scanning every order for every question: the baseline for the benchmark ratio. */
export function matchCreditsNaive(
  credits: readonly StatementRow[],
  openTransfers: readonly OpenTransfer[],
  claims: readonly Claim[],
  opts: MatchOptions = {},
): MatchResult {
  return runToEnd(decide(credits, scanningLookup(openTransfers, claims), opts));
}
