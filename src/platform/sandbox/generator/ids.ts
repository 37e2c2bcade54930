import type { Rng } from './prng.js';

/**
 * 19-digit trade/order/refund ids. An 8-digit running sequence in the middle keeps them unique;
 * the last four digits are the buyer's, as on the real platform where a buyer's tids share a tail.
 * They exceed 2^53 on purpose: clients must read tid_str, never the JSON number.
 */
export function createIdSource(rng: Rng, startSeq: number): { next(suffix: string): string; readonly seq: number } {
  let seq = startSeq;
  return {
    next(suffix) {
      const id = `${rng.int(1, 4)}${rng.digits(6)}${String(seq++ % 100_000_000).padStart(8, '0')}${suffix}`;
      return id;
    },
    get seq() {
      return seq;
    },
  };
}

export const FIRST_ID_SEQ = 10_000_000;

export function buyerSuffix(buyerIdx: number): string {
  return String((buyerIdx * 7919 + 1031) % 10_000).padStart(4, '0');
}
