/**
 * One run per kind at a time (orders, parcels), each recorded with its counts and errors for the jobs page and the
 * handover.
 */
import type { LogisticsTracker, ParcelRepository } from '../logistics/index.js';
import type { OrderRepository } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import type { Logger } from '../shared/logger.js';
import { toInstant, type Clock } from '../shared/time.js';
import { refreshLogistics, type LogisticsRefreshResult } from './logistics-refresh.js';
import { syncOrders, type SyncProgress } from './order-sync.js';
import type { SyncRun, SyncState } from './sync-state.js';

export interface SyncDeps {
  platform: ShopPlatform;
  tracker: LogisticsTracker;
  orders: OrderRepository;
  parcels: ParcelRepository;
  state: SyncState;
  clock: Clock;
  logger: Logger;
  overlapMinutes: number;
  backfillDays: number;
  parcelIntervalMinutes: number;
}

export interface SyncService {
  /** Orders, then parcels. A call while a run is under way joins that run instead of starting another. */
  syncAll(
    onProgress?: (p: SyncProgress | { phase: 'logistics'; done: number; total: number }) => void,
  ): Promise<SyncRun>;
  /**
   * `check`: compare the platform's counts with the stored orders and read only where they differ (the scheduled run
   * while the message channel is connected); a manual run always reads in full.
   */
  syncOrders(onProgress?: (p: SyncProgress) => void, opts?: { check?: boolean }): Promise<SyncRun>;
  refreshLogistics(): Promise<SyncRun>;
  running(): boolean;
}

export function createSyncService(deps: SyncDeps): SyncService {
  // One run per kind at a time: order sync and the logistics refresh may overlap each other, never themselves.
  const current = new Map<SyncRun['kind'], Promise<SyncRun>>();
  const guarded = (kind: SyncRun['kind'], work: () => Promise<SyncRun>) => {
    let p = current.get(kind);
    if (!p) {
      p = work().finally(() => current.delete(kind));
      current.set(kind, p);
    }
    return p;
  };

  async function run(kind: SyncRun['kind'], steps: (run: SyncRun) => Promise<void>): Promise<SyncRun> {
    const callsBefore = deps.platform.stats().calls;
    const record: SyncRun = {
      kind,
      startedAt: toInstant(deps.clock.now()),
      finishedAt: '',
      ok: true,
      ordersNew: 0,
      ordersChanged: 0,
      ordersUnchanged: 0,
      parcelsRefreshed: 0,
      platformCalls: 0,
      errors: [],
    };
    try {
      await steps(record);
    } catch (err) {
      record.ok = false;
      record.errors.push((err as Error).message);
      deps.logger.error({ err }, `${kind} sync failed`);
    }
    record.finishedAt = toInstant(deps.clock.now());
    record.platformCalls = deps.platform.stats().calls - callsBefore;
    if (record.ok && kind === 'orders')
      await deps.state.save({ lastSuccessAt: record.finishedAt, lastRunAt: record.finishedAt });
    else if (kind === 'orders') await deps.state.save({ lastRunAt: record.finishedAt });
    await deps.state.record(record);
    deps.logger.info({ ...record, errors: record.errors.length }, `${kind} sync finished`);
    return record;
  }

  const orderSteps =
    (onProgress?: (p: SyncProgress) => void, check = false) =>
    async (r: SyncRun) => {
      const res = await syncOrders(deps, onProgress, { check });
      r.ordersNew += res.ordersNew;
      r.ordersChanged += res.ordersChanged;
      r.ordersUnchanged += res.ordersUnchanged;
    };
  const logisticsSteps = (onProgress?: (done: number, total: number) => void) => async (r: SyncRun) => {
    const res: LogisticsRefreshResult = await refreshLogistics(
      { ...deps, intervalMinutes: deps.parcelIntervalMinutes },
      onProgress,
    );
    r.parcelsRefreshed += res.refreshed;
    r.errors.push(...res.errors.slice(0, 20));
  };

  return {
    syncAll: (onProgress) =>
      guarded('orders', () =>
        run('orders', async (r) => {
          await orderSteps(onProgress)(r);
          await logisticsSteps((done, total) => onProgress?.({ phase: 'logistics', done, total }))(r);
        }),
      ),
    syncOrders: (onProgress, opts) =>
      guarded('orders', () => run('orders', orderSteps(onProgress, opts?.check ?? false))),
    refreshLogistics: () => guarded('logistics', () => run('logistics', logisticsSteps())),
    running: () => current.size > 0,
  };
}
