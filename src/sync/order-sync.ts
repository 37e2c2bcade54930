import type { Order } from '../orders/order.js';
import type { OrderRepository } from '../orders/order-repository.js';
import type { ShopPlatform, TimeWindow } from '../platform/platform-port.js';
import type { Logger } from '../shared/logger.js';
import { DAY, MINUTE, toInstant, type Clock } from '../shared/time.js';
import type { SyncState } from './sync-state.js';

export interface SyncProgress {
  phase: 'backfill' | 'incremental';
  done: number;
  total: number;
  orders: number;
}

export interface OrderSyncResult {
  ordersNew: number;
  ordersChanged: number;
  ordersUnchanged: number;
  backfill: boolean;
}

export interface OrderSyncDeps {
  platform: ShopPlatform;
  orders: OrderRepository;
  state: SyncState;
  clock: Clock;
  logger: Logger;
  overlapMinutes: number;
  backfillDays: number;
}

function dayWindows(start: number, end: number): TimeWindow[] {
  const windows: TimeWindow[] = [];
  for (let s = start; s < end; s += DAY) windows.push({ start: s, end: Math.min(s + DAY, end) });
  return windows;
}

/**
 * First run: backfill the platform's 3-month window by created time, a day at a time, saving a cursor
 * after each day. Then (and on every later run) read modifications since the checkpoint minus an
 * overlap, because the platform's modified times can lag a little. Upserts are idempotent and the
 * checkpoint moves only after its orders are on disk, so a crash anywhere re-reads and loses nothing.
 */
export async function syncOrders(deps: OrderSyncDeps, onProgress?: (p: SyncProgress) => void): Promise<OrderSyncResult> {
  const { platform, orders, state, clock } = deps;
  const result: OrderSyncResult = { ordersNew: 0, ordersChanged: 0, ordersUnchanged: 0, backfill: false };
  const ingest = async (page: Order[]) => {
    const r = await orders.upsertMany(page, toInstant(clock.now()));
    result.ordersNew += r.created;
    result.ordersChanged += r.changed;
    result.ordersUnchanged += r.unchanged;
  };
  const seen = () => result.ordersNew + result.ordersChanged + result.ordersUnchanged;

  let cp = state.checkpoint();
  if (!cp.backfillDone) {
    result.backfill = true;
    const end = cp.backfillEnd ?? clock.now();
    const start = cp.backfillCursor ?? end - deps.backfillDays * DAY;
    if (cp.backfillEnd === null) await state.save({ backfillEnd: end, backfillCursor: start });
    const windows = dayWindows(start, end);
    let done = 0;
    for (const w of windows) {
      for await (const page of platform.createdOrders(w)) await ingest(page);
      await state.save({ backfillCursor: w.end });
      onProgress?.({ phase: 'backfill', done: ++done, total: windows.length, orders: seen() });
    }
    // Everything modified since the backfill began is read by the incremental pass below.
    await state.save({ backfillDone: true, backfillCursor: null, modifiedUntil: cp.modifiedUntil ?? end });
    cp = state.checkpoint();
  }

  const now = clock.now();
  const from = (cp.modifiedUntil ?? now) - deps.overlapMinutes * MINUTE;
  const windows = dayWindows(from, now);
  let done = 0;
  for (const w of windows) {
    for await (const page of platform.changedOrders(w)) await ingest(page);
    // The window end is safe to resume from: the next run still re-reads the overlap before it.
    await state.save({ modifiedUntil: w.end });
    onProgress?.({ phase: 'incremental', done: ++done, total: windows.length, orders: seen() });
  }
  return result;
}
