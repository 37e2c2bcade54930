/**
 * What the shop's day needs from features built elsewhere (messaging, reconciliation, ledger),
 * declared narrowly here so this folder never imports their internals. The composition root wires
 * the real implementations; a job whose port is missing is simply not registered, and a report
 * section whose port is missing shows zero / nothing.
 */

/** Message kinds as in templates/messages (messaging's MESSAGE_KINDS). */
export type OutboundKind =
  | 'payment-reminder-first' | 'payment-reminder-last' | 'birthday' | 'review-repair'
  | 'logistics-shipped' | 'logistics-stuck' | 'logistics-delivered' | 'logistics-misdelivered'
  | 'transfer-received' | 'transfer-not-found' | 'refund-registered';

export interface MessageRequest {
  kind: OutboundKind;
  tid?: string;
  buyerNick: string;
  /** Why it is sent, for the outbox and the send log. */
  reason: string;
  /** Earliest send time (+08:00 instant); the send policy may move it out of night hours. */
  dueAt?: string;
}

export interface MessageSink {
  /** Goes through the send policy (opt-outs, one per order per kind, quiet hours, rate limits). */
  enqueue(req: MessageRequest): Promise<{ queued: boolean; reason?: string }>;
  /** The staff robot (DingTalk / WeCom; the outbox in the sandbox), rate-limited by its channel. */
  /** What it resolves with (the stored notice, say) is not used. */
  notifyStaff(n: { title: string; markdown: string }): Promise<unknown>;
}

export interface MessageCounts { sent: number; queued: number; failed: number }

export interface MessageProblem {
  id: string;
  kind: string;
  tid?: string;
  buyerNick: string;
  state: 'failed' | 'held';
  /** +08:00 instant the message was queued. */
  at: string;
  reason: string;
  /** Username of whoever should look at it, if known. */
  owner?: string | null;
}

/** Read side of messaging for the handover report. */
export interface MessageStats {
  /** Per kind, for messages queued/sent/failed in [start, end) (epoch ms). */
  countsBetween(start: number, end: number): Record<string, MessageCounts>;
  /** Failed or held messages nobody has dealt with yet. */
  problems(): MessageProblem[];
}

/** Reconciliation's scheduled checks; each returns counts for the run log. */
export interface TransferChecks {
  /** Transfers claimed by buyers and not found in the bank after 3 days → back to the original staff. */
  threeDayRule(): Promise<Record<string, number>>;
  /** Orders both paid on the platform and by bank transfer. */
  duplicateTrades(): Promise<Record<string, number>>;
  /** The day's transfer register (汇款销售记录表), YYYY-MM-DD. */
  dailyRegister(date: string): Promise<Record<string, number>>;
}

export interface TransferClaim {
  id: string;
  buyerNick: string;
  tid?: string;
  amountFen: number;
  /** +08:00 instant the buyer said they paid. */
  claimedAt: string;
  owner?: string | null;
}

/** Read side of reconciliation for the handover report. */
export interface TransferStatus {
  confirmedBetween(start: number, end: number): number;
  unverifiedClaims(): TransferClaim[];
  /** Bank rows waiting for a person to match them. */
  manualQueue(): { id: string; amountFen: number; at: string; payer?: string }[];
}

/** The refund register export at 17:30 (the ledger's exportRefunds + where the file goes). */
export interface RefundRegisterExport {
  exportDay(date: string): Promise<{ rows: number }>;
}
