/**
 * An outbound message as xiaoer keeps it. Its id derives from the idempotency key (one per order
 * per kind), so enqueuing the same thing twice finds the first, and the key is persisted with
 * state `sending` before any channel is asked to send.
 */
import { createHash } from 'node:crypto';
import type { MessageKind } from '../templates/metadata.js';
import { shanghaiParts } from '../../shared/time.js';

/**
 * queued: waits for its due time · sending: handed to a channel (persisted before the send) ·
 * outbox: in the outbox for staff to paste into chat · sent: delivered or pasted (staff mark) ·
 * held: the outcome is unknown or needs a person · failed: refused or out of attempts ·
 * cancelled: the policy or a person stopped it (opted out, delivered since...) · dropped: it outlived its kind's
 * validity (templates/metadata.ts MESSAGE_VALIDITY: a birthday greeting after the birthday, a payment reminder
 * for an order paid or closed since) and was not sent late · needs_values: queued by a job (no person) while a
 * value it needs was missing; it waits, on the handover and the messages page, for a person to fill the value
 * (then it is queued) or dismiss it. A job never counts it as handled.
 */
export const MESSAGE_STATES = [
  'needs_values',
  'queued',
  'sending',
  'outbox',
  'sent',
  'held',
  'failed',
  'cancelled',
  'dropped',
] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];
export const MESSAGE_STATE_LABELS: Record<MessageState, string> = {
  needs_values: '待补充',
  queued: '排队中',
  sending: '发送中',
  outbox: '待复制发送',
  sent: '已发送',
  held: '待人工确认',
  failed: '发送失败',
  cancelled: '已取消',
  dropped: '过期未发',
};

/** States a message does not leave by itself. */
export const SETTLED_STATES: readonly MessageState[] = ['sent', 'failed', 'cancelled', 'dropped'];

export type BuyerChannelKind = 'outbox' | 'aliyun-sms';
export type RobotChannelKind = 'outbox' | 'dingtalk' | 'wecom';
export type ChannelKind = BuyerChannelKind | 'dingtalk' | 'wecom';

export type NoticeKind = 'staff-notice';
/** Notices to colleagues are listed with buyer messages on the console's messages page. */
export const NOTICE_KIND_LABELS: Readonly<Record<NoticeKind, string>> = { 'staff-notice': '同事通知' };

export interface OutboundMessage {
  id: string;
  /** '<kind>:<tid>' for order messages: the once-per-order-per-kind rule is this key being unique. */
  key: string;
  kind: MessageKind | NoticeKind;
  audience: 'buyer' | 'staff';
  tid: string | null;
  /** '' for staff notices. */
  buyerNick: string;
  /** Why it was queued (scheduler rule or staff), for the log and the console. */
  reason: string;
  channel: ChannelKind;
  /** Rendered at enqueue; markdown for staff notices. */
  text: string;
  title?: string;
  /** SMS template parameters (Aliyun templates are approved text with ${name} slots, not free text). */
  smsParams?: Record<string, string>;
  /** Masked, for display: '138****5678'. The number itself is read from the order at send time. */
  to?: string;
  state: MessageState;
  /** Why it is in its state: 'opted_out', 'already_paid', 'quiet_hours', 'outcome_unknown'... */
  stateReason?: string;
  /** +08:00 instants. */
  dueAt: string;
  /** The kind's validity ends here (MESSAGE_VALIDITY `due-day`): not sent by then, it is dropped. */
  validUntil?: string;
  createdAt: string;
  createdBy: string;
  attempts: number;
  sendingSince?: string;
  /**
   * The instance that moved it to `sending` (src/scheduler/instances.ts). Recovery takes a `sending` message for a
   * crash's leftover only when this instance is no longer alive; absent on claims from before, and once the sender
   * let go of a send whose outcome it could not learn (anyone may then resolve it).
   */
  claimedBy?: string;
  deliveredAt?: string;
  sentAt?: string;
  sentBy?: string;
  providerId?: string;
  lastError?: string;
  /** needs_values: the values still missing (template variable and its label), the first thing the handover names. */
  missing?: { name: string; label: string }[];
  /** What a later render needs that is not read from the order: values given so far, the transfer, the buyer. */
  values?: Record<string, string>;
  transfer?: { amount: number; reference: string; claimedAt?: string };
  buyer?: { realName?: string; gender?: 'male' | 'female'; phone?: string };
  /** Username of the person responsible for a job's message (a transfer's taking staff); else the handover's rule. */
  owner?: string;
  /** The instant the job asked for: a due-day kind stays valid for that day only, however late it is filled. */
  requestedAt?: string;
  /** Who filled the missing values, or who closed it by hand, with their note. */
  filledBy?: { username: string; displayName: string; at: string };
  closedBy?: { username: string; displayName: string; at: string; note: string };
}

/** One try at a channel, appended to the message-attempts log (personal data masked). */
export interface SendAttempt {
  messageId: string;
  kind: OutboundMessage['kind'];
  channel: ChannelKind;
  at: string;
  outcome:
    | 'sent'
    | 'outbox'
    | 'deferred'
    | 'retry'
    | 'capped'
    | 'failed'
    | 'unknown'
    | 'resolved-sent'
    | 'resolved-not-sent'
    | 'cancelled'
    | 'dropped'
    | 'held'
    | 'needs-values'
    | 'filled';
  error?: string;
  providerId?: string;
}

/** Kinds that are about one order; the others (birthday, transfers) may be about a buyer only. */
export const ORDER_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>([
  'payment-reminder-first',
  'payment-reminder-last',
  'review-repair',
  'logistics-shipped',
  'logistics-stuck',
  'logistics-delivered',
  'logistics-misdelivered',
  'logistics-returning',
  'logistics-refused',
]);

/**
 * Kinds a workflow of their own sends, never the messages page: a review-repair message goes out only from the review's
 * phone-first steps (a call recorded as 未接通, inside a repair window), so the order page does not offer it and
 * POST /api/messages refuses it. The text says where to send it instead.
 */
export const WORKFLOW_KINDS: Readonly<Partial<Record<MessageKind, string>>> = {
  'review-repair': '中差评修复短信要先打电话：请在订单详情的“中差评”里记录未接通后再发',
};

/**
 * What staff may queue from an order's page: the order kinds and the refund notice (refunds are registered on orders),
 * less the kinds a workflow sends.
 */
export const ORDER_PAGE_KINDS: readonly MessageKind[] = [...ORDER_KINDS, 'refund-registered' as const].filter(
  (k) => !WORKFLOW_KINDS[k],
);

/**
 * The idempotency key. Order messages: once per order per kind. Birthday: once per buyer per year.
 * Other buyer messages: once per buyer per kind and reference (a transfer's reference) or day.
 */
export function idempotencyKey(input: {
  kind: MessageKind;
  tid?: string | null;
  buyerNick: string;
  reference?: string;
  at: number;
}): string {
  if (input.tid) return `${input.kind}:${input.tid}`;
  const p = shanghaiParts(input.at);
  if (input.kind === 'birthday') return `birthday:${input.buyerNick}:${p.year}`;
  const day = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  return `${input.kind}:${input.buyerNick}:${input.reference ?? day}`;
}

/** Short, stable and safe in URLs and as Aliyun's OutId. */
export function messageIdFor(key: string): string {
  return `msg-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
}
