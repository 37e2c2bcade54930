import { describe, expect, it } from 'vitest';
import { matchCredits, matchCreditsNaive, type MatchResult } from '../../../src/reconciliation/matching/index.js';
import { randomCase } from './random-matching-data.js';

function checkInvariants(
  result: MatchResult,
  creditCount: number,
  dueOf: Map<string, { due: number; unique: number | null }>,
): void {
  expect(result.matched.length + result.queued.length + result.unmatched.length).toBe(creditCount);
  const used = result.matched.flatMap((m) => m.transferIds);
  expect(new Set(used).size).toBe(used.length);
  const rows = [...result.matched.map((m) => m.row), ...result.queued.map((q) => q.row), ...result.unmatched];
  expect(new Set(rows.map((r) => r.identity)).size).toBe(creditCount);
  for (const m of result.matched) {
    const orders = m.transferIds.map((id) => dueOf.get(id)!);
    const paysExactly =
      m.transferIds.length === 1
        ? orders[0]!.due === m.row.amountFen || orders[0]!.unique === m.row.amountFen
        : orders.reduce((s, o) => s + o.due, 0) === m.row.amountFen;
    expect(paysExactly).toBe(true);
    expect(m.transferIds.length).toBeLessThanOrEqual(5);
  }
}

describe('indexed and nested-loop matchers', () => {
  it('when both run on random data full of collisions, then they decide exactly alike and keep the invariants', () => {
    let matched = 0;
    let queued = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const { transfers, claims, credits } = randomCase(seed, { transfers: 30, credits: 25, claims: 15 });
      const fast = matchCredits(credits, transfers, claims, { windowDays: 5 });
      const naive = matchCreditsNaive(credits, transfers, claims, { windowDays: 5 });
      expect(fast, `seed ${seed}`).toEqual(naive);
      checkInvariants(
        fast,
        credits.length,
        new Map(transfers.map((t) => [t.id, { due: t.amountDueFen, unique: t.uniqueAmountFen ?? null }])),
      );
      matched += fast.matched.length;
      queued += fast.queued.length;
    }
    // The generator must exercise both outcomes, or agreement would prove little.
    expect(matched).toBeGreaterThan(50);
    expect(queued).toBeGreaterThan(50);
  });

  it('when the rules are each exercised on random data, then every rule and several queue reasons occur', () => {
    const rules = new Set<string>();
    const codes = new Set<string>();
    for (let seed = 1; seed <= 150; seed++) {
      const { transfers, claims, credits } = randomCase(seed, { transfers: 30, credits: 25, claims: 15 });
      const result = matchCredits(credits, transfers, claims);
      result.matched.forEach((m) => rules.add(m.rule));
      result.queued.forEach((q) => codes.add(q.code));
    }
    expect([...rules].sort()).toEqual(['amount-and-payer', 'combined-orders', 'reference', 'unique-amount']);
    expect(codes.size).toBeGreaterThanOrEqual(6);
  });
});
