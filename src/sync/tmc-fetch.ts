import type { Order } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import { NotFoundError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { parseInstant } from '../shared/time.js';

/**
 * Reading orders a message needs in full now (an address change: the label check needs the new receiver), once per
 * order for all its messages of a window.
 */

export type Fetched = Order | 'gone' | 'failed';

export interface FetchCounts {
  fetched: number;
  listed: number;
}

async function fetchAll(
  platform: ShopPlatform,
  logger: Logger,
  tids: string[],
  counts: FetchCounts,
): Promise<Map<string, Fetched>> {
  const out = new Map<string, Fetched>();
  let next = 0;
  const worker = async () => {
    while (next < tids.length) {
      const tid = tids[next++]!;
      try {
        out.set(tid, await platform.getOrder(tid));
        counts.fetched++;
      } catch (err) {
        if (err instanceof NotFoundError) out.set(tid, 'gone');
        else {
          logger.warn({ err, tid }, 'tmc: trade.fullinfo.get failed; the message will be pushed again');
          out.set(tid, 'failed');
        }
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return out;
}

/**
 * Several orders to read: one incremental list over their messages' times covers up to 100 of them per call, where
 * fullinfo costs a call each. An order the list misses, or brings older than its message (the platform's modified
 * time can trail the message), is read alone.
 */
export async function fetchOrders(
  platform: ShopPlatform,
  logger: Logger,
  need: Map<string, number>,
  counts: FetchCounts,
): Promise<Map<string, Fetched>> {
  const out = new Map<string, Fetched>();
  if (need.size >= 2) {
    const times = [...need.values()];
    const window = { start: Math.min(...times) - 1000, end: Math.max(...times) + 1000 };
    try {
      for await (const page of platform.changedOrders(window))
        for (const o of page) {
          const at = need.get(o.tid);
          if (at !== undefined && parseInstant(o.modifiedAt) >= at) out.set(o.tid, o);
        }
      counts.listed += out.size;
    } catch (err) {
      logger.warn({ err }, 'tmc: the incremental list failed; reading the orders one by one');
      out.clear();
    }
  }
  const rest = [...need.keys()].filter((t) => !out.has(t));
  for (const [tid, got] of await fetchAll(platform, logger, rest, counts)) out.set(tid, got);
  return out;
}
