/** The order as xiaoer keeps it: normalized from the platform, money in fen, times as +08:00 instants. */

export const TRADE_STATUSES = [
  'TRADE_NO_CREATE_PAY',
  'WAIT_BUYER_PAY',
  'WAIT_SELLER_SEND_GOODS',
  'SELLER_CONSIGNED_PART',
  'WAIT_BUYER_CONFIRM_GOODS',
  'TRADE_BUYER_SIGNED',
  'TRADE_FINISHED',
  'TRADE_CLOSED',
  'TRADE_CLOSED_BY_TAOBAO',
  'PAY_PENDING',
  'WAIT_PRE_AUTH_CONFIRM',
] as const;
export type TradeStatus = (typeof TRADE_STATUSES)[number];

/** Flag values as the platform stores them: 0 none, 1 red, 2 yellow, 3 green, 4 blue, 5 purple (6–10 on newer platforms). */
export type SellerFlag = number;

export interface Receiver {
  name: string;
  mobile: string;
  phone: string;
  state: string;
  city: string;
  district: string;
  town: string;
  address: string;
  zip: string;
  country: string;
}

export interface OrderItem {
  oid: string;
  numIid: string;
  title: string;
  /** 货号 — the shop's item number. */
  outerIid: string;
  skuId: string;
  /** e.g. '颜色分类:黑色;尺码:M' */
  skuProperties: string;
  price: number;
  num: number;
  totalFee: number;
  payment: number;
  discountFee: number;
  status: TradeStatus;
  refundStatus: string;
  refundId: string;
  logisticsCompany: string;
  invoiceNo: string;
}

export interface Order {
  tid: string;
  status: TradeStatus;
  type: string;
  buyerNick: string;
  buyerMessage: string;
  createdAt: string;
  modifiedAt: string;
  paidAt: string | null;
  consignedAt: string | null;
  endAt: string | null;
  /** Unpaid trades close automatically at this time (platform's timeout_action_time). */
  payDeadlineAt: string | null;
  totalFee: number;
  payment: number;
  postFee: number;
  discountFee: number;
  receiver: Receiver;
  items: OrderItem[];
  sellerMemo: string;
  sellerFlag: SellerFlag;
  buyerRated: boolean;
  sellerRated: boolean;
  shippingType: string;
}

/** A neutral or bad review from the platform. */
export interface Review {
  tid: string;
  oid: string;
  buyerNick: string;
  result: 'good' | 'neutral' | 'bad';
  content: string;
  reply: string;
  itemTitle: string;
  createdAt: string;
}
