import { assertFen, formatYuanFixed, parseYuan, toHalfWidth } from '../../shared/money.js';
import { MAX_TEXT_CHARS } from './statement-limits.js';
import type { RawCell } from './statement-types.js';

/** Characters of a cell read at all: room for the stored text (MAX_TEXT_CHARS) and the padding banks add. */
const MAX_CELL_SCAN = 4 * MAX_TEXT_CHARS;

/**
 * Cell text as a person reads it: tabs and padding that banks add to stop Excel from mangling long numbers
 * are dropped, `="0012"` Excel text cells unwrapped, and dash placeholders ('-', '----------') mean empty.
 */
export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return formatDateCell(cell);
  if (typeof cell === 'number') return String(cell);
  // No cell a bank prints is near this long; cutting first keeps every later pattern linear in a bounded text.
  if (cell.length > MAX_CELL_SCAN) cell = cell.slice(0, MAX_CELL_SCAN);
  let t = cell.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
  const excelText = /^="(.*)"$/.exec(t);
  if (excelText) t = excelText[1]!.trim();
  if (/^[-—－]+$/.test(t)) return '';
  return t;
}

/** exceljs returns date cells as a Date whose UTC fields are the wall clock shown in the sheet. */
function formatDateCell(d: Date): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
  const hasTime = d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() > 0;
  return hasTime ? `${date} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}` : date;
}

/** Why an amount cell was refused: a code, the keeper's words and the engineer's; the caller adds line and column. */
export class AmountCellError extends RangeError {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const OUT_OF_RANGE = () => new AmountCellError('amount_out_of_range', '超出金额范围', 'amount out of range');

/**
 * Amount cell → signed fen, or null when empty. Throws AmountCellError (the caller names line and column).
 * Text and spreadsheet numbers follow one rule, parseYuan's: whole fen, and a safe integer of fen.
 */
export function parseAmountCell(cell: RawCell): number | null {
  if (typeof cell === 'number') return numberCellFen(cell);
  let t = toHalfWidth(cellText(cell)).replace(/\s+/g, '');
  if (t === '') return null;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1]!;
  }
  t = t.replace(/^(?:[¥￥]|CNY|RMB)/i, '').replace(/元$/, '');
  let fen: number;
  try {
    fen = parseYuan(t.replace(/^([+-])[¥￥]/, '$1'));
  } catch (err) {
    // parseYuan refuses text that is no amount, and amounts beyond a safe integer of fen ('amount out of range').
    const message = (err as Error).message;
    throw /out of range/.test(message)
      ? OUT_OF_RANGE()
      : new AmountCellError('amount_not_number', '不是金额', 'not an amount');
  }
  return negative ? -Math.abs(fen) : fen;
}

/**
 * A spreadsheet number → fen. XLSX keeps numbers as doubles: 1e308 yuan is finite but its fen are not, 1e20 yuan
 * is 1e22 fen, and above about 7·10^13 yuan neighbouring fen share one double (80000000000000.01 reads back as
 * …0.02), so such a cell names no single amount. Whatever is kept is a safe integer of fen, as parseYuan keeps.
 */
function numberCellFen(n: number): number {
  if (!Number.isFinite(n)) throw new AmountCellError('amount_not_finite', '不是有限的数', 'not a finite number');
  const fen = Math.round(n * 100) + 0; // + 0 turns -0 into 0, as parseYuan('-0.00') does
  try {
    assertFen(fen);
  } catch {
    throw OUT_OF_RANGE();
  }
  const spells = (f: number) => Number.isSafeInteger(f) && Number(formatYuanFixed(f)) === n;
  // Excel keeps a sum as a binary fraction (0.1 + 0.2 is 0.30000000000000004): within a millionth of a fen it is that
  // fen.
  if (!spells(fen) && Math.abs(n * 100 - fen) > 1e-6)
    throw new AmountCellError('amount_not_whole_fen', '不是整分（最多两位小数）', 'not a whole number of fen');
  if (spells(fen - 1) || spells(fen + 1)) throw OUT_OF_RANGE();
  return fen;
}

const p2 = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1990 || y > 2100) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Time text → 'HH:mm:ss' or null when the text is not a time. */
export function parseTimeText(text: string): string | null {
  const t = toHalfWidth(text).trim();
  const m = /^(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?:\.\d+)?$/.exec(t) ?? /^(\d{2})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  return `${p2(h)}:${p2(mi)}:${p2(s)}`;
}

/**
 * Date cell → { date: 'YYYY-MM-DD', time } or null. Accepts 2026-11-23, 2026/11/23, 2026.11.23, 20261123,
 * 2026年11月23日, each optionally followed by a time. The bank prints its own (Shanghai) calendar, so no zone math.
 */
export function parseDateCell(cell: RawCell): { date: string; time: string | null } | null {
  const t = toHalfWidth(cellText(cell)).trim();
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(.+))?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})(?:[ T]+(.+))?$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDate(y, mo, d)) return null;
  let time: string | null = null;
  if (m[4] !== undefined) {
    time = parseTimeText(m[4]);
    if (time === null) return null;
  }
  return { date: `${y}-${p2(mo)}-${p2(d)}`, time };
}

export type Direction = 'credit' | 'debit' | 'neutral';

const CREDIT_MARKS = new Set(['贷', '贷方', '收', '收入', '入', '存入', '转入', 'c', 'cr', 'credit', '贷cr', '+']);
const DEBIT_MARKS = new Set(['借', '借方', '支', '支出', '出', '取出', '转出', 'd', 'dr', 'debit', '借dr', '-']);
const NEUTRAL_MARKS = new Set(['不计收支', '其他']);

/** Direction cell → credit/debit/neutral, or null when the text is none of the known markers. */
export function parseDirection(cell: RawCell, creditMarker?: string): Direction | null {
  const t = toHalfWidth(cellText(cell)).replace(/\s+/g, '').toLowerCase();
  if (creditMarker !== undefined) {
    const marker = toHalfWidth(creditMarker).replace(/\s+/g, '').toLowerCase();
    return t === marker ? 'credit' : t === '' ? null : 'debit';
  }
  if (CREDIT_MARKS.has(t)) return 'credit';
  if (DEBIT_MARKS.has(t)) return 'debit';
  if (NEUTRAL_MARKS.has(t)) return 'neutral';
  return null;
}

/** One cell holding both name and account: '陈晶 (a@b.com)', '张三 6222…', '6222…/张三', or just one of them. */
export function splitCounterparty(text: string): { name: string; account: string } {
  const t = text.trim();
  let m = /^(.*?)\s*[(（]([^()（）]+)[)）]$/.exec(t);
  if (m && m[1]) return { name: m[1].trim(), account: m[2]!.trim() };
  if (/^[\d*\s-]+$/.test(t)) return { name: '', account: t.replace(/\s+/g, '') };
  m = /^(.+?)[\s/]*([\d*]{6,})$/.exec(t);
  if (m) return { name: m[1]!.trim(), account: m[2]! };
  m = /^([\d*]{6,})[\s/]*(.+)$/.exec(t);
  if (m) return { name: m[2]!.trim(), account: m[1]! };
  return { name: t, account: '' };
}
