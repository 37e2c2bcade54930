/** Chinese names buyers recognise for the codes the platform and the trackers use. */
import { TRADE_STATUS_LABELS, type TradeStatus } from '../../orders/index.js';
import { courierName as knownCourierName, PARCEL_STATE_LABELS, type ParcelState } from '../../logistics/index.js';

/** The logistics table's name; unknown codes are shown as they are rather than hidden: staff can still read them. */
export function courierName(code: string): string {
  return knownCourierName(code) ?? code;
}

/** The orders feature's name for a status, the one the console shows too. */
export function tradeStatusText(status: TradeStatus): string {
  return TRADE_STATUS_LABELS[status];
}

/** Logistics' name for a parcel state, the one the order page shows too. */
export function parcelStateText(state: ParcelState): string {
  return PARCEL_STATE_LABELS[state];
}
