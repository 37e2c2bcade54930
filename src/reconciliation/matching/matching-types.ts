import type { StatementRow } from '../statement/statement-types.js';

/** A transfer order waiting for its money. */
export interface OpenTransfer {
  id: string;
  buyerNick: string;
  /** The buyer's real name, as a bank prints the payer; the strongest sign a credit is theirs. */
  buyerName?: string | null;
  amountDueFen: number;
  uniqueAmountFen?: number | null;
  reference?: string | null;
  /** ISO-8601 instant. */
  createdAt: string;
  overseas?: boolean;
}

/** The buyer's "I paid", as staff recorded it. */
export interface Claim {
  transferId: string;
  /** 'YYYY-MM-DD', the day the buyer says they paid. */
  date: string;
  method: string;
  bankName?: string | null;
  payerName?: string | null;
  amountFen: number;
  recordedAt: string;
}

export type MatchRule = 'reference' | 'unique-amount' | 'amount-and-payer' | 'combined-orders';

export type QueueCode =
  | 'reference-amount-differs'
  | 'ambiguous-reference'
  | 'ambiguous-amount'
  | 'ambiguous-orders'
  | 'ambiguous-combination'
  | 'competing-credits'
  | 'intermediary'
  | 'payer-differs'
  | 'no-payer-name'
  | 'outside-window'
  | 'partial-payment'
  | 'overpayment'
  | 'no-certain-match';

export interface Candidate {
  transferId: string;
  score: number;
  why: string;
}

export interface MatchedCredit {
  row: StatementRow;
  transferIds: string[];
  rule: MatchRule;
  reason: string;
}
export interface QueuedCredit {
  row: StatementRow;
  candidates: Candidate[];
  code: QueueCode;
  reason: string;
}

export interface MatchResult {
  matched: MatchedCredit[];
  queued: QueuedCredit[];
  /** Credits no open order could be for. */
  unmatched: StatementRow[];
}

export interface MatchOptions {
  /**
   * Days a credit may lie from the buyer's claim, or after the order was created, to count as consistent. Default 7.
   */
  windowDays?: number;
}

export const DEFAULT_WINDOW_DAYS = 7;
