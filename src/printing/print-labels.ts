/**
 * Every word a person reads about print batches (打单), in one place: the console reads them from GET /api/labels
 * (printing), the CLI and the warehouse CSV from here. Codes stay English in the store and the API.
 */
import { REMARK_STATE_LABELS } from '../remarks/index.js';

/** Why a paid order is not printed now: a remark says so, or the buyer asked for a refund. */
export const HOLD_LABELS = {
  out_of_stock: '缺货',
  address_pending: '改地址还没改到订单上',
  cancelled: '买家不要了',
  awaiting_payment: '等买家汇款或补差价',
  refund_requested: '买家申请了退款',
  // Shown from a message (消息通道) whose lines and receiver are still being read: never printed without them.
  details_pending: '商品和收货信息还在从平台读取',
} as const;
export type HoldReason = keyof typeof HOLD_LABELS;

/** Where an order of a batch stands now. */
export const ENTRY_STATE_LABELS = {
  to_print: '待打单',
  // Printed is the order state the remark catalogue names (its print.printed remark makes it so).
  printed: REMARK_STATE_LABELS.printed,
  held: '暂不打单',
  gone: '已不是待发货',
} as const;
export type EntryState = keyof typeof ENTRY_STATE_LABELS;

/** What the batch page warns about on an order. */
export const WARNING_LABELS = {
  address_changed: '进批次后收件地址改过，请核对面单',
} as const;
export type Warning = keyof typeof WARNING_LABELS;

/** The courier group of orders whose memo names none, when the shop has set no default courier. */
export const NO_COURIER_LABEL = '未指定快递';

/** The warehouse CSV's columns, in order. */
export const CSV_HEADERS = ['订单号', '快递', '货号', '商品', '颜色', '尺码', '数量', '卖家备注', '买家留言'] as const;

/** GET /api/labels' `printing`. */
export function printingLabels() {
  return {
    holds: { ...HOLD_LABELS },
    states: { ...ENTRY_STATE_LABELS },
    warnings: { ...WARNING_LABELS },
    noCourier: NO_COURIER_LABEL,
  };
}
