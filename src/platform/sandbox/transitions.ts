import type { TradeStatus } from '../../orders/index.js';
import type { SandboxLine, SandboxReturnParcel, SandboxShipment, SandboxTrade } from './types.js';

/**
 * The only code that moves a sandbox trade from one state to another, shared by the generator
 * (history) and the living shop (ticks), so both tell the same story. Every change bumps
 * `modified`, strictly increasing per trade, as incremental sync relies on it.
 */

export function bump(t: SandboxTrade, at: number): void {
  t.modified = Math.max(Math.floor(at / 1000) * 1000, t.modified + 1000);
}

function setAll(t: SandboxTrade, status: TradeStatus, at: number): void {
  t.status = status;
  for (const l of t.lines) l.status = status;
  bump(t, at);
}

export function pay(t: SandboxTrade, at: number): void {
  t.paid = Math.floor(at / 1000) * 1000;
  setAll(t, 'WAIT_SELLER_SEND_GOODS', at);
}

/** Unpaid trade closed: by timeout, by the buyer, or by the seller (trade.close). */
export function closeUnpaid(t: SandboxTrade, at: number): void {
  t.ended = Math.floor(at / 1000) * 1000;
  setAll(t, 'TRADE_CLOSED_BY_TAOBAO', at);
}

export function requestRefund(
  t: SandboxTrade,
  line: SandboxLine,
  refundId: string,
  at: number,
  status = 'WAIT_SELLER_AGREE',
): void {
  line.refund = status;
  line.refundId = refundId;
  const when = Math.floor(at / 1000) * 1000;
  // Goods go back once the seller agrees to a refund after shipping (退货退款); before shipping it is money only.
  const goodReturn = status === 'WAIT_BUYER_RETURN_GOODS';
  line.rf = {
    created: when,
    modified: when,
    goodReturn,
    goodStatus: t.consigned === null ? 'BUYER_NOT_RECEIVED' : 'BUYER_RECEIVED',
    feeFen: line.price * line.num - line.discount,
    reason: t.consigned === null ? '不想要了' : '尺码不合适',
    parcel: null,
  };
  bump(t, at);
}

/** A buyer who received the goods asks to send them back for a refund (退货退款): the seller must agree first. */
export function requestReturn(t: SandboxTrade, line: SandboxLine, refundId: string, reason: string, at: number): void {
  requestRefund(t, line, refundId, at);
  line.rf = { ...line.rf!, goodReturn: true, goodStatus: 'BUYER_RECEIVED', reason };
}

/** The refund moves on (the seller agreed, the platform refunded): its modified time and the trade's move too. */
export function moveRefund(t: SandboxTrade, line: SandboxLine, status: string, at: number): void {
  line.refund = status;
  if (line.rf) line.rf.modified = Math.max(Math.floor(at / 1000) * 1000, line.rf.modified + 1000);
  bump(t, at);
}

/** The buyer sends the goods back and fills in the courier and waybill on the platform. */
export function sendReturn(t: SandboxTrade, line: SandboxLine, parcel: SandboxReturnParcel, at: number): void {
  line.rf = {
    ...line.rf!,
    goodStatus: 'BUYER_RETURNED_GOODS',
    parcel: { ...parcel, sentAt: Math.floor(at / 1000) * 1000 },
  };
  moveRefund(t, line, 'WAIT_SELLER_CONFIRM_GOODS', at);
}

/** Every line refunded: the platform closes the trade (TRADE_CLOSED is "closed after payment"). */
export function refundAll(t: SandboxTrade, nextRefundId: () => string, at: number): void {
  for (const l of t.lines) {
    l.refund = 'SUCCESS';
    if (!l.refundId) l.refundId = nextRefundId();
    if (l.rf) l.rf.modified = Math.floor(at / 1000) * 1000;
  }
  t.ended = Math.floor(at / 1000) * 1000;
  setAll(t, 'TRADE_CLOSED', at);
}

/** Ships the first `lines` lines (all by default); fewer than all is SELLER_CONSIGNED_PART. */
export function ship(t: SandboxTrade, parcel: SandboxShipment, at: number, lines = t.lines.length): void {
  t.parcel = parcel;
  t.consigned = Math.floor(at / 1000) * 1000;
  t.lines.forEach((l, i) => {
    if (i < lines) l.status = 'WAIT_BUYER_CONFIRM_GOODS';
  });
  t.status = lines < t.lines.length ? 'SELLER_CONSIGNED_PART' : 'WAIT_BUYER_CONFIRM_GOODS';
  bump(t, at);
}

export function shipRest(t: SandboxTrade, at: number): void {
  setAll(t, 'WAIT_BUYER_CONFIRM_GOODS', at);
}

export function finish(t: SandboxTrade, at: number): void {
  t.ended = Math.floor(at / 1000) * 1000;
  setAll(t, 'TRADE_FINISHED', at);
}

export const AUTO_CLOSE_UNPAID_MS = 72 * 3600_000;
export const AUTO_CONFIRM_MS = 10 * 86_400_000;

/** The platform's timeout_action_time: auto-close of unpaid trades, auto-confirm of shipped ones. */
export function timeoutAction(t: SandboxTrade): number | null {
  if (t.status === 'WAIT_BUYER_PAY') return t.created + AUTO_CLOSE_UNPAID_MS;
  if (t.status === 'WAIT_BUYER_CONFIRM_GOODS' && t.consigned !== null) return t.consigned + AUTO_CONFIRM_MS;
  return null;
}
