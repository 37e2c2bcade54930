import { describe, expect, it } from 'vitest';
import { benchCase } from '../../../src/reconciliation/bench/bench-data.js';
import { benchMatching } from '../../../src/reconciliation/index.js';
import { matchCredits, matchCreditsNaive } from '../../../src/reconciliation/matching/index.js';

describe('the matching benchmark', () => {
  it('when the benchmark shop is matched by both matchers, then they decide exactly alike', () => {
    const { transfers, claims, credits } = benchCase(1500, 42);
    expect(matchCredits(credits, transfers, claims)).toEqual(matchCreditsNaive(credits, transfers, claims));
  });

  it('when the benchmark runs, then every credit is accounted for and most are matched or have no candidate', () => {
    const f = benchMatching(3000, 100);
    expect(f.matched + f.queued + f.unmatched).toBe(3000);
    expect(f.matched + f.unmatched).toBeGreaterThan(f.queued * 3);
    expect(f.naiveSampleCredits).toBe(100);
    expect(f.ratio).toBeCloseTo(f.naiveSecondsEstimate / f.indexedSeconds, 6);
  });

  it('when the same size is generated twice, then the data is identical', () => {
    expect(benchCase(500)).toEqual(benchCase(500));
  });
});
