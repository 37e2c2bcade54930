/** Bank-transfer orders (汇款订单) as xiaoer keeps them. Money is integer fen; instants are +08:00 ISO strings. */
import type { QueueCode, Candidate, MatchRule } from '../matching/index.js';
import type { StatementRow } from '../statement/index.js';

/** awaiting: no claim yet; claimed: the buyer says they paid; paid: money verified; shipped: waybill entered. */
export type TransferState = 'awaiting' | 'claimed' | 'paid' | 'shipped' | 'cancelled';
export const TRANSFER_STATES: readonly TransferState[] = ['awaiting', 'claimed', 'paid', 'shipped', 'cancelled'];
export const STATE_LABELS: Record<TransferState, string> = {
  awaiting: '待汇款',
  claimed: '已申报',
  paid: '已到账',
  shipped: '已发货',
  cancelled: '已取消',
};

/** How a new order is told apart in a bank statement: an amount a few fen above the price, a code, both, or nothing. */
export type IdentifyMethod = 'none' | 'unique-amount' | 'reference' | 'both';
/** The keeper's words for each, the form's choices and the refusal of an unknown one. */
export const IDENTIFY_LABELS: Readonly<Record<IdentifyMethod, string>> = {
  none: '不加识别',
  'unique-amount': '唯一金额（应付加几分）',
  reference: '参考码（写在汇款附言）',
  both: '唯一金额和参考码',
};

export interface Person {
  username: string;
  displayName: string;
}

export interface TransferItem {
  itemNo: string;
  size: string;
  quantity: number;
  priceFen: number;
}

export interface TransferClaimRecord {
  id: string;
  /** 'YYYY-MM-DD', the day the buyer says they paid. */
  date: string;
  method: string;
  bankName: string | null;
  payerName: string | null;
  amountFen: number;
  staff: Person;
  recordedAt: string;
  /** When the three-day rule handed it back to the staff (once). */
  chasedAt: string | null;
}

export interface TransferOrder {
  id: string;
  buyerNick: string;
  /** The buyer's real name as a bank prints the payer (optional, strongest match evidence). */
  buyerName: string | null;
  tid: string | null;
  items: TransferItem[];
  address: string;
  amountDueFen: number;
  /** Held while the order is open; freed (kept here for history, `uniqueHeld` false) once paid or cancelled. */
  uniqueAmountFen: number | null;
  uniqueHeld: boolean;
  reference: string | null;
  overseas: boolean;
  staff: Person;
  createdAt: string;
  state: TransferState;
  claims: TransferClaimRecord[];
  /** Statement rows (identities) that paid it. */
  paidBy: string[];
  paidAt: string | null;
  /** Fen the bank rows brought for this order (its share when one credit paid several); the buyer is told it. */
  receivedFen?: number;
  verifiedBy: Person | null;
  rule: MatchRule | 'manual' | null;
  waybill: string | null;
  shippedAt: string | null;
  cancelledAt: string | null;
  /** What happened on the platform at creation: closed the unpaid trade, or why not. */
  platform: { closed: boolean; memo: string | null; note: string | null };
}

export type RowStatus = 'matched' | 'queued' | 'unmatched' | 'confirmed';
export const ROW_STATUS_LABELS: Record<RowStatus, string> = {
  matched: '已自动匹配',
  queued: '待人工确认',
  unmatched: '未匹配',
  confirmed: '已人工确认',
};

/** One imported statement credit and the decision about it. */
export interface StoredRow {
  identity: string;
  row: StatementRow;
  importId: string;
  importedAt: string;
  status: RowStatus;
  transferIds: string[];
  rule: MatchRule | 'manual' | null;
  code: QueueCode | null;
  reason: string;
  candidates: Candidate[];
}

export interface AuditEvent {
  id: string;
  transferId: string | null;
  rowIdentity: string | null;
  action:
    | 'created'
    | 'platform-closed'
    | 'claimed'
    | 'matched'
    | 'queued'
    | 'confirmed'
    | 'unmatched'
    | 'cancelled'
    | 'shipped'
    | 'chased'
    | 'duplicate-closed'
    | 'imported'
    | 'surplus-noted'
    | 'rejected';
  by: string;
  at: string;
  detail: string;
}

/** A buyer's overpayment, waiting for the keeper to book it to the store balance (余额). */
export interface SurplusNote {
  id: string;
  transferId: string;
  buyerNick: string;
  amountFen: number;
  rowIdentity: string;
  confirmedBy: Person;
  at: string;
  booked: boolean;
}
