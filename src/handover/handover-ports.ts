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
