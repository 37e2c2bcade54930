import type { Order, Review, TradeStatus } from '../orders/index.js';
import type { TimeWindow } from '../shared/time.js';

export interface PlatformCallStats {
  /** API calls sent (each retry counts). */
  calls: number;
}

/**
 * For a call a person at the console waits on: how long they can wait (see the HTTP client's CallOptions.patienceMs).
 * Past it the adapter neither sits out a ban or backoff nor sends again; it throws and the caller queues the work.
 * Jobs leave it out and keep the patient retry.
 */
export interface PlatformCallOptions {
  patienceMs?: number;
}

/**
 * How long a person at the console waits on the platform: the patience of the calls they wait on. Why 5 s: a healthy
 * TOP call answers well under a second, so a slow but working platform still answers on the spot; the patient retry
 * (about 41 s under a 12 s delay: 4 attempts × 10 s plus backoff; up to a minute in a ban) suits jobs, not someone at
 * the counter, who reloads the page or tries again long before that. What cannot wait is queued (a remark) or told at
 * once (closing a trade).
 */
export const INTERACTIVE_PATIENCE_MS = 5_000;

/**
 * The close reasons the platform accepts for taobao.trade.close (its seller back office offers the same list); any
 * other text is refused (isv.invalid-parameter: close_reason不合法). Callers pick one of these, never free text.
 */
export const TRADE_CLOSE_REASONS = [
  '未及时付款',
  '买家不想买了',
  '买家信息填写错误，重新拍',
  '恶意买家/同行捣乱',
  '缺货',
  '买家拍错了',
  '同城见面交易',
] as const;
export type TradeCloseReason = (typeof TRADE_CLOSE_REASONS)[number];

/**
 * A refund's status as taobao.refunds.receive.get reports it (the platform's own constants). Exchanges carry statuses
 * of their own (WAIT_BUYER_CONFIRM_EXCHANGE_SELLER_SEND_GOODS …), which the adapter keeps as `other` text.
 */
export const REFUND_STATUSES = [
  'WAIT_SELLER_AGREE',
  'WAIT_BUYER_RETURN_GOODS',
  'WAIT_SELLER_CONFIRM_GOODS',
  'SELLER_REFUSE_BUYER',
  'CLOSED',
  'SUCCESS',
] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** One refund as the platform lists it for the seller; money in fen, times +08:00 instants. */
export interface PlatformRefund {
  refundId: string;
  tid: string;
  oid: string;
  /** A known status, or the platform's text for one this code does not know yet. */
  status: RefundStatus | string;
  /** Whether the buyer must send the goods back (退货退款) rather than a refund only. */
  hasGoodReturn: boolean;
  /** BUYER_NOT_RECEIVED, BUYER_RECEIVED, BUYER_RETURNED_GOODS, or '' when the platform leaves it out. */
  goodStatus: string;
  refundFeeFen: number;
  buyerNick: string;
  title: string;
  reason: string;
  /** The return parcel, once the buyer has sent it: the courier as the platform names it, and the waybill. */
  companyName: string;
  sid: string;
  created: string;
  modified: string;
}

/**
 * The platform's decrypt scenes (taobao.top.oaid.decrypt `scene`): each one returns only the fields its purpose needs.
 * 1001–1007 ship a parcel (name, mobile, detailed address), 1008 changes an address (detailed address), 1009 shows the
 * receiver's name, 2001 after-sales service and 2002 customer care (the mobile only).
 */
export const DECRYPT_SCENES = [
  '1001',
  '1002',
  '1003',
  '1004',
  '1005',
  '1006',
  '1007',
  '1008',
  '1009',
  '2001',
  '2002',
] as const;
export type DecryptScene = (typeof DECRYPT_SCENES)[number];

/** One receiver to decrypt: the order and the `oaid` the platform gave with its masked receiver. */
export interface DecryptQuery {
  tid: string;
  oaid: string;
}

/**
 * One decrypted receiver, as taobao.top.oaid.decrypt answers it. Only the scene's fields are filled ('' otherwise).
 * Held in memory for the task that asked, never stored. A buyer under privacy protection yields a privacy number
 * (`mobile` like 170xxxxxxxx, with `extension`) valid until `secretNoExpireAt` (a +08:00 instant).
 */
export interface DecryptedReceiver {
  tid: string;
  oaid: string;
  /** False when the oaid does not belong to the tid (the platform's `matched`). */
  matched: boolean;
  name: string;
  mobile: string;
  phone: string;
  /** The extension to dial after a privacy number; '' for a real number. */
  extension: string;
  state: string;
  city: string;
  district: string;
  town: string;
  addressDetail: string;
  privacyProtection: boolean;
  secretNoExpireAt: string | null;
}

/** Today's decrypt quota as the adapter counted it (Asia/Shanghai day); `limit` null when the platform did not say. */
export interface DecryptQuota {
  day: string;
  used: number;
  limit: number | null;
  /** True once the platform refused for the quota today: further decrypts wait until tomorrow. */
  exhausted: boolean;
}

/**
 * The day's decrypt quota is spent (the platform's flow-control refusal for taobao.top.oaid.decrypt): "not now", not a
 * fault. Callers fall back (the chat queue for a message, a notice for a person) and do not retry before `retryAt`.
 */
export class DecryptQuotaError extends Error {
  readonly retryAt: string;
  constructor(retryAt: string, options?: { cause?: unknown }) {
    super(`taobao.top.oaid.decrypt: the daily decrypt quota is spent until ${retryAt}`, options);
    this.name = 'DecryptQuotaError';
    this.retryAt = retryAt;
  }
}

/**
 * What the domain needs from a shop platform. Two adapters implement it: `taobao` (the real
 * Taobao Open Platform protocol) and `sandbox` (the same protocol against the embedded shop).
 * Domain code imports this file only, never an adapter.
 */
export interface ShopPlatform {
  readonly kind: 'taobao' | 'sandbox';
  /**
   * Orders modified in the window, page by page. The adapter splits windows longer than a day
   * and pages from the last page backwards so that nothing is missed while orders change.
   */
  changedOrders(window: TimeWindow): AsyncIterable<Order[]>;
  /**
   * How many orders' modified time falls in the window (at most a day; both ends included, to the second): one
   * call that lists no order (the order sync's cheap check while the message channel is connected).
   */
  countChanged?(window: TimeWindow): Promise<number>;
  /** Orders created in the window (initial backfill), page by page, every trade type. */
  createdOrders(window: TimeWindow): AsyncIterable<Order[]>;
  /** One order in full. NotFoundError when the platform does not know the tid. */
  getOrder(tid: string, options?: PlatformCallOptions): Promise<Order>;
  /** Overwrites the whole seller memo (≤ 1000 bytes) and, when given, the flag (0–5). */
  updateMemo(tid: string, memo: string, flag?: number, options?: PlatformCallOptions): Promise<{ modifiedAt: string }>;
  /** Closes an unpaid trade. */
  closeTrade(
    tid: string,
    reason: TradeCloseReason,
    options?: PlatformCallOptions,
  ): Promise<{ status: TradeStatus; modifiedAt: string }>;
  /** Neutral and bad reviews buyers gave in the window, page by page. */
  negativeReviews(window: TimeWindow): AsyncIterable<Review[]>;
  /** Refunds buyers asked of the shop, modified in the window, page by page (taobao.refunds.receive.get). */
  receivedRefunds(window: TimeWindow): AsyncIterable<PlatformRefund[]>;
  /**
   * Plain receivers for the given orders under one scene (taobao.top.oaid.decrypt, 20 a call). A spent daily quota
   * throws DecryptQuotaError ("not now": do not retry today); other refusals are UpstreamError.
   */
  decryptReceivers(
    items: DecryptQuery[],
    scene: DecryptScene,
    options?: PlatformCallOptions,
  ): Promise<DecryptedReceiver[]>;
  /** Today's decrypt use, for the admin. */
  decryptQuota(): DecryptQuota;
  /** Calls made so far, for the benchmark and the health page. */
  stats(): PlatformCallStats;
}
