/**
 * A return (退货): a refund the platform says needs the goods back, followed from the buyer's parcel to the warehouse,
 * the warehouse's check, and the refund or the exchange. What is stored are facts (the platform's refund, the parcel's
 * tracking, the warehouse's receipt, the exchange's waybill); where a return stands is derived from them, so a fact
 * arriving late (the platform's refund after the keeper's) never leaves a stale state behind.
 */
import type { ParcelState } from '../logistics/index.js';
import { DAY } from '../shared/time.js';

export const RETURN_STATES = [
  'awaiting_parcel',
  'in_transit',
  'returned',
  'awaiting_refund',
  'awaiting_exchange',
  'refunded',
  'exchanged',
  'closed',
] as const;
export type ReturnState = (typeof RETURN_STATES)[number];

export const RETURN_CONDITIONS = ['good', 'damaged', 'wrong_item'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

export const RETURN_PURPOSES = ['refund', 'exchange'] as const;
export type ReturnPurpose = (typeof RETURN_PURPOSES)[number];

/** A return that has not moved this long is an open item of the handover (issue 17: three days). */
export const STUCK_AFTER_MS = 3 * DAY;

export interface ReturnParcelView {
  /** kuaidi100 code, or null when the platform's courier name is not one we know (then it cannot be tracked). */
  company: string | null;
  waybill: string;
  state: ParcelState | null;
  subState: string | null;
  /** The newest scan: what it said and when (+08:00). */
  lastEvent: { at: string; description: string } | null;
  /** When the parcel was signed for at the warehouse (+08:00), or null. */
  signedAt: string | null;
  checkedAt: string | null;
}

export interface ReturnReceipt {
  condition: ReturnCondition;
  note: string;
  by: string;
  byName: string;
  at: string;
}

export interface ReturnExchange {
  courier: string;
  waybill: string;
  /** The remark entry that put the waybill in the memo (kind exchange.shipped), and how it landed. */
  remarkId: string;
  remarkStatus: string;
  by: string;
  byName: string;
  at: string;
}

export interface ReturnRecord {
  /** The platform's refund_id. */
  id: string;
  tid: string;
  oid: string;
  buyerNick: string;
  title: string;
  reason: string;
  refundFeeFen: number;
  /** The platform's refund status (WAIT_BUYER_RETURN_GOODS …) and good_status, as last synced. */
  platformStatus: string;
  goodStatus: string;
  /** The courier as the platform names it (company_name), '' until the buyer fills it in. */
  companyName: string;
  parcel: ReturnParcelView | null;
  purpose: ReturnPurpose;
  createdAt: string;
  /** The platform's modified time of the refund. */
  modifiedAt: string;
  /** When xiaoer first saw the waybill: the start of the parcel's journey when no scan has come yet. */
  waybillSeenAt: string | null;
  receipt: ReturnReceipt | null;
  exchange: ReturnExchange | null;
  /** The warehouse's task (验收退货) and the keeper's (退货退款), once opened. */
  receiptTaskId: string | null;
  refundTaskId: string | null;
}

const ENDED = new Set(['CLOSED', 'SELLER_REFUSE_BUYER']);

/** Where the return stands, from its facts alone. */
export function returnState(r: ReturnRecord): ReturnState {
  if (r.exchange) return 'exchanged';
  if (r.platformStatus === 'SUCCESS') return r.purpose === 'exchange' && r.receipt ? 'awaiting_exchange' : 'refunded';
  if (r.receipt) return r.purpose === 'exchange' ? 'awaiting_exchange' : 'awaiting_refund';
  if (ENDED.has(r.platformStatus)) return 'closed';
  if (r.parcel?.signedAt) return 'returned';
  if (r.parcel) return 'in_transit';
  return 'awaiting_parcel';
}

/**
 * When the return last moved: the newest scan, else when its waybill appeared, else the platform's last change of the
 * refund (the request, the agreement). Only the states where the buyer or the courier must act can be stuck.
 */
export function lastMovedAt(r: ReturnRecord): string | null {
  const state = returnState(r);
  if (state === 'in_transit') return r.parcel?.lastEvent?.at ?? r.waybillSeenAt ?? r.modifiedAt;
  if (state === 'awaiting_parcel') return r.modifiedAt;
  return null;
}
