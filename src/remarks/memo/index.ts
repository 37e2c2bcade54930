/** Memo reading and composition: split, append, byte limit, parse back into catalogue entries, lint. */
export { appendEntry, checkMemoLimit, memoBytes, planAppend, MEMO_BYTE_LIMIT } from './compose.js';
export type { MemoAppendPlan, MemoLimitCheck } from './compose.js';
export { splitMemo, ENTRY_SEPARATOR } from './split.js';
export type { MemoEntry } from './split.js';
export { parseMemo, parseEntry } from './parse.js';
export type { ParsedEntry, RecognizedEntry, UnknownEntry, ParseMemoOptions } from './parse.js';
export { lintMemo, lintEntries } from './lint.js';
export type { LintCode, LintFinding } from './lint.js';
export { datePattern } from './date-pattern.js';
