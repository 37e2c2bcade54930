/** The sandbox's seeded randomness: the shared PRNG, plus a weighted-choice table for the generator's hot loops. */
import type { Rng } from '../../../shared/prng.js';

export { createRng, hashSeed, type Rng } from '../../../shared/prng.js';

/** A weighted choice with its table built once, for the generator's hot loops. */
export function weightedTable<T>(pairs: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const values = pairs.map((p) => p[0]);
  const cumulative = new Float64Array(pairs.length);
  let total = 0;
  pairs.forEach((p, i) => {
    total += p[1];
    cumulative[i] = total;
  });
  return (rng) => {
    const r = rng.next() * total;
    let i = 0;
    while (i < cumulative.length - 1 && r >= cumulative[i]!) i++;
    return values[i]!;
  };
}
