/**
 * Shapes of the Taobao Open Platform JSON responses, as the real API sends them (format=json, v=2.0).
 * The taobao adapter parses these; the sandbox shop produces them. Amounts are strings in yuan
 * ('128.00'); times are 'yyyy-MM-dd HH:mm:ss' in GMT+8; tid/oid are 19-digit numbers on the wire,
 * so `tid_str`/`oid_str` carry the exact value and the client never trusts the numeric form.
 */

export interface TopErrorBody {
  code: number;
  msg: string;
  sub_code?: string;
  sub_msg?: string;
  request_id?: string;
}

export interface TopOrder {
  oid: number | string;
  oid_str?: string;
  num_iid: number | string;
  title: string;
  outer_iid?: string;
  sku_id?: string;
  outer_sku_id?: string;
  sku_properties_name?: string;
  price: string;
  num: number;
  total_fee: string;
  payment: string;
  discount_fee?: string;
  adjust_fee?: string;
  status: string;
  refund_status?: string;
  refund_id?: number | string;
  logistics_company?: string;
  invoice_no?: string;
  pic_path?: string;
}

export interface TopTrade {
  tid: number | string;
  tid_str?: string;
  status: string;
  type: string;
  buyer_nick: string;
  buyer_message?: string;
  created: string;
  modified: string;
  pay_time?: string;
  consign_time?: string;
  end_time?: string;
  timeout_action_time?: string;
  payment: string;
  total_fee: string;
  post_fee: string;
  discount_fee?: string;
  adjust_fee?: string;
  receiver_name?: string;
  receiver_mobile?: string;
  receiver_phone?: string;
  receiver_state?: string;
  receiver_city?: string;
  receiver_district?: string;
  receiver_town?: string;
  receiver_address?: string;
  receiver_zip?: string;
  receiver_country?: string;
  /**
   * Open Addressee ID: the key to taobao.top.oaid.decrypt, which the platform sends with a masked receiver when the
   * fields ask for receiver_name, receiver_address, created, receiver_mobile and receiver_phone.
   */
  oaid?: string;
  seller_memo?: string;
  seller_flag?: number;
  buyer_rate?: boolean;
  seller_rate?: boolean;
  shipping_type?: string;
  orders?: { order: TopOrder[] };
}

export interface TopTradeRate {
  tid: number | string;
  oid: number | string;
  role: 'buyer' | 'seller';
  nick: string;
  result: 'good' | 'neutral' | 'bad';
  created: string;
  item_title?: string;
  content?: string;
  reply?: string;
}

/**
 * One refund of taobao.refunds.receive.get (field names as the platform's refund structure documents them). Amounts
 * are yuan strings; refund_id, tid and oid are 64-bit numbers on the wire (quoted before the parse, see big-ids.ts).
 */
export interface TopRefund {
  refund_id: number | string;
  tid: number | string;
  oid: number | string;
  status: string;
  has_good_return?: boolean;
  good_status?: string;
  refund_fee?: string;
  total_fee?: string;
  buyer_nick?: string;
  title?: string;
  reason?: string;
  company_name?: string;
  sid?: string;
  created: string;
  modified: string;
}

/**
 * One receiver of taobao.top.oaid.decrypt (field names as the platform's Receiver structure documents them). Only the
 * scene's fields are filled. `mobile` of a buyer under privacy protection is a privacy number with its extension
 * ('18877771111-123'), valid until `secret_no_expire_time`.
 */
export interface TopReceiver {
  tid: number | string;
  oaid: string;
  name?: string;
  mobile?: string;
  phone?: string;
  address_detail?: string;
  state?: string;
  city?: string;
  district?: string;
  town?: string;
  country?: string;
  matched?: boolean;
  secret_no_expire_time?: string;
  privacy_protection?: boolean;
}

export interface TopTransitStep {
  status_time: string;
  status_desc: string;
  action?: string;
}

/** Response bodies, keyed as the real gateway wraps them: `<method without "taobao.", dots → _>_response`. */
export interface TopResponses {
  'taobao.trades.sold.get': { trades?: { trade: TopTrade[] }; total_results?: number; has_next?: boolean };
  'taobao.trades.sold.increment.get': { trades?: { trade: TopTrade[] }; total_results?: number; has_next?: boolean };
  'taobao.trade.fullinfo.get': { trade: TopTrade };
  'taobao.trade.memo.update': { trade: { tid: number | string; modified: string } };
  'taobao.trade.close': { trade: { tid: number | string; status: string; modified: string } };
  'taobao.traderates.get': { trade_rates?: { trade_rate: TopTradeRate[] }; total_results?: number; has_next?: boolean };
  'taobao.refunds.receive.get': { refunds?: { refund: TopRefund[] }; total_results?: number; has_next?: boolean };
  'taobao.top.oaid.decrypt': { receiver_list?: { receiver: TopReceiver[] } };
  'taobao.logistics.trace.search': {
    out_sid: string;
    company_name: string;
    tid: number | string;
    status: string;
    trace_list?: { transit_step_info: TopTransitStep[] };
  };
}

export type TopMethod = keyof TopResponses;

export function responseKey(method: string): string {
  return `${method.replace(/^taobao\./, '').replace(/\./g, '_')}_response`;
}

/** Every trade type, for trades.sold.get: without the full list non-default order types go missing. */
export const ALL_TRADE_TYPES = [
  'fixed',
  'auction',
  'guarantee_trade',
  'step',
  'independent_simple_trade',
  'independent_shop_trade',
  'auto_delivery',
  'ec',
  'cod',
  'game_equipment',
  'shopex_trade',
  'netcn_trade',
  'external_trade',
  'instant_trade',
  'b2c_cod',
  'hotel_trade',
  'super_market_trade',
  'super_market_cod_trade',
  'taohua',
  'waimai',
  'o2o_offlinetrade',
  'nopaid',
  'step_nopaid',
  'eticket',
  'tmall_i18n',
  'insurance_plus',
  'finance',
  'pre_auth_type',
  'lazada',
] as const;

/** The refund fields xiaoer asks taobao.refunds.receive.get for: what the returns feature reads. */
export const REFUND_FIELDS = [
  'refund_id',
  'tid',
  'oid',
  'status',
  'has_good_return',
  'good_status',
  'refund_fee',
  'buyer_nick',
  'title',
  'reason',
  'company_name',
  'sid',
  'created',
  'modified',
] as const;

/** The trade fields xiaoer asks for in list calls: everything the domain reads, so fullinfo.get is rarely needed. */
export const TRADE_FIELDS = [
  'tid',
  'tid_str',
  'status',
  'type',
  'buyer_nick',
  'buyer_message',
  'created',
  'modified',
  'pay_time',
  'consign_time',
  'end_time',
  'timeout_action_time',
  'payment',
  'total_fee',
  'post_fee',
  'discount_fee',
  'receiver_name',
  'receiver_mobile',
  'receiver_phone',
  'receiver_state',
  'receiver_city',
  'receiver_district',
  'receiver_town',
  'receiver_address',
  'receiver_zip',
  'receiver_country',
  'seller_memo',
  'seller_flag',
  'buyer_rate',
  'seller_rate',
  'shipping_type',
  'orders.oid',
  'orders.oid_str',
  'orders.num_iid',
  'orders.title',
  'orders.outer_iid',
  'orders.sku_id',
  'orders.sku_properties_name',
  'orders.price',
  'orders.num',
  'orders.total_fee',
  'orders.payment',
  'orders.discount_fee',
  'orders.status',
  'orders.refund_status',
  'orders.refund_id',
  'orders.logistics_company',
  'orders.invoice_no',
] as const;
