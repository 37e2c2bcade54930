import type { OrderRepository } from '../orders/index.js';
import { parseInstant, toInstant, type TimeWindow } from '../shared/time.js';

/**
 * The order sync's safety net while the message channel is connected (issue 19): the orders it would re-read are
 * nearly all ones the messages already brought, so it asks the platform only how many orders changed in the window
 * (one call that lists none) and compares that with the stored orders modified in it. Equal: nothing was missed, as
 * far as a count can tell. Different: the window is read, or halved first when that costs fewer calls, down to where
 * the counts differ.
 *
 * What a count cannot see: an order changed twice in one window whose first change a message brought and whose
 * second it lost counts once on both sides. The next change of that order, a full poll (a manual sync, or any
 * scheduled one after the channel was down) or the window being read for another difference brings it.
 */

const SECOND = 1000;
const PAGE = 100;
/** A differing window of fewer pages than this is read whole: halving it costs a count and saves at most a page. */
const READ_UNDER_PAGES = 4;

/** Epoch ms of the stored orders modified in [start, end] to the second, sorted (counted per window by bisection). */
export function storedTimes(orders: Pick<OrderRepository, 'all'>, w: TimeWindow): number[] {
  // Instants share the +08:00 offset, so text order is time order: only the window's orders are parsed.
  const from = toInstant(w.start);
  const to = toInstant(w.end + SECOND);
  const out: number[] = [];
  for (const o of orders.all()) if (o.modifiedAt >= from && o.modifiedAt < to) out.push(parseInstant(o.modifiedAt));
  return out.sort((a, b) => a - b);
}

function firstAtOrAfter(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const storedIn = (xs: readonly number[], w: TimeWindow) =>
  firstAtOrAfter(xs, w.end + SECOND) - firstAtOrAfter(xs, w.start);

export interface CheckStats {
  /** Count calls made. */
  counts: number;
  /** Windows read in full because their counts differed. */
  read: number;
}

/**
 * Compares the platform's count with the stored orders over `window` (whole seconds, both ends included, at most a
 * day) and reads the parts that differ. A half's count is the whole's minus the other half's, so each halving costs
 * one call; an order changing meanwhile may shift a count by one, which costs a read, never a miss the next check
 * would not see.
 */
export async function checkChanged(deps: {
  count(w: TimeWindow): Promise<number>;
  read(w: TimeWindow): Promise<void>;
  stored: readonly number[];
  window: TimeWindow;
}): Promise<CheckStats> {
  const stats: CheckStats = { counts: 0, read: 0 };
  const count = (w: TimeWindow) => (stats.counts++, deps.count(w));
  const visit = async (w: TimeWindow, onPlatform: number): Promise<void> => {
    if (onPlatform === storedIn(deps.stored, w)) return;
    const span = w.end - w.start;
    if (Math.ceil(onPlatform / PAGE) < READ_UNDER_PAGES || span < 2 * SECOND) {
      stats.read++;
      return deps.read(w);
    }
    const mid = w.start + Math.floor(span / 2 / SECOND) * SECOND;
    const left = { start: w.start, end: mid };
    const n = await count(left);
    await visit(left, n);
    await visit({ start: mid + SECOND, end: w.end }, Math.max(0, onPlatform - n));
  };
  await visit(deps.window, await count(deps.window));
  return stats;
}
