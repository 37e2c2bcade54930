import { DAY } from '../../shared/time.js';
import { pickCourier, pickFate } from './generator/couriers.js';
import { buyerSuffix, createIdSource } from './generator/ids.js';
import { addRate, placeOrder, type OrderContext } from './generator/orders.js';
import { pickBuyer } from './generator/people.js';
import { createRng, hashSeed, type Rng } from './generator/prng.js';
import { tickReturns, type ReturnTick } from './return-flow.js';
import type { ShopState } from './shop-state.js';
import { closeUnpaid, finish, pay, requestRefund, ship, shipRest, AUTO_CLOSE_UNPAID_MS } from './transitions.js';
import type { SandboxRate, SandboxTrade } from './types.js';

/** Events per tick; fractions are chances (1.5 = one, and a second one half of the time). */
export interface SandboxPace {
  newOrders: number;
  payments: number;
  shipments: number;
  deliveries: number;
  /** Chance per tick of a new neutral/bad review. */
  reviewChance: number;
  /** Chance per tick of a new refund request. */
  refundChance: number;
  /** Chance per tick that a buyer who received the goods asks to send them back (退货退款). */
  returnChance: number;
}

export const DEFAULT_PACE: SandboxPace = {
  newOrders: 2,
  payments: 1.5,
  shipments: 1.5,
  deliveries: 1.5,
  reviewChance: 0.1,
  refundChance: 0.05,
  returnChance: 0.05,
};

export interface TickSummary {
  placed: number;
  paid: number;
  closed: number;
  shipped: number;
  finished: number;
  reviews: number;
  refunds: number;
  /** Returns asked for, agreed, sent back by the buyer, refunded by the platform's timeout. */
  returns: ReturnTick;
}

const count = (rng: Rng, x: number) => Math.floor(x) + (rng.chance(x - Math.floor(x)) ? 1 : 0);
const takeRandom = <T>(rng: Rng, from: T[]): T | undefined =>
  from.length ? from.splice(rng.int(0, from.length - 1), 1)[0] : undefined;

/** Open trades of the last month, oldest first: the same list for the same shop, whatever the load order. */
function openTrades(state: ShopState, now: number): SandboxTrade[] {
  const { lo, hi } = state.created.range(now - 30 * DAY, now);
  const out: SandboxTrade[] = [];
  for (let i = lo; i < hi; i++) out.push(state.created.at(i));
  return out;
}

/**
 * Advances the shop from `since` to `now`: unpaid trades time out, buyers pay, the warehouse ships
 * the oldest paid orders, parcels arrive and trades finish, now and then a bad review or a refund
 * request, and new orders come in. Deterministic for a given shop, seed and tick time.
 */
export function tickShop(state: ShopState, seed: number, since: number, now: number, pace: SandboxPace): TickSummary {
  const summary: TickSummary = {
    placed: 0,
    paid: 0,
    closed: 0,
    shipped: 0,
    finished: 0,
    reviews: 0,
    refunds: 0,
    returns: { asked: 0, agreed: 0, sent: 0, autoRefunded: 0 },
  };
  if (now <= since) return summary;
  // Changes carry the next whole second, never a second a client may already have synced.
  const at = Math.ceil(now / 1000) * 1000;
  const rng = createRng(hashSeed('tick', seed, now));
  const ids = createIdSource(rng, state.idSeq);
  const ctx: OrderContext = { rng, buyers: state.buyers, ids };
  const open = openTrades(state, now);
  const unpaid: SandboxTrade[] = [];
  for (const t of open) {
    if (t.status !== 'WAIT_BUYER_PAY') continue;
    if (t.created + AUTO_CLOSE_UNPAID_MS <= now) {
      state.mutate(t, () => closeUnpaid(t, at));
      summary.closed++;
    } else unpaid.push(t);
  }
  for (let n = count(rng, pace.payments); n > 0; n--) {
    const t = takeRandom(rng, unpaid);
    if (!t) break;
    state.mutate(t, () => pay(t, at));
    summary.paid++;
  }
  const hasRefund = (t: SandboxTrade) => t.lines.some((l) => l.refund !== '' && l.refund !== 'CLOSED');
  const toShip = open.filter(
    (t) =>
      (t.status === 'WAIT_SELLER_SEND_GOODS' || t.status === 'SELLER_CONSIGNED_PART') && !hasRefund(t) && t.paid! < now,
  );
  for (const t of toShip.slice(0, count(rng, pace.shipments))) {
    if (t.status === 'SELLER_CONSIGNED_PART') state.mutate(t, () => shipRest(t, at));
    else
      state.mutate(t, () => ship(t, { ...pickCourier(rng, state.buyers[t.buyer]!.overseas), fate: pickFate(rng) }, at));
    summary.shipped++;
  }
  const arrived = open.filter(
    (t) =>
      t.status === 'WAIT_BUYER_CONFIRM_GOODS' &&
      !hasRefund(t) &&
      t.consigned! + 2 * DAY <= now &&
      (t.parcel?.fate === 'normal' || t.parcel?.fate === 'locker' || t.parcel?.fate === 'misdelivered'),
  );
  const rates: SandboxRate[] = [];
  for (let n = count(rng, pace.deliveries); n > 0; n--) {
    const t = takeRandom(rng, arrived);
    if (!t) break;
    state.mutate(t, () => {
      finish(t, at);
      if (rng.chance(0.4)) addRate(ctx, t, at, at, rates, undefined);
    });
    summary.finished++;
  }
  if (rng.chance(pace.reviewChance)) {
    const t = takeRandom(
      rng,
      open.filter((x) => x.status === 'TRADE_FINISHED' && !x.buyerRated),
    );
    if (t) {
      state.mutate(t, () => addRate(ctx, t, at, at, rates, rng.chance(0.5) ? 'neutral' : 'bad'));
      summary.reviews++;
    }
  }
  if (rng.chance(pace.refundChance)) {
    const t = takeRandom(
      rng,
      open.filter(
        (x) => (x.status === 'WAIT_SELLER_SEND_GOODS' || x.status === 'WAIT_BUYER_CONFIRM_GOODS') && !hasRefund(x),
      ),
    );
    if (t) {
      state.mutate(t, () => requestRefund(t, t.lines[0]!, ids.next(buyerSuffix(t.buyer)), at));
      summary.refunds++;
    }
  }
  for (let n = count(rng, pace.newOrders); n > 0; n--) {
    state.addTrade(placeOrder(ctx, pickBuyer(rng, state.buyers.length), at));
    summary.placed++;
  }
  for (const r of rates) state.addRate(r);
  // Last, on its own random stream: the rest of the tick plays out as it did before returns were told.
  summary.returns = tickReturns(state, seed, now, open, ids, pace.returnChance);
  state.idSeq = ids.seq;
  // Parcels move on by the clock alone, with no trade changing: the TMC publisher is told the time that passed.
  for (const o of state.observers) o.ticked?.(since, now);
  return summary;
}
