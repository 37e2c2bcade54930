/**
 * TOP writes 64-bit ids (tid, oid, refund_id, num_iid) as bare JSON numbers, and JSON.parse rounds
 * anything past 2^53 to the nearest double: 19-digit trade ids lose their last digits. Both
 * functions here rewrite those numbers to strings before any parse.
 */
const ID_KEYS = ['tid', 'oid', 'refund_id', 'num_iid'];
// JSON's own white space only (as the byte version reads it), not all of \s.
const BARE_ID = new RegExp(
  `"(${ID_KEYS.join('|')})"([ \\t\\n\\r]*:[ \\t\\n\\r]*)(-?\\d+)(?=[ \\t\\n\\r]*[,}\\]])`,
  'g',
);

/** On text already decoded (tests, fixtures, callers holding a string). */
export function quoteBigIds(raw: string): string {
  return raw.replace(BARE_ID, '"$1"$2"$3"');
}

const QUOTE = 0x22;
const ID_QUOTE = Buffer.from('id"');
const REFUND_ = Buffer.from('"refund_');
const NUM_I = Buffer.from('"num_i');
const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

function endsWith(buf: Buffer, key: Buffer, end: number): boolean {
  const from = end - key.length;
  if (from < 0) return false;
  for (let k = 0; k < key.length; k++) if (buf[from + k] !== key[k]) return false;
  return true;
}

/** Whether the `id"` at `at` closes one of the id keys: "tid", "oid", "refund_id" or "num_iid". */
function closesIdKey(buf: Buffer, at: number): boolean {
  const before = buf[at - 1];
  if (before === 0x74 || before === 0x6f) return buf[at - 2] === QUOTE; // t, o
  if (before === 0x5f) return endsWith(buf, REFUND_, at); // _
  if (before === 0x69) return endsWith(buf, NUM_I, at); // i
  return false;
}

/** [start, stop) of the bare integer that follows the id key whose `id"` is at `at`, or null. */
function bareIdAfter(buf: Buffer, at: number): [number, number] | null {
  let i = at + 3;
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
 * The same rewrite on the response bytes, before they are decoded: a byte search for `id"` and one
 * copy, where the text rewrite made a second full copy of an already decoded page (each a string
 * of a quarter megabyte that only a full collection frees). Every character it looks at is ASCII,
 * and UTF-8 never uses ASCII bytes inside a multi-byte character, so decoding the result gives
 * exactly `quoteBigIds` of the decoded text.
 */
export function quoteBigIdBytes(buf: Buffer): Buffer {
  const spans: number[] = [];
  for (let at = buf.indexOf(ID_QUOTE); at !== -1; at = buf.indexOf(ID_QUOTE, at + 3)) {
    if (!closesIdKey(buf, at)) continue;
    const span = bareIdAfter(buf, at);
    if (span) spans.push(span[0], span[1]);
  }
  if (!spans.length) return buf;
  const out = Buffer.allocUnsafe(buf.length + spans.length);
  let from = 0;
  let to = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k]!;
    const stop = spans[k + 1]!;
    out.set(buf.subarray(from, start), to);
    to += start - from;
    out[to++] = QUOTE;
    out.set(buf.subarray(start, stop), to);
    to += stop - start;
    out[to++] = QUOTE;
    from = stop;
  }
  out.set(buf.subarray(from), to);
  return out;
}
