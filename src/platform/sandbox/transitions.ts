import type { TradeStatus } from '../../orders/index.js';
import type { SandboxLine, SandboxShipment, SandboxTrade } from './types.js';

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
  bump(t, at);
}

/** Every line refunded: the platform closes the trade (TRADE_CLOSED is "closed after payment"). */
export function refundAll(t: SandboxTrade, nextRefundId: () => string, at: number): void {
  for (const l of t.lines) {
    l.refund = 'SUCCESS';
    if (!l.refundId) l.refundId = nextRefundId();
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
