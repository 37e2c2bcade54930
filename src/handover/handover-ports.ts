/**
 * What the handover report reads from features built elsewhere (messaging, reconciliation), declared narrowly here
 * so the report never imports their internals. A section whose port is not wired shows zero / nothing.
 */

export interface MessageCounts {
  sent: number;
  queued: number;
  failed: number;
}

export interface MessageProblem {
  id: string;
  kind: string;
  tid?: string;
  buyerNick: string;
  /** needs_values: a job's message that lacks a value, waiting for a person to fill it or dismiss it. */
  state: 'failed' | 'held' | 'needs_values';
  /** +08:00 instant the message was queued. */
  at: string;
  reason: string;
  /** Username of whoever should look at it, if known. */
  owner?: string | null;
  /** needs_values: the values to fill, with the template's labels (汇款金额): the item's title names them. */
  missing?: { name: string; label: string }[];
}

/** Read side of messaging for the handover report. */
export interface MessageStats {
  /** Per kind, for messages queued/sent/failed in [start, end) (epoch ms). */
  countsBetween(start: number, end: number): Record<string, MessageCounts>;
  /** Failed or held messages nobody has dealt with yet, and messages waiting for a value. */
  problems(): MessageProblem[];
  /**
   * 完成 on a message waiting for a value closes the message itself (dismissed, with the person's name and note), so
   * the messages page agrees with the handover; a failed or held message is left as it is (it may have arrived).
   */
  dismissWaiting?(id: string, user: { username: string; displayName: string }, note: string): Promise<unknown>;
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

/** A return (退货) that has not moved for three days: the buyer has not sent it, or the parcel sits somewhere. */
export interface StuckReturnItem {
  id: string;
  tid: string;
  buyerNick: string;
  /** +08:00 instant it last moved. */
  since: string;
  title: string;
  detail: string;
}

/** Read side of the returns feature for the handover report. */
export interface ReturnStatus {
  stuck(): StuckReturnItem[];
}

/** Read side of reconciliation for the handover report. */
export interface TransferStatus {
  confirmedBetween(start: number, end: number): number;
  unverifiedClaims(): TransferClaim[];
  /** Bank rows waiting for a person to match them. */
  manualQueue(): { id: string; amountFen: number; at: string; payer?: string }[];
}
