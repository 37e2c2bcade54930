import type { Order, Review } from '../../orders/index.js';
import { formatTopTime, type TimeWindow } from '../../shared/time.js';
import { ALL_TRADE_TYPES, TRADE_FIELDS, type TopTrade } from '../top/wire.js';
import { pagesBackward, pagesForward, splitWindow } from './paging.js';
import { topCall, type TopCallContext } from './top-call.js';
import { mapRate, mapTrade } from './trade-mapper.js';

export interface FeedOptions {
  pageSize: number;
  concurrency: number;
}

const FIELDS = TRADE_FIELDS.join(',');
const TYPES = ALL_TRADE_TYPES.join(',');
const RATE_FIELDS = 'tid,oid,role,nick,result,created,item_title,content,reply';

function tradesPage(trades: { trade: TopTrade[] } | undefined, total: number | undefined) {
  return { items: (trades?.trade ?? []).map(mapTrade), totalResults: Number(total ?? 0) };
}

/**
 * Drops an order already yielded unless this copy is newer: backward paging and overlapping window
 * edges bring some orders twice, and a consumer should see each version once.
 */
async function* newestOnce(pages: AsyncIterable<Order[]>): AsyncGenerator<Order[]> {
  const seen = new Map<string, string>();
  for await (const page of pages) {
    const fresh = page.filter((o) => {
      const prev = seen.get(o.tid);
      if (prev !== undefined && prev >= o.modifiedAt) return false;
      seen.set(o.tid, o.modifiedAt);
      return true;
    });
    if (fresh.length) yield fresh;
  }
}

async function* perDay(window: TimeWindow, feed: (day: TimeWindow) => AsyncIterable<Order[]>): AsyncGenerator<Order[]> {
  for (const day of splitWindow(window)) yield* feed(day);
}

/**
 * One of the two trade lists over each day of the window, pages read backwards. Without `type` the platform returns
 * only a few default types and ordinary trades go missing, so every type is asked for.
 */
function tradeFeed(
  method: 'taobao.trades.sold.increment.get' | 'taobao.trades.sold.get',
  by: 'modified' | 'created',
): (ctx: TopCallContext, opts: FeedOptions, window: TimeWindow) => AsyncIterable<Order[]> {
  return (ctx, opts, window) =>
    newestOnce(
      perDay(window, (day) =>
        pagesBackward(
          async (pageNo) => {
            const res = await topCall(ctx, method, {
              fields: FIELDS,
              type: TYPES,
              [`start_${by}`]: formatTopTime(day.start),
              [`end_${by}`]: formatTopTime(day.end),
              page_no: pageNo,
              page_size: opts.pageSize,
              // Only page 1 needs the total; the platform counts it at a cost.
              use_has_next: pageNo !== 1,
            });
            return tradesPage(res.trades, res.total_results);
          },
          opts.pageSize,
          opts.concurrency,
        ),
      ),
    );
}

/** taobao.trades.sold.increment.get: the trades modified in the window. */
export const changedOrders = tradeFeed('taobao.trades.sold.increment.get', 'modified');

/**
 * taobao.trades.sold.increment.get asked for its count only: one row of one field (page_size=1, fields=tid), so the
 * platform answers total_results without listing the window's orders.
 */
export async function countChanged(ctx: TopCallContext, window: TimeWindow): Promise<number> {
  const res = await topCall(ctx, 'taobao.trades.sold.increment.get', {
    fields: 'tid',
    type: TYPES,
    start_modified: formatTopTime(window.start),
    end_modified: formatTopTime(window.end),
    page_no: 1,
    page_size: 1,
  });
  return Number(res.total_results ?? 0);
}

/** taobao.trades.sold.get: the trades created in the window (the backfill). */
export const createdOrders = tradeFeed('taobao.trades.sold.get', 'created');

/** taobao.traderates.get: reviews buyers gave us, neutral then bad. */
export async function* negativeReviews(
  ctx: TopCallContext,
  opts: FeedOptions,
  window: TimeWindow,
): AsyncGenerator<Review[]> {
  for (const result of ['neutral', 'bad'] as const) {
    yield* pagesForward(async (pageNo) => {
      const res = await topCall(ctx, 'taobao.traderates.get', {
        fields: RATE_FIELDS,
        rate_type: 'get',
        role: 'buyer',
        result,
        start_date: formatTopTime(window.start),
        end_date: formatTopTime(window.end),
        page_no: pageNo,
        page_size: opts.pageSize,
        use_has_next: true,
      });
      return { items: (res.trade_rates?.trade_rate ?? []).map(mapRate), hasNext: res.has_next === true };
    });
  }
}
