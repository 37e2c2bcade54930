/**
 * taobao.refunds.receive.get: the refunds buyers asked of this shop, by modified time. Field and parameter names are
 * the platform's refund structure (refund_id, tid, oid, status, has_good_return, good_status, refund_fee,
 * company_name, sid, created, modified; start_modified/end_modified, page_no, page_size ≤ 100, use_has_next).
 */
import { UpstreamError } from '../../shared/errors.js';
import { parseYuan } from '../../shared/money.js';
import { formatTopTime, parseTopTime, toInstant, type TimeWindow } from '../../shared/time.js';
import type { PlatformRefund } from '../platform-port.js';
import { ALL_TRADE_TYPES, REFUND_FIELDS, type TopRefund } from '../top/wire.js';
import { pagesBackward, splitWindow } from './paging.js';
import { topCall, type TopCallContext } from './top-call.js';
import type { FeedOptions } from './order-feeds.js';

const FIELDS = REFUND_FIELDS.join(',');
/** Without `type` the platform lists refunds of guarantee_trade and auto_delivery trades only. */
const TYPES = ALL_TRADE_TYPES.join(',');

function bad(refundId: string, what: string): UpstreamError {
  return new UpstreamError({
    upstream: 'taobao',
    code: 'malformed_refund',
    message: `taobao refund ${refundId}: ${what}`,
    retriable: false,
    details: { refundId },
  });
}

function time(value: string | undefined, id: string, field: string): string {
  try {
    return toInstant(parseTopTime(value ?? ''));
  } catch {
    throw bad(id, `${field} is not a time: ${JSON.stringify(value)}`);
  }
}

/** One wire refund → the port's shape: ids as exact strings, yuan text → fen, platform time → +08:00 instant. */
export function mapRefund(r: TopRefund): PlatformRefund {
  const refundId = String(r.refund_id ?? '');
  if (!/^\d+$/.test(refundId)) throw bad(refundId, 'refund_id is not a number');
  let refundFeeFen = 0;
  if (r.refund_fee !== undefined && r.refund_fee !== '') {
    try {
      refundFeeFen = parseYuan(r.refund_fee);
    } catch {
      throw bad(refundId, `refund_fee is not an amount: ${JSON.stringify(r.refund_fee)}`);
    }
  }
  return {
    refundId,
    tid: String(r.tid ?? ''),
    oid: String(r.oid ?? ''),
    status: r.status,
    // The platform sends a JSON boolean; some gateways and the XML path write the text.
    hasGoodReturn: r.has_good_return === true || String(r.has_good_return) === 'true',
    goodStatus: r.good_status ?? '',
    refundFeeFen,
    buyerNick: r.buyer_nick ?? '',
    title: r.title ?? '',
    reason: r.reason ?? '',
    companyName: (r.company_name ?? '').trim(),
    sid: (r.sid ?? '').trim(),
    created: time(r.created, refundId, 'created'),
    modified: time(r.modified, refundId, 'modified'),
  };
}

/**
 * Every refund modified in the window, a day at a time, pages read backwards as the trade feeds are (a refund that
 * changes meanwhile comes twice rather than never); the newest copy of each refund once.
 */
export async function* receivedRefunds(
  ctx: TopCallContext,
  opts: FeedOptions,
  window: TimeWindow,
): AsyncGenerator<PlatformRefund[]> {
  const seen = new Map<string, string>();
  for (const day of splitWindow(window)) {
    const pages = pagesBackward(
      async (pageNo) => {
        const res = await topCall(ctx, 'taobao.refunds.receive.get', {
          fields: FIELDS,
          type: TYPES,
          start_modified: formatTopTime(day.start),
          end_modified: formatTopTime(day.end),
          page_no: pageNo,
          page_size: opts.pageSize,
          // Only page 1 needs the total; with use_has_next the platform leaves it out.
          use_has_next: pageNo !== 1,
        });
        return { items: (res.refunds?.refund ?? []).map(mapRefund), totalResults: Number(res.total_results ?? 0) };
      },
      opts.pageSize,
      opts.concurrency,
    );
    for await (const page of pages) {
      const fresh = page.filter((r) => {
        const prev = seen.get(r.refundId);
        if (prev !== undefined && prev >= r.modified) return false;
        seen.set(r.refundId, r.modified);
        return true;
      });
      if (fresh.length) yield fresh;
    }
  }
}
