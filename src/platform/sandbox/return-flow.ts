/**
 * Returns in the living sandbox shop (退货退款), told as the platform tells them: a buyer who received the goods
 * asks to send them back (WAIT_SELLER_AGREE, has_good_return); the seller agrees in the back office
 * (WAIT_BUYER_RETURN_GOODS); a day or more later the buyer sends the parcel and fills in the courier and waybill
 * (WAIT_SELLER_CONFIRM_GOODS, company_name and sid); the sandbox courier carries it from the buyer's city to the
 * shop's warehouse. Ten days after the buyer sent it, a refund the seller never confirmed is paid by the platform
 * (SUCCESS), as Taobao's 卖家确认收货超时 does. A separate random stream per tick leaves the rest of the tick as it was.
 */
import type { SandboxParcel, SandboxParcelFate } from '../../logistics/index.js';
import { DAY, HOUR } from '../../shared/time.js';
import { pickCourier } from './generator/couriers.js';
import { buyerSuffix, type createIdSource } from './generator/ids.js';
import { createRng, hashSeed } from './generator/prng.js';
import type { ShopState } from './shop-state.js';
import { moveRefund, requestReturn, sendReturn } from './transitions.js';
import type { SandboxLine, SandboxTrade } from './types.js';

/** Where returns go: the shop's warehouse, and the phone on its return address. */
export const WAREHOUSE = { state: '浙江省', city: '杭州市', district: '余杭区', mobile: '13958886666' } as const;

/** Why buyers of a clothing and shoe shop send things back. */
const RETURN_REASONS = ['尺码不合适', '颜色与图片不符', '不喜欢/不合身', '做工有瑕疵', '收到的款式不对'] as const;

/** The seller agrees this long after the request; the buyer sends the goods this long after agreement at the least. */
export const AGREE_AFTER_MS = 2 * HOUR;
export const SEND_AFTER_MS = DAY;
/** The platform pays a refund the seller has not confirmed this long after the buyer sent the goods back. */
export const AUTO_REFUND_AFTER_MS = 10 * DAY;

export interface ReturnTick {
  asked: number;
  agreed: number;
  sent: number;
  autoRefunded: number;
}

/** The return parcel as the sandbox courier sees it: from the buyer's city to the warehouse. */
export function returnParcel(state: ShopState, t: SandboxTrade, line: SandboxLine): SandboxParcel | undefined {
  const p = line.rf?.parcel;
  if (!p) return undefined;
  const buyer = state.buyers[t.buyer]!;
  return {
    company: p.company,
    waybill: p.waybill,
    tid: t.tid,
    consignedAt: p.sentAt,
    fate: p.fate,
    senderCity: buyer.addresses[t.addr]!.city,
    receiverState: WAREHOUSE.state,
    receiverCity: WAREHOUSE.city,
    receiverDistrict: WAREHOUSE.district,
    receiverMobile: WAREHOUSE.mobile,
    senderMobile: buyer.mobile,
  };
}

/** One tick of the returns: new requests on delivered trades, agreements, parcels sent, refunds paid by timeout. */
export function tickReturns(
  state: ShopState,
  seed: number,
  now: number,
  open: readonly SandboxTrade[],
  ids: ReturnType<typeof createIdSource>,
  chance: number,
): ReturnTick {
  const out: ReturnTick = { asked: 0, agreed: 0, sent: 0, autoRefunded: 0 };
  const at = Math.ceil(now / 1000) * 1000;
  const rng = createRng(hashSeed('returns', seed, now));
  // Every return under way, however old its trade (a month-old order's return still moves), in a fixed order.
  const underWay = [...state.refunds.values()]
    .filter(({ line }) => line.rf?.goodReturn && line.refund !== 'SUCCESS' && line.refund !== 'CLOSED')
    .sort((a, b) => (a.line.refundId < b.line.refundId ? -1 : 1));
  for (const { t, line } of underWay) {
    const rf = line.rf!;
    if (line.refund === 'WAIT_SELLER_AGREE' && rf.modified + AGREE_AFTER_MS <= now) {
      state.mutate(t, () => moveRefund(t, line, 'WAIT_BUYER_RETURN_GOODS', at));
      out.agreed++;
    } else if (line.refund === 'WAIT_BUYER_RETURN_GOODS' && rf.modified + SEND_AFTER_MS <= now && rng.chance(0.5)) {
      const courier = pickCourier(rng, false);
      // Most come back; now and then one sits at a hub (the handover's "not moving for 3 days").
      const fate: SandboxParcelFate = rng.chance(0.85) ? 'normal' : 'stuck';
      state.mutate(t, () => sendReturn(t, line, { ...courier, sentAt: at, fate }, at));
      out.sent++;
    } else if (
      line.refund === 'WAIT_SELLER_CONFIRM_GOODS' &&
      rf.parcel &&
      rf.parcel.sentAt + AUTO_REFUND_AFTER_MS <= now
    ) {
      state.mutate(t, () => moveRefund(t, line, 'SUCCESS', at));
      out.autoRefunded++;
    }
  }
  if (rng.chance(chance)) {
    // A buyer who has the goods: the trade finished (signed and confirmed) and nothing refunded on it yet.
    const delivered = open.filter((t) => t.status === 'TRADE_FINISHED' && t.lines.every((l) => l.refund === ''));
    const t = delivered.length ? delivered[rng.int(0, delivered.length - 1)] : undefined;
    if (t) {
      const line = t.lines[rng.int(0, t.lines.length - 1)]!;
      const reason = RETURN_REASONS[rng.int(0, RETURN_REASONS.length - 1)]!;
      state.mutate(t, () => requestReturn(t, line, ids.next(buyerSuffix(t.buyer)), reason, at));
      out.asked++;
    }
  }
  return out;
}
