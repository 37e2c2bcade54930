import type { Order, OrderRepository } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import type { Logger } from '../shared/logger.js';
import { DAY, MINUTE, type Clock, type TimeWindow } from '../shared/time.js';
import { checkChanged, storedTimes } from './order-sync-check.js';
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
  /** Set when the run only compared counts (the message channel connected): count calls, windows read. */
  checked?: { counts: number; read: number };
}

/**
 * A check ends this long before now: a change of the last moments may still be on its way as a message (and the
 * real platform's publish time can trail the trade's modified time), which would differ for no loss.
 */
const CHECK_SETTLE_MS = 10_000;

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
 * Pages are applied in memory at once; their durability is awaited only before a checkpoint moves,
 * so fetching the next page never waits for an fsync.
 */
function createIngest(orders: OrderRepository, result: OrderSyncResult) {
  let pending: Promise<void>[] = [];
  return {
    add(page: Order[]) {
      const write = orders.upsertMany(page).then((r) => {
        result.ordersNew += r.created;
        result.ordersChanged += r.changed;
        result.ordersUnchanged += r.unchanged;
      });
      // Observed at once (the failure is reported by `durable` or `settle`), so it never goes unhandled.
      write.catch(() => undefined);
      pending.push(write);
    },
    /** Resolves when every page added so far is on disk; pages added later are not waited for. */
    durable(): Promise<void> {
      const batch = pending;
      pending = [];
      return Promise.all(batch).then(() => undefined);
    },
    /** After a failure: let in-flight writes settle so none is left unobserved. */
    settle: () => Promise.allSettled(pending),
    seen: () => result.ordersNew + result.ordersChanged + result.ordersUnchanged,
  };
}

type Ingest = ReturnType<typeof createIngest>;

/** Days fetched ahead of the one being stored: the platform's latency and our own work overlap. */
export const BACKFILL_DAYS_AHEAD = 2;
/** Days stored whose cursor save may still wait for their fsync: bounds memory if the disk is slow. */
const DAYS_UNSAVED = 2;

async function backfill(deps: OrderSyncDeps, ingest: Ingest, onProgress?: (p: SyncProgress) => void): Promise<void> {
  const cp = deps.state.checkpoint();
  const end = cp.backfillEnd ?? deps.clock.now();
  const start = cp.backfillCursor ?? end - deps.backfillDays * DAY;
  if (cp.backfillEnd === null) await deps.state.save({ backfillEnd: end, backfillCursor: start });
  const windows = dayWindows(start, end);
  // Once the backfill has failed, days fetched ahead stop asking for pages: the platform's call
  // quota is what limits a real shop, and nobody will store them.
  let stopped = false;
  const fetchDay = (w: TimeWindow) => {
    const pages = (async () => {
      const got: Order[][] = [];
      for await (const page of deps.platform.createdOrders(w)) {
        if (stopped) break;
        got.push(page);
      }
      return got;
    })();
    pages.catch(() => undefined); // observed here; the error surfaces where the day is awaited
    return pages;
  };
  const ahead = windows.slice(0, BACKFILL_DAYS_AHEAD).map(fetchDay);
  // Each day's cursor is saved once that day's orders are durable, while the next day is already
  // being stored. Saves run in day order on one chain, so the cursor never passes a day not on disk.
  let saved: Promise<void> = Promise.resolve();
  const unsaved: Promise<void>[] = [];
  let done = 0;
  try {
    for (let i = 0; i < windows.length; i++) {
      const pages = await ahead.shift()!;
      if (i + BACKFILL_DAYS_AHEAD < windows.length) ahead.push(fetchDay(windows[i + BACKFILL_DAYS_AHEAD]!));
      for (const page of pages) ingest.add(page);
      const dayDurable = ingest.durable();
      // Observed at once: the chain below reaches it only after the earlier days' saves, and not at
      // all once one of them failed (a failing disk fails every later write too).
      dayDurable.catch(() => undefined);
      const cursor = windows[i]!.end;
      saved = saved
        .then(() => dayDurable)
        .then(async () => {
          await deps.state.save({ backfillCursor: cursor });
          onProgress?.({ phase: 'backfill', done: ++done, total: windows.length, orders: ingest.seen() });
        });
      saved.catch(() => undefined); // observed here; awaited below
      unsaved.push(saved);
      if (unsaved.length > DAYS_UNSAVED) await unsaved.shift();
    }
  } finally {
    stopped = true;
    // On failure too: no cursor save may still be running once the sync has returned.
    await saved.catch(() => undefined);
  }
  await saved;
  // Everything modified since the backfill began is read by the incremental pass.
  await deps.state.save({ backfillDone: true, backfillCursor: null, modifiedUntil: cp.modifiedUntil ?? end });
}

/**
 * The incremental pass while the message channel keeps orders current: one count for the window (whole seconds, the
 * platform's resolution) and pages only where it differs from the stored orders (order-sync-check.ts). False when it
 * cannot check (no count on this platform, a window over a day after a long stop): the caller reads in full.
 */
async function checked(deps: OrderSyncDeps, ingest: Ingest, result: OrderSyncResult, from: number): Promise<boolean> {
  const count = deps.platform.countChanged?.bind(deps.platform);
  const window = {
    start: Math.floor(from / 1000) * 1000,
    end: Math.floor((deps.clock.now() - CHECK_SETTLE_MS) / 1000) * 1000,
  };
  if (!count || window.end - window.start > DAY) return false;
  if (window.end > window.start) {
    result.checked = await checkChanged({
      count,
      stored: storedTimes(deps.orders, window),
      window,
      async read(w) {
        for await (const page of deps.platform.changedOrders(w)) ingest.add(page);
      },
    });
    await ingest.durable();
    await deps.state.save({ modifiedUntil: window.end });
  }
  return true;
}

async function incremental(
  deps: OrderSyncDeps,
  ingest: Ingest,
  onProgress?: (p: SyncProgress) => void,
  check?: { result: OrderSyncResult },
): Promise<void> {
  const now = deps.clock.now();
  const from = (deps.state.checkpoint().modifiedUntil ?? now) - deps.overlapMinutes * MINUTE;
  if (check && (await checked(deps, ingest, check.result, from))) {
    onProgress?.({ phase: 'incremental', done: 1, total: 1, orders: ingest.seen() });
    return;
  }
  const windows = dayWindows(from, now);
  let done = 0;
  for (const w of windows) {
    for await (const page of deps.platform.changedOrders(w)) ingest.add(page);
    await ingest.durable();
    // The window end is safe to resume from: the next run still re-reads the overlap before it.
    await deps.state.save({ modifiedUntil: w.end });
    onProgress?.({ phase: 'incremental', done: ++done, total: windows.length, orders: ingest.seen() });
  }
}

/**
 * First run: backfill the platform's 3-month window by created time, a day at a time, saving a cursor
 * after each day. Then (and on every later run) read modifications since the checkpoint minus an
 * overlap, because the platform's modified times can lag a little (or, asked to check, compare counts over that
 * window and read only where they differ). Upserts are idempotent and the
 * checkpoint moves only after its orders are on disk, so a crash anywhere re-reads and loses nothing.
 */
export async function syncOrders(
  deps: OrderSyncDeps,
  onProgress?: (p: SyncProgress) => void,
  /** Compare counts instead of reading every changed order (the scheduled run while the channel is connected). */
  opts: { check?: boolean } = {},
): Promise<OrderSyncResult> {
  const result: OrderSyncResult = { ordersNew: 0, ordersChanged: 0, ordersUnchanged: 0, backfill: false };
  const ingest = createIngest(deps.orders, result);
  try {
    if (!deps.state.checkpoint().backfillDone) {
      result.backfill = true;
      await backfill(deps, ingest, onProgress);
    }
    await incremental(deps, ingest, onProgress, opts.check && !result.backfill ? { result } : undefined);
  } catch (err) {
    await ingest.settle();
    throw err;
  }
  return result;
}
