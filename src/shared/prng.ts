/**
 * A small seeded PRNG (mulberry32): the same seed gives the same sequence on any machine, so the
 * sandbox shop, its courier and the benchmark data tell the same story every run (Math.random would not).
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight from [value, weight] pairs. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
  /** n random decimal digits (may start with 0). */
  digits(n: number): string;
}

const DIGITS = '0123456789';

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(pairs) {
      let total = 0;
      for (let i = 0; i < pairs.length; i++) total += pairs[i]![1];
      let r = next() * total;
      for (let i = 0; i < pairs.length; i++) {
        r -= pairs[i]![1];
        if (r < 0) return pairs[i]![0];
      }
      return pairs[pairs.length - 1]![0];
    },
    digits(n) {
      let s = '';
      for (let i = 0; i < n; i++) s += DIGITS[Math.floor(next() * 10)];
      return s;
    },
  };
}

/** Mixes numbers and strings into one 32-bit seed (FNV-1a), e.g. (shop seed, tick time). */
export function hashSeed(...parts: (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = String(part);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
