/**
 * A memo is a list of entries separated by `；`. Staff typing in the back office also use `;` and
 * line breaks, so the reader accepts those too; it never changes the memo's text.
 */

export const ENTRY_SEPARATOR = '；';
const SPLIT = /(；|;|\r?\n)/;

export interface MemoEntry {
  index: number;
  /** The entry's text, trimmed of surrounding spaces. */
  text: string;
  /** The separator before it as typed (null for the first entry). */
  separatorBefore: string | null;
}

export function splitMemo(memo: string): MemoEntry[] {
  const parts = memo.split(SPLIT);
  const entries: MemoEntry[] = [];
  let separator: string | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 2 === 1) {
      separator = part;
      continue;
    }
    const text = part.trim();
    if (text) entries.push({ index: entries.length, text, separatorBefore: entries.length ? separator : null });
  }
  return entries;
}
