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

/**
 * What staff and buyers read for each status (the console's badges via GET /api/labels, a message's
 * order.statusText): the only copy. The two closed statuses say why, since staff act differently on them.
 */
export const TRADE_STATUS_LABELS: Readonly<Record<TradeStatus, string>> = {
  TRADE_NO_CREATE_PAY: '待付款',
  WAIT_BUYER_PAY: '待付款',
  WAIT_SELLER_SEND_GOODS: '待发货',
  SELLER_CONSIGNED_PART: '部分发货',
  WAIT_BUYER_CONFIRM_GOODS: '已发货',
  TRADE_BUYER_SIGNED: '已签收',
  TRADE_FINISHED: '交易成功',
  TRADE_CLOSED: '已关闭（退款）',
  TRADE_CLOSED_BY_TAOBAO: '已关闭（未付款）',
  PAY_PENDING: '付款确认中',
  WAIT_PRE_AUTH_CONFIRM: '待确认授权',
};

/** The order list's status filter: each group's name and the statuses it covers, in the order offered. */
export const ORDER_STATUS_GROUPS: readonly { key: string; label: string; statuses: readonly TradeStatus[] }[] = [
  {
    key: 'unpaid',
    label: '待付款',
    statuses: ['WAIT_BUYER_PAY', 'TRADE_NO_CREATE_PAY', 'PAY_PENDING', 'WAIT_PRE_AUTH_CONFIRM'],
  },
  // 部分发货 still has goods to send, so it stays with the orders waiting for the warehouse.
  { key: 'to_ship', label: '待发货', statuses: ['WAIT_SELLER_SEND_GOODS', 'SELLER_CONSIGNED_PART'] },
  { key: 'shipped', label: '已发货', statuses: ['WAIT_BUYER_CONFIRM_GOODS', 'TRADE_BUYER_SIGNED'] },
  { key: 'finished', label: '已完成', statuses: ['TRADE_FINISHED'] },
  { key: 'closed', label: '已关闭', statuses: ['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO'] },
];

/**
 * Flag values as the platform stores them: 0 none, 1 red, 2 yellow, 3 green, 4 blue, 5 purple (6–10 on newer
 * platforms).
 */
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
  /**
   * The platform's Open Addressee ID: the name, phones and address above are masked as the platform hands them out
   * (张*, 138****5678, 浙江省杭州市西湖区****); the plain values come only from decrypting this, for one task.
   */
  oaid?: string;
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
