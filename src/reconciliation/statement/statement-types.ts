/** Shapes of a parsed bank statement. Money is integer fen, dates are the bank's own Shanghai calendar day. */

/** The logical columns a statement can have; a layout or a mapping profile says where each one is. */
export const STATEMENT_FIELDS = [
  'date',
  'time',
  'credit',
  'debit',
  'amount',
  'direction',
  'counterpartyName',
  'counterpartyAccount',
  'counterparty',
  'note',
  'balance',
  'serial',
] as const;
export type StatementField = (typeof STATEMENT_FIELDS)[number];

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface StatementRow {
  /** 1-based line in the file (sheet row for XLSX), so a person can find the row in the bank's export. */
  line: number;
  date: string;
  time: string | null;
  /** Signed: + money in (credit), − money out (debit). */
  amountFen: number;
  counterpartyName: string;
  counterpartyAccount: string;
  note: string;
  balanceFen: number | null;
  serial: string | null;
  /** sha256 (hex) of the bank row's identity; equal for the same row in a re-import or an overlapping export. */
  identity: string;
}

export interface ParsedStatement {
  /** Layout id, or `profile:<name>` when a mapping profile was used. */
  layout: string;
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  /** 1-based line of the header row. */
  headerLine: number;
  rows: StatementRow[];
  /** Incoming money only: the rows that can pay a transfer order. */
  credits: StatementRow[];
  /** The last line, when the file ends in the middle of it (a cut-off download); it is in neither list above. */
  heldBack: HeldBackRow | null;
}

/** One cell as read from the file: CSV gives text, XLSX may give numbers and dates. */
export type RawCell = string | number | Date | null;

export interface RawRow {
  line: number;
  cells: RawCell[];
  /** The file's last row, not followed by a line end: it may be cut off, so it is never taken as a bank row. */
  unterminated?: boolean;
  /** How many cells the row had, when that was more than the MAX_COLUMNS kept in `cells`. */
  width?: number;
}

/** A row that was read but not imported, and why: the keeper sees it in the import summary. */
export interface HeldBackRow {
  line: number;
  reason: string;
}
