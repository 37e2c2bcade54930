/** One remark as xiaoer keeps it locally: the history survives whatever happens to the platform memo. */
import { createHash } from 'node:crypto';
import type { TradeStatus } from '../orders/index.js';
import type { TradeCloseReason } from '../platform/index.js';

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

/**
 * Closing the unpaid trade an entry says will be closed (cancel.request, oos.notify): wanted until the memo has landed
 * and the platform answered; closed (the platform's status after it); failed (refused: paid meanwhile, or the memo
 * never landed), which opens a follow-up for the writer.
 */
export type CloseState = 'wanted' | 'closed' | 'failed';
export const CLOSE_STATE_LABELS: Readonly<Record<CloseState, string>> = {
  wanted: '待关闭交易（平台恢复后自动关闭，只关一次）',
  closed: '交易已关闭',
  failed: '交易没有关闭，已转为待办',
};

export interface TradeClose {
  /** The platform's close reason sent with taobao.trade.close. */
  reason: TradeCloseReason;
  state: CloseState;
  attempts: number;
  /** The trade's status on the platform after closing (closed), else null. */
  status: TradeStatus | null;
  /** Why it is not closed yet (wanted: the last try's error) or will not be (failed: the platform's refusal). */
  error: string | null;
  /** When the platform answered for good (closed or failed). */
  at: string | null;
  /** The writer's follow-up opened on failure. */
  followUpId: string | null;
}

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
  /** Absent on entries that close nothing (and on entries kept before closing trades existed). */
  close?: TradeClose | null;
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
