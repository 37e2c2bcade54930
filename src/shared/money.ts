/** Money is always an integer number of fen. These are the only places yuan text is parsed or printed. */

const YUAN = /^([+-])?(\d+)(?:\.(\d{1,2}))?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/;

/**
 * The platform's own form, 1–13 digits, a dot and two digits ('128.00'): nearly every amount a sync
 * reads, a dozen per order, so it is read digit by digit without a regex match or substrings.
 */
function plainYuanToFen(text: string): number | undefined {
  const n = text.length;
  if (n < 4 || n > 16 || text.charCodeAt(n - 3) !== 46) return undefined;
  let fen = 0;
  for (let i = 0; i < n; i++) {
    if (i === n - 3) continue;
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    fen = fen * 10 + digit;
  }
  return fen;
}

/** Parses '12.5', '1,288.00', '+288.00', full-width digits → fen. Throws on anything else (never guesses). */
export function parseYuan(text: string): number {
  const plain = typeof text === 'string' ? plainYuanToFen(text) : undefined;
  if (plain !== undefined) return plain;
  // White space only around the amount, commas only as thousands groups: '1 2.30' or '1,2,3' is
  // a typo or a wrong column, not 12.30 or 1.23 元.
  const trimmed = toHalfWidth(String(text)).trim();
  const normalized = GROUPED.test(trimmed) ? trimmed.replace(/,/g, '') : trimmed;
  const m = YUAN.exec(normalized);
  if (!m) throw new RangeError(`not an amount in yuan: ${JSON.stringify(text)}`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount out of range: ${JSON.stringify(text)}`);
  return m[1] === '-' && fen !== 0 ? -fen : fen;
}

/** fen → yuan without trailing zeros: 1500 → '15', 1550 → '15.5', 1205 → '12.05'. */
export function formatYuan(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  if (cents === 0) return `${sign}${whole}`;
  const frac = String(cents).padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole}.${frac}`;
}

/** fen → '12.50' (two decimals, as the platform prints amounts). */
export function formatYuanFixed(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be an integer, got ${fen}`);
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

export function toHalfWidth(text: string): string {
  // Most text has no full-width character: one test instead of two replaces (a statement calls this per cell).
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A positive amount in yuan (string or number) → integer fen, exactly. Accepts '8.5', 8.5, '1,288'
 * (proper thousands groups only: '1,28' is refused, it could be a decimal comma); refuses negative,
 * zero, non-numeric and more than two decimals. Numbers go through their shortest decimal text,
 * so 0.1 + 0.2 is refused rather than rounded.
 */
export function yuanToFen(value: unknown): number {
  let s: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('not finite');
    s = String(value);
  } else if (typeof value === 'string') {
    s = value.trim();
  } else {
    throw new RangeError('not an amount');
  }
  if (s.includes(',') && !THOUSANDS.test(s)) throw new RangeError('bad thousands separator');
  const fen = parseYuan(s);
  if (fen <= 0) throw new RangeError('not positive');
  return fen;
}
