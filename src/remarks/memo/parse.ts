/**
 * Reads any memo back into entries: each catalogue form becomes `{kind, variant, fields, staff, date}`
 * (amounts back in fen), anything else stays `{kind: null, raw}`. Reading never changes the text.
 */
import { parseYuan } from '../../shared/money.js';
import { MONEY_PLACEHOLDERS } from '../catalogue/render.js';
import { formMatchers, type FormMatcher } from './form-matchers.js';
import { datePattern } from './date-pattern.js';
import { splitMemo } from './split.js';

export interface ParseMemoOptions {
  dateFormat?: string;
  /** Display names of the shop's staff; needed to recognise a bare-name sale record. */
  staffNames?: readonly string[];
}

export interface RecognizedEntry {
  index: number;
  raw: string;
  separatorBefore: string | null;
  kind: string;
  variant: string;
  /** Fields as the renderer normalizes them (amounts in fen). */
  fields: Record<string, unknown>;
  /** Values the text shows that come from elsewhere (the ledger's `remaining`, in fen). */
  derived: Record<string, number>;
  staff: string | null;
  date: string | null;
  /** Other kinds whose text is identical (e.g. price.ordinary and copy.ordinary are both `staff/date`). */
  ambiguousWith?: string[];
}

export interface UnknownEntry {
  index: number;
  raw: string;
  separatorBefore: string | null;
  kind: null;
}

export type ParsedEntry = RecognizedEntry | UnknownEntry;

const DERIVED: ReadonlySet<string> = new Set(['remaining']);

export function parseMemo(memo: string, opts: ParseMemoOptions = {}): ParsedEntry[] {
  return splitMemo(memo).map((e) => {
    const parsed = parseEntry(e.text, opts);
    return parsed
      ? { index: e.index, raw: e.text, separatorBefore: e.separatorBefore, ...parsed }
      : { index: e.index, raw: e.text, separatorBefore: e.separatorBefore, kind: null };
  });
}

type Recognized = Omit<RecognizedEntry, 'index' | 'raw' | 'separatorBefore'>;

/** One entry's text → its catalogue form, or null for hand-written text. */
export function parseEntry(text: string, opts: ParseMemoOptions = {}): Recognized | null {
  const dateFormat = opts.dateFormat ?? 'MM.DD';
  const found: Recognized[] = [];
  for (const matcher of formMatchers(dateFormat)) {
    const hit = tryMatcher(matcher, text.trim(), opts, dateFormat);
    if (hit && !found.some((f) => f.kind === hit.kind)) found.push(hit);
  }
  const [first, ...others] = found;
  if (!first) return null;
  return others.length ? { ...first, ambiguousWith: others.map((o) => o.kind) } : first;
}

function tryMatcher(matcher: FormMatcher, text: string, opts: ParseMemoOptions, dateFormat: string): Recognized | null {
  const m = matcher.regex.exec(text);
  if (!m) return null;
  const raw: Record<string, unknown> = {};
  const derived: Record<string, number> = {};
  let staff: string | null = null;
  let date: string | null = null;
  matcher.names.forEach((name, i) => {
    const value = m[i + 1]!;
    if (name === 'staff') staff = value;
    else if (name === 'date') date = value;
    else if (DERIVED.has(name)) derived[name] = MONEY_PLACEHOLDERS.has(name) ? parseYuan(value) : Number(value);
    else raw[name] = value;
  });
  for (const [k, v] of Object.entries(matcher.form.fixed ?? {})) {
    if (DERIVED.has(k)) derived[k] = Number(v);
    else raw[k] = v;
  }
  if (matcher.needsKnownStaff && !(staff !== null && opts.staffNames?.includes(staff))) return null;
  if (matcher.needsValidDate && !(date !== null && datePattern(dateFormat).isValid(date))) return null;
  const fields = matcher.kind.schema.safeParse(raw);
  if (!fields.success) return null;
  const normalized = Object.fromEntries(Object.entries(fields.data).filter(([, v]) => v !== undefined));
  return { kind: matcher.kind.id, variant: matcher.form.variant, fields: normalized, derived, staff, date };
}
