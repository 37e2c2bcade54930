import { courierCode, type LogisticsTracker, type ParcelRepository } from '../logistics/index.js';
import type { StoredOrder, OrderRepository, TradeStatus } from '../orders/index.js';
import type { Logger } from '../shared/logger.js';
import { phoneLastFour } from '../shared/mask.js';
import { MINUTE, toInstant, type Clock } from '../shared/time.js';

/** Statuses in which a parcel is on its way. */
const SHIPPED: ReadonlySet<TradeStatus> = new Set([
  'SELLER_CONSIGNED_PART',
  'WAIT_BUYER_CONFIRM_GOODS',
  'TRADE_BUYER_SIGNED',
]);

export interface LogisticsRefreshDeps {
  tracker: LogisticsTracker;
  orders: OrderRepository;
  parcels: ParcelRepository;
  clock: Clock;
  logger: Logger;
  intervalMinutes: number;
  concurrency?: number;
}

export interface LogisticsRefreshResult {
  refreshed: number;
  skipped: number;
  errors: string[];
}

interface Due {
  order: StoredOrder;
  company: string;
  waybill: string;
}

/** Waybills of shipped orders that are not final and were not asked about within the interval. */
export function dueParcels(deps: Pick<LogisticsRefreshDeps, 'orders' | 'parcels' | 'clock' | 'intervalMinutes'>): {
  due: Due[];
  skipped: number;
} {
  const due: Due[] = [];
  let skipped = 0;
  const cutoff = deps.clock.now() - deps.intervalMinutes * MINUTE;
  for (const order of deps.orders.all()) {
    if (!SHIPPED.has(order.status)) continue;
    const seen = new Set<string>();
    for (const item of order.items) {
      if (!item.invoiceNo || !item.logisticsCompany) continue;
      const company = courierCode(item.logisticsCompany);
      if (!company || seen.has(company + item.invoiceNo)) continue;
      seen.add(company + item.invoiceNo);
      const parcel = deps.parcels.get(company, item.invoiceNo);
      if (parcel?.final || (parcel?.polledAt && Date.parse(parcel.polledAt) > cutoff)) {
        skipped++;
        continue;
      }
      due.push({ order, company, waybill: item.invoiceNo });
    }
  }
  return { due, skipped };
}

/** Asks the tracker about every due parcel, a few at a time; one parcel's failure does not stop the rest. */
export async function refreshLogistics(
  deps: LogisticsRefreshDeps,
  onProgress?: (done: number, total: number) => void,
): Promise<LogisticsRefreshResult> {
  const { due, skipped } = dueParcels(deps);
  const result: LogisticsRefreshResult = { refreshed: 0, skipped, errors: [] };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < due.length) {
      const d = due[next++]!;
      try {
        // Kuaidi100 checks only the last four digits (SF, ZTO), which the platform's mask keeps: no decrypt needed.
        const { mobile, phone } = d.order.receiver;
        const r = await deps.tracker.track(d.company, d.waybill, phoneLastFour(mobile) ?? phoneLastFour(phone));
        await deps.parcels.save(d.order.tid, r, toInstant(deps.clock.now()));
        result.refreshed++;
      } catch (err) {
        result.errors.push(`${d.company} ${d.waybill}: ${(err as Error).message}`);
        deps.logger.warn({ err, company: d.company, tid: d.order.tid }, 'parcel refresh failed');
      }
      onProgress?.(++done, due.length);
    }
  };
  await Promise.all(Array.from({ length: deps.concurrency ?? 4 }, worker));
  return result;
}
