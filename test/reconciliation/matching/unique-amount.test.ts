import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/shared/errors.js';
import { allocateUniqueAmount, makeReference, REFERENCE_ALPHABET } from '../../../src/reconciliation/matching/index.js';

describe('unique amounts and references', () => {
  it('when nothing near the due amount is used, then the due amount plus one fen is given', () => {
    expect(allocateUniqueAmount(28800, new Set())).toBe(28801);
  });

  it('when the smallest extras are in use, then the smallest free extra is given', () => {
    expect(allocateUniqueAmount(28800, new Set([28801, 28802, 28804]))).toBe(28803);
  });

  it('when allocations follow each other, then each one is distinct and whole fen', () => {
    const used = new Set<number>();
    const given = Array.from({ length: 99 }, () => {
      const a = allocateUniqueAmount(28800, used);
      used.add(a);
      return a;
    });
    expect(new Set(given).size).toBe(99);
    expect(given.every((a) => Number.isSafeInteger(a) && a > 28800 && a <= 28899)).toBe(true);
  });

  it('when every extra up to the limit is in use, then a ConflictError says so', () => {
    const used = new Set([28801, 28802, 28803]);
    expect(() => allocateUniqueAmount(28800, used, 3)).toThrow(ConflictError);
    expect(allocateUniqueAmount(28800, used, 4)).toBe(28804);
  });

  it('when the due amount is not whole fen, then it is refused', () => {
    expect(() => allocateUniqueAmount(288.5, new Set())).toThrow(RangeError);
  });

  it('when a reference is made, then it is six characters without look-alikes', () => {
    for (let i = 0; i < 200; i++) expect(makeReference()).toMatch(/^[A-HJKMNP-TW-Z2-9]{6}$/);
    expect(REFERENCE_ALPHABET).not.toMatch(/[01ILOUV]/);
  });

  it('when the random source is injected, then the reference follows it', () => {
    let i = 0;
    expect(makeReference(() => i++)).toBe(REFERENCE_ALPHABET.slice(0, 6));
  });
});
