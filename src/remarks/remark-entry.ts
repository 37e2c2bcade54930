/** One remark as xiaoer keeps it locally: the history survives whatever happens to the platform memo. */
import { createHash } from 'node:crypto';

/**
 * written: xiaoer put it in the platform memo; already_present: the memo already held this exact
 * text (an earlier write whose answer was lost, or typed by hand); pending: waiting in the remark
 * outbox; failed: the outbox gave up (the memo no longer has room) and staff must act.
 */
export type EntryStatus = 'written' | 'already_present' | 'pending' | 'failed';
/** Each status's name on an order's remark history. */
export const ENTRY_STATUS_LABELS: Readonly<Record<EntryStatus, string>> = {
  written: '已写入',
  already_present: '备注里已有',
  pending: '待写入（排队中）',
  failed: '写入失败',
};
/** What a person is told when a write comes back (the console's result, `xiaoer remark`), by its outcome. */
export const WRITE_OUTCOME_TEXT: Readonly<Record<Exclude<EntryStatus, 'failed'>, string>> = {
  written: '已写入备注',
  // Also what a person gets when the platform is slow: the write waits a few seconds at most, then queues.
  pending: '平台暂未应答，已排队，平台恢复后自动写入（只写一次）',
  already_present: '备注里已有这条，没有重复写入',
};

export interface RemarkEntry {
  /** Also the idempotency key: the same kind, fields, staff and Shanghai day give the same id. */
  id: string;
  tid: string;
  kind: string;
  variant: string;
  /** Normalized fields (amounts in fen). */
  fields: Record<string, unknown>;
  text: string;
  /** The flag the kind asks for (null: none). */
  flag: number | null;
  /** Display name shown in the memo, and the account that wrote it. */
  staff: string;
  username: string;
  at: string;
  /** Shanghai day, YYYY-MM-DD. */
  day: string;
  status: EntryStatus;
  platform: {
    attempts: number;
    lastError: string | null;
    landedAt: string | null;
    /** The order's flag after the write. */
    flagAfter: number | null;
  };
  taskId: string | null;
}

/** Key order is fixed so that {a, b} and {b, a} are one entry. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function entryId(parts: {
  tid: string;
  kind: string;
  fields: Record<string, unknown>;
  staff: string;
  day: string;
}): string {
  const key = [parts.tid, parts.kind, canonical(parts.fields), parts.staff, parts.day].join('\u0000');
  return `r-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}
