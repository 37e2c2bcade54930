import { describe, expect, it } from 'vitest';
import { exactSubsets } from '../../../src/reconciliation/matching/index.js';

describe('exactSubsets', () => {
  it('when exactly one combination adds up, then it is the only answer, as input indexes', () => {
    expect(exactSubsets([10000, 5000, 18800], 28800)).toEqual([[0, 2]]);
  });

  it('when two combinations add up, then both are reported so the caller can refuse to guess', () => {
    expect(exactSubsets([10000, 10000, 18800], 28800)).toHaveLength(2);
  });

  it('when only a single amount equals the target, then it is not a combination', () => {
    expect(exactSubsets([28800, 100], 28800)).toEqual([]);
  });

  it('when six amounts are needed, then the five-order limit finds nothing', () => {
    expect(exactSubsets([1, 2, 3, 4, 5, 6], 21)).toEqual([]);
    expect(exactSubsets([1, 2, 3, 4, 5, 6], 20)).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('when the total is one fen off, then nothing adds up', () => {
    expect(exactSubsets([10000, 18800], 28801)).toEqual([]);
  });
});
