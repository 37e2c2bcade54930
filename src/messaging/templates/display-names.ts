/** Chinese names buyers recognise for the codes the platform and the trackers use. */
import { TRADE_STATUS_LABELS, type TradeStatus } from '../../orders/index.js';
import { courierName as knownCourierName, type ParcelState } from '../../logistics/index.js';

/** The logistics table's name; unknown codes are shown as they are rather than hidden: staff can still read them. */
export function courierName(code: string): string {
  return knownCourierName(code) ?? code;
}

/** The orders feature's name for a status, the one the console shows too. */
export function tradeStatusText(status: TradeStatus): string {
  return TRADE_STATUS_LABELS[status];
}

const PARCEL_STATE_TEXT: Record<ParcelState, string> = {
  collected: '已揽收', in_transit: '运输中', dispatching: '派送中', signed: '已签收', problem: '物流异常',
  returning: '退回中', returned: '已退回', refused: '已拒收', customs: '清关中', unknown: '暂无物流信息',
};

export function parcelStateText(state: ParcelState): string {
  return PARCEL_STATE_TEXT[state];
}
