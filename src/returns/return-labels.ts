/**
 * What staff read for a return's state, the warehouse's verdict and what the buyer wants (the console via GET
 * /api/labels, the handover, error messages): the only copy.
 */
import type { ReturnCondition, ReturnPurpose, ReturnState } from './return.js';

export const RETURN_STATE_LABELS: Readonly<Record<ReturnState, string>> = {
  awaiting_parcel: '等买家寄回',
  in_transit: '退货在途',
  returned: '已退回仓库',
  awaiting_refund: '已验收，待退款',
  awaiting_exchange: '已验收，待换出',
  refunded: '已退款',
  exchanged: '已换出',
  closed: '退款已关闭',
};

export const RETURN_CONDITION_LABELS: Readonly<Record<ReturnCondition, string>> = {
  good: '完好',
  damaged: '有损坏',
  wrong_item: '退回的不是这件商品',
};

export const RETURN_PURPOSE_LABELS: Readonly<Record<ReturnPurpose, string>> = {
  refund: '退货退款',
  exchange: '换货',
};
