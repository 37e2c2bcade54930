/**
 * Appending an entry to the platform memo. The platform overwrites the whole memo and keeps at most
 * 1000 bytes, so a write is read → append → check → write; these are the pure middle steps.
 */
import { ENTRY_SEPARATOR, splitMemo } from './split.js';

export const MEMO_BYTE_LIMIT = 1000;

/** UTF-8 length, as the platform counts it (a Chinese character is 3 bytes). */
export function memoBytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Appends `entry` after a `；`, keeping hand-written text as it is. The same entry already present
 * (same kind, fields, staff and day render the same text) leaves the memo unchanged.
 */
export function appendEntry(memo: string, entry: string): { memo: string; alreadyPresent: boolean } {
  const wanted = entry.trim();
  if (!wanted) throw new RangeError('an empty entry cannot be appended');
  if (splitMemo(memo).some((e) => e.text === wanted)) return { memo, alreadyPresent: true };
  if (!memo.trim()) return { memo: wanted, alreadyPresent: false };
  const endsWithSeparator = /[；;]\s*$/.test(memo);
  return { memo: endsWithSeparator ? `${memo}${wanted}` : `${memo}${ENTRY_SEPARATOR}${wanted}`, alreadyPresent: false };
}

export type MemoLimitCheck =
  | { ok: true; bytes: number; limit: number }
  | { ok: false; bytes: number; limit: number; code: 'memo_too_long'; message: string };

/** Whether a memo fits the platform's limit. Over the limit is an expected outcome: nothing is truncated. */
export function checkMemoLimit(memo: string, limit = MEMO_BYTE_LIMIT): MemoLimitCheck {
  const bytes = memoBytes(memo);
  if (bytes <= limit) return { ok: true, bytes, limit };
  return {
    ok: false,
    bytes,
    limit,
    code: 'memo_too_long',
    message: `备注加上新内容共${bytes}字节，超过平台${limit}字节上限，未写入；请先在后台精简原有备注。`,
  };
}

export type MemoAppendPlan =
  | { status: 'append'; memo: string; bytes: number }
  | { status: 'already_present'; memo: string; bytes: number }
  | { status: 'too_long'; memo: string; bytes: number; limit: number; message: string };

/** The three outcomes of adding one entry: write this memo, nothing to do, or refuse (memo left as it was). */
export function planAppend(current: string, entry: string, limit = MEMO_BYTE_LIMIT): MemoAppendPlan {
  const appended = appendEntry(current, entry);
  if (appended.alreadyPresent) return { status: 'already_present', memo: current, bytes: memoBytes(current) };
  const check = checkMemoLimit(appended.memo, limit);
  if (!check.ok) return { status: 'too_long', memo: current, bytes: check.bytes, limit, message: check.message };
  return { status: 'append', memo: appended.memo, bytes: check.bytes };
}
