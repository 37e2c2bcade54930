import { ValidationError } from '../../shared/errors.js';
import {
  describeExpectedHeaders,
  detectLayout,
  layoutsFor,
  normalizeHeader,
  type BankId,
  type BankLayoutId,
} from './bank-layouts.js';
import { cellText, parseDateCell } from './cell-values.js';
import { layoutColumns, profileColumns, rowHasProfileHeaders, type ColumnMap } from './column-map.js';
import { decodeText } from './decode-text.js';
import { validateProfile, type MappingProfile } from './mapping-profile.js';
import { isXlsx, normalizeLineEnds, readCsvRows, readXlsxSheets, refuseUnreadable } from './read-table.js';
import { assignIdentities } from './row-identity.js';
import { bookedNeutral, buildRow, isFooterRow, type BuiltRow } from './row-builder.js';
import { checkRunningBalance, type BalanceStep } from './running-balance.js';
import { MAX_COLUMNS, MAX_QUOTED_HEADERS, quoteCell } from './statement-limits.js';
import type { HeldBackRow, ParsedStatement, RawRow, TextEncoding } from './statement-types.js';

export interface ParseOptions {
  bank?: BankLayoutId | BankId;
  profile?: MappingProfile;
}

/** Preamble lines (account, 户名, 起止日期…) before the header: banks print a handful, never dozens. */
const MAX_PREAMBLE = 60;

interface Located {
  index: number;
  layout: string;
  columns: ColumnMap;
  headerLine: number;
}

/** The row's first MAX_COLUMNS cells as text: a header or a transaction is never wider, a one-line attack file is. */
function texts(row: RawRow): string[] {
  const cells = row.cells.length > MAX_COLUMNS ? row.cells.slice(0, MAX_COLUMNS) : row.cells;
  return cells.map((c) => cellText(c));
}

/** The first few of a list, each cut short, and how many there were: what a message may repeat of the file. */
function quoteList(items: readonly string[], total = items.length): string {
  const shown = items.slice(0, MAX_QUOTED_HEADERS).map(quoteCell).join(', ');
  return total > MAX_QUOTED_HEADERS ? `${shown} 等 ${total} 列` : shown;
}

function locate(rows: RawRow[], opts: ParseOptions): Located | null {
  const profile = opts.profile;
  if (profile) {
    const layout = `profile:${profile.name}`;
    if (profile.headerRow !== undefined) {
      const index = rows.findIndex((r) => r.line === profile.headerRow);
      if (index < 0)
        throw new ValidationError({
          message: `映射配置中的表头行第${profile.headerRow}行不存在或为空`,
          code: 'header_row_missing',
          field: 'file',
          params: { line: profile.headerRow },
          detail: `line ${profile.headerRow} (header row) is missing or empty`,
        });
      return {
        index,
        layout,
        headerLine: profile.headerRow,
        columns: profileColumns(profile, texts(rows[index]!), profile.headerRow),
      };
    }
    const index = rows.slice(0, MAX_PREAMBLE).findIndex((r) => rowHasProfileHeaders(profile, texts(r)));
    if (index >= 0)
      return {
        index,
        layout,
        headerLine: rows[index]!.line,
        columns: profileColumns(profile, texts(rows[index]!), rows[index]!.line),
      };
    const lettersOnly = Object.entries(profile.columns).every(
      ([k, v]) => k === 'creditMarker' || /^[A-Z]{1,3}$/.test(v),
    );
    return lettersOnly ? { index: -1, layout, headerLine: 0, columns: profileColumns(profile, null, 0) } : null;
  }
  const among = layoutsFor(opts.bank);
  for (let i = 0; i < Math.min(rows.length, MAX_PREAMBLE); i++) {
    const headers = texts(rows[i]!);
    const layout = detectLayout(headers, among);
    const columns = layout && layoutColumns(layout, headers);
    if (layout && columns) return { index: i, layout: layout.id, headerLine: rows[i]!.line, columns };
  }
  return null;
}

function unknownLayout(rows: RawRow[], opts: ParseOptions): ValidationError {
  const candidate = rows.slice(0, MAX_PREAMBLE).reduce<RawRow | null>((best, r) => {
    const n = texts(r).filter((t) => t !== '').length;
    return !best || n > texts(best).filter((t) => t !== '').length ? r : best;
  }, null);
  // The header cells are the file's own text: the message names a few of them, each cut short, never the whole row.
  const cells = candidate ? texts(candidate).filter((t) => t !== '') : [];
  const headers = quoteList(cells, candidate?.width ?? cells.length);
  const found = candidate ? `第${candidate.line}行: ${headers}` : '（空）';
  const expected = opts.profile
    ? `映射配置“${quoteCell(opts.profile.name)}”的列: ${Object.values(opts.profile.columns).map(quoteCell).join(', ')}`
    : describeExpectedHeaders(layoutsFor(opts.bank));
  return new ValidationError({
    message: `无法识别的对账单格式。找到的表头：${found}。期望的表头：${expected}`,
    code: 'statement_layout_unknown',
    field: 'file',
    params: { line: candidate?.line ?? null, headers, expected },
    detail: `unknown statement layout; headers found: ${found}; expected: ${expected}`,
  });
}

function dataRows(rows: RawRow[], at: Located): { built: BuiltRow[]; heldBack: HeldBackRow | null } {
  const headerKey = at.index >= 0 ? texts(rows[at.index]!).map(normalizeHeader).join('|') : null;
  const built: BuiltRow[] = [];
  const steps: BalanceStep[] = [];
  let heldBack: HeldBackRow | null = null;
  let inFooter = false;
  for (let r = at.index + 1; r < rows.length; r++) {
    const row = rows[r]!;
    // A row with a date is a transaction: no empty row, repeated header or footer has one, so only the others
    // are looked at whole (most of the time of a big file went into reading every cell of every row twice).
    if (parseDateCell(row.cells[at.columns.date.index] ?? null) === null) {
      const t = texts(row);
      if (t.every((x) => x === '')) continue;
      // Multi-page exports repeat the header on every page.
      if (headerKey !== null && t.map(normalizeHeader).join('|') === headerKey) continue;
      if (inFooter || isFooterRow(t)) {
        inFooter = true;
        continue;
      }
    }
    // Any cell of a cut-off row may be a prefix of the bank's value (an account read as 6217000): booked, it
    // would pay an order under an identity the complete file does not share, and the complete row pay again.
    if (row.unterminated) {
      heldBack = { line: row.line, reason: CUT_OFF };
      continue;
    }
    const b = buildRow(row, at.columns);
    built.push(b);
    steps.push({
      line: b.line,
      when: `${b.date} ${b.time ?? ''}`,
      amountFen: bookedNeutral(row, at.columns) ? null : b.amountFen,
      balanceFen: b.balanceFen,
    });
  }
  if (at.columns.balance) checkRunningBalance(steps);
  return { built, heldBack };
}

const CUT_OFF = '文件在这一行中间结束（没有换行），可能下载不完整：这一行未导入，导入完整的对账单时会补上';

/**
 * Reads a bank's own statement export (CSV in any of the usual encodings, or XLSX) into rows of integer fen.
 * A file is taken whole or refused whole: the first cell that cannot be read names its line and column.
 */
export async function parseStatement(
  file: { name: string; bytes: Buffer },
  opts: ParseOptions = {},
): Promise<ParsedStatement> {
  refuseUnreadable(file);
  const options: ParseOptions = { ...opts, ...(opts.profile ? { profile: validateProfile(opts.profile) } : {}) };
  // Each table is read first down to where a header can be; only the one whose top has a header is read whole.
  let tables: { top: (rows: number) => RawRow[]; all: () => RawRow[] }[];
  let format: 'csv' | 'xlsx';
  let encoding: TextEncoding | null = null;
  if (isXlsx(file)) {
    format = 'xlsx';
    const sheets = await readXlsxSheets(file.bytes);
    tables = sheets.map((s) => ({ top: () => s.rows, all: () => s.rows }));
  } else {
    format = 'csv';
    const decoded = decodeText(file.bytes);
    encoding = decoded.encoding;
    const text = normalizeLineEnds(decoded.text);
    // Comma first; tab- or semicolon-separated text is tried only when commas give no header, and a file whose
    // top is not valid in that reading simply is not that kind of file.
    const alternative = (d: '\t' | ';') => ({
      top: (n: number) => {
        try {
          return readCsvRows(text, d, n);
        } catch {
          return [];
        }
      },
      all: () => readCsvRows(text, d),
    });
    tables = [
      { top: (n) => readCsvRows(text, ',', n), all: () => readCsvRows(text, ',') },
      alternative('\t'),
      alternative(';'),
    ];
  }
  const topRows = Math.max(MAX_PREAMBLE, options.profile?.headerRow ?? 0) + 1;
  let first: RawRow[] | null = null;
  for (const table of tables) {
    const top = table.top(topRows);
    first ??= top;
    const at = locate(top, options);
    if (!at) continue;
    // The whole table begins with the same rows as its top, so the header's index holds in it.
    const rows = table.all();
    const { built, heldBack } = dataRows(rows, at);
    const identified = assignIdentities(built);
    return {
      layout: at.layout,
      format,
      encoding,
      headerLine: at.headerLine,
      rows: identified,
      credits: identified.filter((r) => r.amountFen > 0),
      heldBack,
    };
  }
  throw unknownLayout(first ?? [], options);
}
