import { ValidationError } from '../../shared/errors.js';
import { normalizeHeader, type BankLayout } from './bank-layouts.js';
import { columnLetter, columnLetterIndex, PROFILE_LABELS, type MappingProfile } from './mapping-profile.js';
import { MAX_QUOTED_HEADERS, quoteCell } from './statement-limits.js';
import { STATEMENT_FIELDS, type StatementField } from './statement-types.js';

export interface ColumnRef {
  index: number;
  header: string;
}

type SingleField = Exclude<StatementField, 'note'>;
export type ColumnMap = { [K in Exclude<SingleField, 'date'>]?: ColumnRef } & {
  date: ColumnRef;
  note: ColumnRef[];
  creditMarker?: string;
};
type Building = { [K in SingleField]?: ColumnRef } & { note: ColumnRef[]; creditMarker?: string };

function indexOfHeader(normalized: string[], alias: string): number {
  return normalized.indexOf(normalizeHeader(alias));
}

/** Where the layout's fields sit in this header row; null when the row lacks a date or any money column. */
export function layoutColumns(layout: BankLayout, headerCells: string[]): ColumnMap | null {
  const normalized = headerCells.map((h) => normalizeHeader(h));
  const map: Building = { note: [] };
  for (const [field, aliases] of Object.entries(layout.columns) as [StatementField, string[]][]) {
    if (field === 'note') {
      const seen = new Set<number>();
      for (const alias of aliases) {
        const i = indexOfHeader(normalized, alias);
        if (i >= 0 && !seen.has(i)) {
          seen.add(i);
          map.note.push({ index: i, header: headerCells[i]! });
        }
      }
      continue;
    }
    for (const alias of aliases) {
      const i = indexOfHeader(normalized, alias);
      if (i >= 0) {
        map[field] = { index: i, header: headerCells[i]! };
        break;
      }
    }
  }
  if (!map.date || !(map.credit || map.amount)) return null;
  return { ...map, date: map.date };
}

/** A profile maps the counterparty's name and account as two columns; the combined column is a bank layout's own. */
const PROFILE_FIELDS = STATEMENT_FIELDS.filter(
  (f): f is Exclude<StatementField, 'counterparty'> => f !== 'counterparty',
);

/** True when every column the profile names by header text is in this row. */
export function rowHasProfileHeaders(profile: MappingProfile, cells: string[]): boolean {
  const normalized = new Set(cells.map((c) => normalizeHeader(c)));
  const named = PROFILE_FIELDS.map((f) => profile.columns[f]).filter(
    (r): r is string => r !== undefined && columnLetterIndex(r) === null,
  );
  return named.length > 0 && named.every((r) => normalized.has(normalizeHeader(r)));
}

/** Resolves a profile against the header row (null when the profile uses only column letters and no header). */
export function profileColumns(profile: MappingProfile, headerCells: string[] | null, headerLine: number): ColumnMap {
  const normalized = headerCells?.map((h) => normalizeHeader(h)) ?? [];
  const map: Building = { note: [] };
  if (profile.columns.creditMarker) map.creditMarker = profile.columns.creditMarker;
  for (const field of PROFILE_FIELDS) {
    const ref = profile.columns[field];
    if (ref === undefined) continue;
    const letter = columnLetterIndex(ref);
    const index = letter ?? normalized.indexOf(normalizeHeader(ref));
    if (index < 0) {
      // The header row is the file's text: a few of its cells, cut short, are enough to see what was there.
      const cells = (headerCells ?? []).filter(Boolean);
      const found =
        cells.slice(0, MAX_QUOTED_HEADERS).map(quoteCell).join(', ') +
        (cells.length > MAX_QUOTED_HEADERS ? ` 等 ${cells.length} 列` : '');
      throw new ValidationError({
        message: `第${headerLine}行 表头中找不到映射配置“${profile.name}”的${String(PROFILE_LABELS[field])}“${quoteCell(ref)}”`,
        code: 'profile_column_missing',
        field: 'file',
        params: { line: headerLine, profile: profile.name, column: quoteCell(ref), role: field, found },
        detail: `line ${headerLine}: column "${ref}" (${field}) of profile "${profile.name}" not in the header row (found: ${found})`,
      });
    }
    const col = { index, header: headerCells?.[index] || columnLetter(index) };
    if (field === 'note') map.note.push(col);
    else map[field] = col;
  }
  // date is required by the profile schema, so it was resolved (or we threw) above.
  return { ...map, date: map.date! };
}
