import { ValidationError } from '../../shared/errors.js';
import {
  AmountCellError,
  cellText,
  parseAmountCell,
  parseDateCell,
  parseDirection,
  parseTimeText,
  splitCounterparty,
} from './cell-values.js';
import type { ColumnMap, ColumnRef } from './column-map.js';
import { cutText, quoteCell } from './statement-limits.js';
import type { RawRow, StatementRow } from './statement-types.js';

export type BuiltRow = Omit<StatementRow, 'identity'>;

/**
 * Names the cell for the keeper (line, column, header, the text as read, cut short: a refusal never repeats a
 * whole cell of the file) and keeps the English for the log.
 */
function refuse(line: number, col: ColumnRef, cell: string, code: string, zh: string, en: string): never {
  const column = col.index + 1;
  const [raw, header] = [quoteCell(cell), quoteCell(col.header)];
  throw new ValidationError({
    message: `第${line}行 第${column}列(${header}): "${raw}" ${zh}`,
    code,
    field: 'file',
    params: { line, column, header, value: raw },
    detail: `line ${line}, column ${column} (${header}): ${en}`,
  });
}

function amountAt(row: RawRow, col: ColumnRef): number | null {
  const cell = row.cells[col.index] ?? null;
  try {
    return parseAmountCell(cell);
  } catch (err) {
    if (err instanceof AmountCellError) return refuse(row.line, col, cellText(cell), err.code, err.zh, err.en);
    throw err;
  }
}

function textAt(row: RawRow, col: ColumnRef | undefined): string {
  return col ? cellText(row.cells[col.index] ?? null) : '';
}

function signedAmount(row: RawRow, cols: ColumnMap): number {
  if (cols.credit) {
    const credit = amountAt(row, cols.credit) ?? 0;
    const debit = cols.debit ? (amountAt(row, cols.debit) ?? 0) : 0;
    if (credit !== 0 && debit !== 0) {
      refuse(
        row.line,
        cols.credit,
        textAt(row, cols.credit),
        'amount_both_sides',
        '收入与支出同时有金额',
        'both income and expense are filled in',
      );
    }
    return credit !== 0 ? credit : -Math.abs(debit);
  }
  const amountCol = cols.amount!;
  const amount = amountAt(row, amountCol);
  if (amount === null) refuse(row.line, amountCol, '', 'amount_empty', '金额为空', 'the amount is empty');
  if (!cols.direction) return amount;
  const dirCell = row.cells[cols.direction.index] ?? null;
  const direction = parseDirection(dirCell, cols.creditMarker);
  if (direction === null)
    refuse(
      row.line,
      cols.direction,
      cellText(dirCell),
      'direction_unknown',
      '不是借贷方向',
      'not a debit/credit marker',
    );
  if (direction === 'neutral') return 0;
  return direction === 'credit' ? Math.abs(amount) : -Math.abs(amount);
}

/** One data row → statement row; throws ValidationError naming the line and column it cannot read. */
/**
 * A bank writes text: a character the decoder could not read (U+FFFD) or a control character in a row means the
 * file was damaged on its way (a flipped byte, a bad copy), and its names or notes would be booked mangled.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const DAMAGED = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function refuseDamaged(row: RawRow): void {
  const index = row.cells.findIndex((c) => typeof c === 'string' && DAMAGED.test(c));
  if (index < 0) return;
  const column = index + 1;
  throw new ValidationError({
    message: `第${row.line}行 第${column}列有无法识别的字符，文件可能已损坏，请重新从网银下载`,
    code: 'file_damaged',
    field: 'file',
    params: { line: row.line, column },
    detail: `line ${row.line}, column ${column}: undecodable or control character`,
  });
}

export function buildRow(row: RawRow, cols: ColumnMap): BuiltRow {
  refuseDamaged(row);
  const dateCell = row.cells[cols.date.index] ?? null;
  const when = parseDateCell(dateCell);
  if (!when) refuse(row.line, cols.date, cellText(dateCell), 'date_invalid', '不是日期', 'not a date');
  let time = when.time;
  if (cols.time) {
    const raw = textAt(row, cols.time);
    if (raw !== '') {
      time = parseTimeText(raw);
      if (time === null) refuse(row.line, cols.time, raw, 'time_invalid', '不是时间', 'not a time');
    }
  }
  let name = textAt(row, cols.counterpartyName);
  let account = textAt(row, cols.counterpartyAccount);
  if (cols.counterparty) {
    const both = splitCounterparty(textAt(row, cols.counterparty));
    name ||= both.name;
    account ||= both.account;
  }
  const notes = [...new Set(cols.note.map((c) => textAt(row, c)).filter((t) => t !== ''))];
  const serial = cutText(textAt(row, cols.serial));
  return {
    line: row.line,
    date: when.date,
    time,
    amountFen: signedAmount(row, cols),
    // Stored and shown for a person: a bank prints a few dozen characters; longer text is cut, and marked.
    counterpartyName: cutText(name),
    counterpartyAccount: cutText(account),
    note: cutText(notes.join(' | ')),
    balanceFen: cols.balance ? amountAt(row, cols.balance) : null,
    serial: serial === '' ? null : serial,
  };
}

/** A row the bank books as neither income nor expense (不计收支): how it moves the balance is not in the file. */
export function bookedNeutral(row: RawRow, cols: ColumnMap): boolean {
  return (
    cols.direction !== undefined &&
    parseDirection(row.cells[cols.direction.index] ?? null, cols.creditMarker) === 'neutral'
  );
}

const FOOTER = /合计|总计|小计|导出时间|打印时间|下载时间|生成时间|交易笔数|总笔数|说明[:：]|温馨提示|^注[:：]/;

/** Lines after the table that carry totals or export stamps rather than transactions. */
export function isFooterRow(texts: string[]): boolean {
  const first = texts.find((t) => t !== '') ?? '';
  return first.startsWith('#') || texts.some((t) => FOOTER.test(t));
}
