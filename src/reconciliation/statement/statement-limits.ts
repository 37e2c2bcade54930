/**
 * Bounds on what a statement may hold and on what an answer repeats of it. A bank's export of a busy month is a
 * few hundred kilobytes with cells of a few dozen characters; these bounds sit far above that, so they only ever
 * stop a wrong file or an attack, and they keep every answer about a file small whatever the file holds.
 */

/** The largest statement file taken (10 MB): about 80,000 rows of a bank's CSV, years of a small shop's account. */
export const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;

/** A stored text cell (附言, 户名, 账号, 流水号) longer than this is cut to it, and marked. */
export const MAX_TEXT_CHARS = 200;

/** What ends a cut text, so a person reading the row knows it went on. */
export const CUT_MARK = '…（已截断）';

/** Cells of a row that are read; no bank prints more than a few dozen columns. */
export const MAX_COLUMNS = 200;

/** A cell quoted in an error message is cut to this many characters. */
export const MAX_QUOTED_CHARS = 40;

/** An unknown layout's message names at most this many of the header cells it found. */
export const MAX_QUOTED_HEADERS = 8;

/** Text cut to `max` characters with the mark, or as it is when it fits. */
export function cutText(text: string, max = MAX_TEXT_CHARS): string {
  return text.length > max ? text.slice(0, max) + CUT_MARK : text;
}

/** A cell as an error message quotes it: short, marked with … when cut. */
export function quoteCell(text: string): string {
  return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text;
}
