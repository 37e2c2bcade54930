/**
 * What other features need of messaging: queue a message to a buyer (through the send policy) or tell the staff
 * something on their robot. Payment reminders, greetings, review repair, stuck parcels and the handover depend on
 * this port, never on the outbox itself.
 */
import type { MessageKind } from './templates/metadata.js';

export interface MessageRequest {
  kind: MessageKind;
  tid?: string;
  buyerNick: string;
  /** Why it is sent, for the outbox and the send log. */
  reason: string;
  /** Earliest send time (+08:00 instant); the send policy may move it out of night hours. */
  dueAt?: string;
  /** A bank transfer the message is about: amount in fen, the reference (also what makes it once per transfer). */
  transfer?: { amount: number; reference: string; claimedAt?: string };
  /** Username answering for it should it wait for a value (a transfer's taking staff); else the handover's rule. */
  owner?: string;
}

export interface MessageSink {
  /**
   * Goes through the send policy (opt-outs, one per order per kind, quiet hours, rate limits). A message that lacks
   * a value is not queued but kept for a person (reason `needs_values`): a job counts it apart, never as handled.
   */
  enqueue(req: MessageRequest): Promise<{ queued: boolean; reason?: string }>;
  /** The staff robot (DingTalk / WeCom; the outbox in the sandbox), rate-limited by its channel. */
  /** What it resolves with (the stored notice, say) is not used. */
  notifyStaff(n: { title: string; markdown: string }): Promise<unknown>;
}
