import { DAY } from '../../../shared/time.js';
import {
  bump,
  closeUnpaid,
  finish,
  pay,
  refundAll,
  requestRefund,
  ship,
  AUTO_CLOSE_UNPAID_MS,
} from '../transitions.js';
import type { SandboxBuyer, SandboxRate, SandboxTrade } from '../types.js';
import { CATALOGUE, skuCount } from './catalogue.js';
import { pickCourier, pickFate } from './couriers.js';
import { buyerSuffix } from './ids.js';
import { weightedTable, type Rng } from './prng.js';
import {
  BANK_TRANSFER_MESSAGES,
  BUYER_MESSAGES,
  GOOD_REVIEWS,
  NEGATIVE_REVIEWS,
  REVIEW_REPLY,
  handMemo,
  transferMemo,
} from './texts.js';

export interface OrderContext {
  rng: Rng;
  buyers: readonly SandboxBuyer[];
  ids: { next(suffix: string): string };
}

const pickItem = weightedTable(CATALOGUE.map((item, i) => [i, item.weight] as const));
const pickLineCount = weightedTable([
  [1, 70],
  [2, 22],
  [3, 8],
] as const);
const pickResult = weightedTable([
  ['good', 93],
  ['neutral', 4],
  ['bad', 3],
] as const);
const sec = (rng: Rng, min: number, max: number) => rng.int(min, max) * 1000;

/** A new unpaid trade, as the buyer places it. */
export function placeOrder(ctx: OrderContext, buyerIdx: number, created: number): SandboxTrade {
  const { rng } = ctx;
  const buyer = ctx.buyers[buyerIdx]!;
  const suffix = buyerSuffix(buyerIdx);
  const tid = ctx.ids.next(suffix);
  const count = pickLineCount(rng);
  const lines = Array.from({ length: count }, (_, i) => {
    const item = pickItem(rng);
    const entry = CATALOGUE[item]!;
    const num = rng.chance(0.9) ? 1 : 2;
    const discount = rng.chance(0.3) ? Math.round((entry.price * num * rng.pick([0.05, 0.1, 0.15])) / 100) * 100 : 0;
    return {
      oid: count === 1 && i === 0 ? tid : ctx.ids.next(suffix),
      item,
      sku: rng.int(0, skuCount(entry) - 1),
      num,
      price: entry.price,
      discount,
      status: 'WAIT_BUYER_PAY' as const,
      refund: '',
      refundId: '',
    };
  });
  const at = Math.floor(created / 1000) * 1000;
  return {
    tid,
    status: 'WAIT_BUYER_PAY',
    type: rng.chance(0.06) ? 'step' : 'fixed',
    buyer: buyerIdx,
    addr: rng.int(0, buyer.addresses.length - 1),
    message: rng.chance(0.16) ? rng.pick(BUYER_MESSAGES) : '',
    created: at,
    modified: at,
    paid: null,
    consigned: null,
    ended: null,
    postFee: buyer.overseas ? rng.pick([2500, 3800, 5600]) : rng.chance(0.1) ? 1000 : 0,
    memo: '',
    flag: 0,
    buyerRated: false,
    sellerRated: false,
    lines,
    parcel: null,
  };
}

/** A fate given instead of drawn: not paid yet, or paid and waiting to be shipped. */
export type Fresh = 'unpaid' | 'awaiting';

/**
 * Plays a generated trade's life up to `now`: payment, shipping, delivery, refunds, reviews, memos. A `fresh` trade
 * (placed minutes ago) stops where its fate says.
 */
export function liveHistory(
  ctx: OrderContext,
  t: SandboxTrade,
  now: number,
  rates: SandboxRate[],
  fresh?: Fresh,
): void {
  const { rng } = ctx;
  const refundId = () => ctx.ids.next(buyerSuffix(t.buyer));
  const bankCandidate = rng.chance(0.03);
  const bankMessage = bankCandidate ? rng.pick(BANK_TRANSFER_MESSAGES) : '';
  if (bankCandidate && fresh !== 'awaiting') t.message = bankMessage;
  let payAt = t.created + (rng.chance(0.8) ? sec(rng, 10, 900) : sec(rng, 900, 72_000));
  const paysHere = !bankCandidate && rng.chance(0.87) && payAt <= now;
  if (fresh === 'awaiting') payAt = Math.min(payAt, now);
  if ((!paysHere && fresh !== 'awaiting') || fresh === 'unpaid') {
    if (t.created + AUTO_CLOSE_UNPAID_MS > now) return;
    const closeAt = bankCandidate
      ? t.created + sec(rng, 600, 21_600)
      : rng.chance(0.3)
        ? t.created + sec(rng, 300, 72_000)
        : t.created + AUTO_CLOSE_UNPAID_MS;
    closeUnpaid(t, closeAt);
    if (bankCandidate) t.memo = transferMemo(rng, closeAt);
    return;
  }
  pay(t, payAt);
  // Paid minutes ago: nobody has written on it yet, so it is plainly waiting to be printed.
  if (fresh === 'awaiting') return;
  addMemo(ctx, t, now);
  if (rng.chance(0.03)) {
    const askAt = payAt + sec(rng, 1800, 30 * 3600);
    if (askAt <= now) {
      requestRefund(t, t.lines[0]!, refundId(), askAt);
      const doneAt = askAt + sec(rng, 3600, 86_400);
      if (doneAt <= now) refundAll(t, refundId, doneAt);
      return;
    }
  }
  const r = rng.next();
  const shipAt =
    payAt +
    (r < 0.5
      ? sec(rng, 2 * 3600, 12 * 3600)
      : r < 0.85
        ? sec(rng, 12 * 3600, 30 * 3600)
        : sec(rng, 30 * 3600, 56 * 3600));
  if (shipAt > now) return;
  let fate = pickFate(rng);
  if (fate === 'stuck' && shipAt < now - 12 * DAY) fate = 'normal';
  const courier = pickCourier(rng, ctx.buyers[t.buyer]!.overseas);
  const partial = t.lines.length > 1 && shipAt > now - 3 * DAY && rng.chance(0.35);
  ship(t, { ...courier, fate }, shipAt, partial ? 1 : t.lines.length);
  if (partial || fate === 'stuck') return;
  if (fate === 'returning' || fate === 'refused') {
    const backAt = shipAt + sec(rng, 5 * 86_400, 9 * 86_400);
    if (shipAt + 3 * DAY <= now)
      requestRefund(t, t.lines[0]!, refundId(), shipAt + 3 * DAY, 'WAIT_SELLER_CONFIRM_GOODS');
    if (backAt <= now) refundAll(t, refundId, backAt);
    return;
  }
  const finishAt = shipAt + sec(rng, 3 * 86_400, 10 * 86_400);
  if (finishAt > now) {
    if (rng.chance(0.04) && shipAt + 2 * DAY <= now)
      requestRefund(
        t,
        t.lines[0]!,
        refundId(),
        shipAt + 2 * DAY,
        rng.pick(['WAIT_SELLER_AGREE', 'WAIT_BUYER_RETURN_GOODS']),
      );
    return;
  }
  finish(t, finishAt);
  t.sellerRated = rng.chance(0.9);
  if (rng.chance(0.55)) addRate(ctx, t, finishAt + sec(rng, 600, 3 * 86_400), now, rates);
  if (rng.chance(0.02)) requestRefund(t, t.lines[0]!, refundId(), Math.min(now, finishAt + 2 * DAY), 'SUCCESS');
}

/** The buyer reviews every line; when unhappy, the first line carries the neutral/bad review. */
export function addRate(
  ctx: OrderContext,
  t: SandboxTrade,
  at: number,
  now: number,
  rates: SandboxRate[],
  forced?: 'neutral' | 'bad',
): void {
  if (at > now || t.buyerRated) return;
  const { rng } = ctx;
  const result = forced ?? pickResult(rng);
  const created = Math.floor(at / 1000) * 1000;
  t.lines.forEach((l, i) => {
    const negative = i === 0 && result !== 'good';
    rates.push({
      tid: t.tid,
      oid: l.oid,
      result: negative ? result : 'good',
      created,
      content: negative ? rng.pick(NEGATIVE_REVIEWS) : rng.chance(0.5) ? rng.pick(GOOD_REVIEWS) : '',
      reply: negative && rng.chance(0.5) ? REVIEW_REPLY : '',
    });
  });
  t.buyerRated = true;
  bump(t, created);
}

function addMemo(ctx: OrderContext, t: SandboxTrade, now: number): void {
  const { rng } = ctx;
  if (!rng.chance(0.07)) return;
  const at = Math.min(now, t.created + sec(rng, 300, 2 * 86_400));
  const { memo, flag } = handMemo(rng, at, false);
  t.memo = memo;
  t.flag = flag;
  t.modified = Math.max(t.modified, Math.floor(at / 1000) * 1000);
}
