import type { TradeStatus } from '../../orders/index.js';
import type { SandboxParcelFate } from '../../logistics/index.js';

/**
 * The sandbox shop's own records. Kept lean (100k orders live in memory): item details come from
 * the catalogue by index, the receiver from the buyer by index; all times are epoch ms on whole
 * seconds (the wire has second precision); money is integer fen.
 */

export interface SandboxAddress {
  state: string;
  city: string;
  district: string;
  town: string;
  address: string;
  zip: string;
  /** '' for mainland China. */
  country: string;
}

export interface SandboxBuyer {
  idx: number;
  nick: string;
  name: string;
  mobile: string;
  /** 'YYYY-MM-DD' from the buyer's profile, or null. */
  birthday: string | null;
  /** 18-digit resident ID number, or null. */
  idNumber: string | null;
  overseas: boolean;
  addresses: SandboxAddress[];
}

export interface SandboxLine {
  oid: string;
  /** Index into CATALOGUE. */
  item: number;
  /** Index into the item's SKU list (colour × size). */
  sku: number;
  num: number;
  price: number;
  discount: number;
  status: TradeStatus;
  /** '' when no refund; WAIT_SELLER_AGREE, WAIT_BUYER_RETURN_GOODS, WAIT_SELLER_CONFIRM_GOODS, SUCCESS, CLOSED. */
  refund: string;
  refundId: string;
  /** The refund's own record (times, the goods coming back); absent on lines refunded before it was kept. */
  rf?: SandboxRefund;
}

/** The parcel a buyer sends back, with the courier and waybill the buyer filled in on the platform. */
export interface SandboxReturnParcel {
  /** kuaidi100 company code. */
  company: string;
  waybill: string;
  sentAt: number;
  fate: SandboxParcelFate;
}

export interface SandboxRefund {
  created: number;
  modified: number;
  /** 退货退款: the buyer sends the goods back before the money. */
  goodReturn: boolean;
  /** BUYER_NOT_RECEIVED, BUYER_RECEIVED or BUYER_RETURNED_GOODS. */
  goodStatus: string;
  feeFen: number;
  reason: string;
  parcel: SandboxReturnParcel | null;
}

export interface SandboxShipment {
  /** kuaidi100 company code. */
  company: string;
  waybill: string;
  fate: SandboxParcelFate;
}

export interface SandboxTrade {
  tid: string;
  status: TradeStatus;
  type: string;
  buyer: number;
  addr: number;
  message: string;
  created: number;
  modified: number;
  paid: number | null;
  consigned: number | null;
  ended: number | null;
  postFee: number;
  memo: string;
  flag: number;
  buyerRated: boolean;
  sellerRated: boolean;
  lines: SandboxLine[];
  parcel: SandboxShipment | null;
  /** The address the seller's back office set in place of the buyer's own (absent: the buyer's address `addr`). */
  receiver?: SandboxAddress;
}

export interface SandboxRate {
  tid: string;
  oid: string;
  result: 'good' | 'neutral' | 'bad';
  created: number;
  content: string;
  reply: string;
}

export interface GeneratedShop {
  buyers: SandboxBuyer[];
  /** Sorted by created ascending. */
  trades: SandboxTrade[];
  rates: SandboxRate[];
  /** Next free number of the id sequence (tids, oids, refund ids stay unique). */
  idSeq: number;
}
