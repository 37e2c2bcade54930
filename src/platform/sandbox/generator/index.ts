import { DAY, HOUR, shanghaiParts } from '../../../shared/time.js';
import type { GeneratedShop, SandboxRate } from '../types.js';
import { createIdSource, FIRST_ID_SEQ } from './ids.js';
import { liveHistory, placeOrder, type Fresh, type OrderContext } from './orders.js';
import { generateBuyers, pickBuyer, SHOP_DAYS } from './people.js';
import { createRng, hashSeed, weightedTable, type Rng } from './prng.js';

export interface GenerateOptions {
  seed: number;
  /** Base time (epoch ms): the shop's history ends here. */
  now: number;
  orders: number;
}

/** Buyers shop mostly in the evening (Shanghai time); weights per hour of day. */
const pickHour = weightedTable(
  [3, 2, 1, 1, 1, 1, 1, 2, 3, 5, 6, 6, 6, 6, 5, 5, 5, 5, 5, 6, 8, 10, 10, 7].map((w, h) => [h, w] as const),
);

function createdTimes(rng: Rng, n: number, now: number): Float64Array {
  const times = new Float64Array(n);
  const offset = shanghaiParts(now);
  const startOfToday = now - ((offset.hour * 60 + offset.minute) * 60 + offset.second) * 1000 - offset.ms;
  // A few orders in the last hour, so there is always something fresh to nudge for payment.
  const recent = Math.min(n, Math.max(4, Math.round(n * 0.003)));
  for (let i = 0; i < n; i++) {
    let t: number;
    if (i < recent) t = now - rng.int(60, 3599) * 1000;
    else {
      do {
        const day = rng.int(0, SHOP_DAYS - 1);
        t = startOfToday - day * DAY + pickHour(rng) * HOUR + rng.int(0, 3599) * 1000;
      } while (t >= now || t < now - SHOP_DAYS * DAY);
    }
    times[i] = Math.floor(t / 1000) * 1000;
  }
  return times.sort();
}

/**
 * The newest orders, newest first, each with the fate it is given: a shop of any size, generated at any hour, has
 * payments to nudge and paid orders waiting for the warehouse. Each is placed at most a minute before the next newer
 * one (freshen), so all five were placed in the last few minutes, however few orders the shop has.
 */
const FRESH: readonly Fresh[] = ['unpaid', 'unpaid', 'awaiting', 'awaiting', 'awaiting'];

/** Moves each fresh order up to at most a minute before the next newer one; order and draws stay as they were. */
function freshen(times: Float64Array): void {
  for (let i = times.length - 2; i >= Math.max(0, times.length - FRESH.length); i--)
    times[i] = Math.max(times[i]!, times[i + 1]! - 60_000);
}

/** The whole shop, deterministic from (seed, now, orders). 100k orders take well under a few seconds. */
export function generateShop(opts: GenerateOptions): GeneratedShop {
  const rng = createRng(hashSeed('sandbox-shop', opts.seed));
  const buyers = generateBuyers(rng, Math.max(300, Math.min(20_000, Math.round(opts.orders / 6))), opts.now);
  const ids = createIdSource(rng, FIRST_ID_SEQ);
  const ctx: OrderContext = { rng, buyers, ids };
  const times = createdTimes(rng, opts.orders, opts.now);
  freshen(times);
  const rates: SandboxRate[] = [];
  // The fresh ones are played last, so the draws of every other order stay as they would be without them.
  const trades = Array.from(times, (created, i) => {
    const t = placeOrder(ctx, pickBuyer(rng, buyers.length), created);
    liveHistory(ctx, t, opts.now, rates, FRESH[times.length - 1 - i]);
    return t;
  });
  rates.sort((a, b) => a.created - b.created);
  return { buyers, trades, rates, idSeq: ids.seq };
}
