/** Chinese names buyers recognise for the codes the platform and the trackers use. */
import type { TradeStatus } from '../../orders/index.js';
import { courierName as knownCourierName, type ParcelState } from '../../logistics/index.js';

/** The logistics table's name; unknown codes are shown as they are rather than hidden: staff can still read them. */
export function courierName(code: string): string {
  return knownCourierName(code) ?? code;
}

const TRADE_STATUS_TEXT: Record<TradeStatus, string> = {
  TRADE_NO_CREATE_PAY: '未创建支付',
  WAIT_BUYER_PAY: '等待付款',
  WAIT_SELLER_SEND_GOODS: '待发货',
  SELLER_CONSIGNED_PART: '部分发货',
  WAIT_BUYER_CONFIRM_GOODS: '已发货',
  TRADE_BUYER_SIGNED: '已签收',
  TRADE_FINISHED: '交易成功',
  TRADE_CLOSED: '已关闭',
  TRADE_CLOSED_BY_TAOBAO: '已关闭',
  PAY_PENDING: '付款确认中',
  WAIT_PRE_AUTH_CONFIRM: '待授权确认',
};

export function tradeStatusText(status: TradeStatus): string {
  return TRADE_STATUS_TEXT[status];
}

const PARCEL_STATE_TEXT: Record<ParcelState, string> = {
  collected: '已揽收', in_transit: '运输中', dispatching: '派送中', signed: '已签收', problem: '物流异常',
  returning: '退回中', returned: '已退回', refused: '已拒收', customs: '清关中', unknown: '暂无物流信息',
};

export function parcelStateText(state: ParcelState): string {
  return PARCEL_STATE_TEXT[state];
}
