import type ExcelJS from 'exceljs';
import { ValidationError } from '../../shared/errors.js';
import { readCsvText } from './csv-reader.js';
import type { RawCell, RawRow } from './statement-types.js';

export function isXlsx(file: { name: string; bytes: Buffer }): boolean {
  const b = file.bytes;
  const zip = b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  return zip || /\.xlsx$/i.test(file.name);
}

/** Refuses formats we cannot read with a message that tells the keeper what to export instead. */
export function refuseUnreadable(file: { name: string; bytes: Buffer }): void {
  const b = file.bytes;
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    throw new ValidationError({
      message: '旧版 .xls 文件无法读取，请在网银选择 CSV 或另存为 .xlsx',
      code: 'file_old_xls',
      field: 'file',
      detail: 'old .xls is not supported: export CSV or save as .xlsx',
    });
  }
  if (b.length === 0)
    throw new ValidationError({ message: '文件为空', code: 'file_empty', field: 'file', detail: 'the file is empty' });
}

/** CRLF and CR as '\n': csv-parse counts a CRLF in a quoted field as two lines; one style keeps line numbers true. */
export function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Several delimiters are tried because a few banks export tab-separated text under a .csv name. `normalized` has
 * '\n' line ends only (normalizeLineEnds). With `maxRows`, only the top of the file is read (where the header is).
 */
export function readCsvRows(normalized: string, delimiter: ',' | '\t' | ';', maxRows?: number): RawRow[] {
  let rows: RawRow[];
  try {
    rows = readCsvText(normalized, delimiter, maxRows);
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    if (!terminated(normalized) && (err as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') throw cutOff(line);
    throw new ValidationError({
      message: `第${line ?? '?'}行: CSV 格式错误，请重新从网银下载对账单`,
      code: 'csv_malformed',
      field: 'file',
      params: { line: line ?? null },
      detail: `line ${line ?? '?'}: malformed CSV (${(err as Error).message})`,
    });
  }
  // A bank writes every row with its line end; text that stops without one may have been cut off mid-row.
  if (maxRows === undefined && !terminated(normalized) && rows.length > 0) rows[rows.length - 1]!.unterminated = true;
  return rows;
}

function terminated(text: string): boolean {
  return text === '' || text.endsWith('\n');
}

function cutOff(line: number | undefined): ValidationError {
  return new ValidationError({
    message: `第${line ?? '?'}行: 文件在一个带引号的单元格中间结束，可能下载不完整，请重新下载完整的对账单`,
    code: 'file_cut_off',
    field: 'file',
    params: { line: line ?? null },
    detail: `line ${line ?? '?'}: the file ends inside a quoted cell; it looks cut off, download the whole statement again`,
  });
}

function cellValue(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

/** Every sheet's rows (sheet row numbers as lines); the caller picks the sheet that has a statement header. */
export async function readXlsxSheets(bytes: Buffer): Promise<{ name: string; rows: RawRow[] }[]> {
  // Loaded on the first XLSX: exceljs is most of the parser's start-up, and most statements are CSV.
  const { default: excel } = await import('exceljs');
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new ValidationError({
      message: '无法读取这个 XLSX 文件，请确认它是网银导出的表格，或改用 CSV',
      code: 'xlsx_unreadable',
      field: 'file',
      detail: `not a readable XLSX file (${(err as Error).message})`,
    });
  }
  return wb.worksheets.map((ws) => {
    const rows: RawRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: RawCell[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellValue(row.getCell(c).value));
      rows.push({ line: rowNumber, cells });
    });
    return { name: ws.name, rows };
  });
}
