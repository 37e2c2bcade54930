import { randomInt } from 'node:crypto';
import { ConflictError } from '../../shared/errors.js';
import { assertFen, formatYuanFixed } from '../../shared/money.js';

/**
 * The due amount plus the smallest extra 1..maxExtraFen fen no open order uses, so the buyer's transfer
 * identifies the order by its amount alone. `used` should hold every open order's unique amount and due
 * amount: a unique amount equal to another order's plain due amount would not be unique at the bank.
 */
export function allocateUniqueAmount(dueFen: number, usedUniqueAmounts: ReadonlySet<number>, maxExtraFen = 99): number {
  assertFen(dueFen);
  assertFen(maxExtraFen);
  for (let extra = 1; extra <= maxExtraFen; extra++) {
    const candidate = dueFen + extra;
    if (!usedUniqueAmounts.has(candidate)) return candidate;
  }
  throw new ConflictError({
    message: `${formatYuanFixed(dueFen)} 元附近已没有可用的专属金额（+0.01~+${formatYuanFixed(maxExtraFen)}），请改用参考码`,
    code: 'unique_amount_exhausted',
    params: { due: formatYuanFixed(dueFen), maxExtra: formatYuanFixed(maxExtraFen) },
  });
}

/** No 0/O, 1/I/L, U/V: a buyer copies the code by hand into a bank's note field. */
export const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
export const REFERENCE_LENGTH = 6;

/** A short code for the transfer note, e.g. 'K7M2QX'. `random(n)` returns an integer in [0, n). */
export function makeReference(random: (n: number) => number = (n) => randomInt(n)): string {
  let code = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) code += REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)];
  return code;
}
