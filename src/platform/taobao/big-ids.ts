/**
 * TOP writes 64-bit ids (tid, oid, refund_id, num_iid) as bare JSON numbers, and JSON.parse rounds
 * anything past 2^53 to the nearest double: 19-digit trade ids lose their last digits. Both
 * functions here rewrite those numbers to strings before any parse.
 */
const ID_KEYS = ['tid', 'oid', 'refund_id', 'num_iid'];
const BARE_ID = new RegExp(`"(${ID_KEYS.join('|')})"(\\s*:\\s*)(-?\\d+)(?=\\s*[,}\\]])`, 'g');

/** On text already decoded (tests, fixtures, callers holding a string). */
export function quoteBigIds(raw: string): string {
  return raw.replace(BARE_ID, '"$1"$2"$3"');
}

const QUOTE = 0x22;
const KEY_TAILS = ID_KEYS.map((k) => Buffer.from(`"${k}"`));
const ID_QUOTE = Buffer.from('id"');
const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

/** Where the bare number after the id key ending at `idQuote` (the `id"` of `"tid"`) starts and ends, or null. */
function bareIdAt(buf: Buffer, idQuote: number): [number, number] | null {
  const end = idQuote + 3;
  if (!KEY_TAILS.some((k) => end - k.length >= 0 && buf.compare(k, 0, k.length, end - k.length, end) === 0)) return null;
  let i = end;
  while (isSpace(buf[i])) i++;
  if (buf[i] !== 0x3a) return null; // ':'
  i++;
  while (isSpace(buf[i])) i++;
  const start = i;
  if (buf[i] === 0x2d) i++; // '-'
  if (!isDigit(buf[i])) return null;
  while (isDigit(buf[i])) i++;
  const stop = i;
  while (isSpace(buf[i])) i++;
  const next = buf[i];
  return next === 0x2c || next === 0x7d || next === 0x5d ? [start, stop] : null; // , } ]
}

/**
 * The same rewrite on the response bytes, before they are decoded: a byte search for `id"` and a
 * copy, instead of a regex over every quote of the decoded text and a second copy of it (the two
 * were a tenth of a sync's time). Every character the rewrite looks at is ASCII, and UTF-8 never
 * uses ASCII bytes inside a multi-byte character, so the result is exactly `quoteBigIds` of the text.
 */
export function quoteBigIdBytes(buf: Buffer): Buffer {
  const spans: [number, number][] = [];
  for (let at = buf.indexOf(ID_QUOTE); at !== -1; at = buf.indexOf(ID_QUOTE, at + 3)) {
    const span = bareIdAt(buf, at);
    if (span) spans.push(span);
  }
  if (!spans.length) return buf;
  const out = Buffer.allocUnsafe(buf.length + 2 * spans.length);
  let from = 0;
  let to = 0;
  for (const [start, stop] of spans) {
    to += buf.copy(out, to, from, start);
    out[to++] = QUOTE;
    to += buf.copy(out, to, start, stop);
    out[to++] = QUOTE;
    from = stop;
  }
  buf.copy(out, to, from);
  return out;
}
