import { afterEach, describe, expect, it } from 'vitest';
import type { StoredOrder } from '../../src/orders/order-repository.js';
import { MINUTE } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { checkChanged } from '../../src/sync/order-sync-check.js';
import { syncJobs, type SyncService } from '../../src/sync/index.js';
import { sandboxRig } from '../support/sandbox-rig.js';

/**
 * The safety net while the message channel is connected (issue 19): the scheduled order sync asks the platform how
 * many orders changed in its window and reads pages only where that differs from the stored orders.
 */
let rig: Awaited<ReturnType<typeof sandboxRig>> | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

/** A shop synced in full, then living on (its changes read as the message channel would have brought them). */
async function currentShop() {
  rig = await sandboxRig();
  const store = createMemoryStore();
  const over = rig.syncOver(store);
  await over.sync.syncOrders();
  rig.clock.advance(20 * MINUTE);
  rig.shop.tick();
  rig.clock.advance(2000);
  await over.sync.syncOrders(); // everything the shop did is stored, as the messages would have stored it
  rig.clock.advance(30 * MINUTE);
  return { r: rig, store, ...over };
}

describe('the order sync’s count check', () => {
  it('when the stored orders match the platform’s count, then the run makes one call and reads no page', async () => {
    const { sync, state } = await currentShop();
    const until = state.checkpoint().modifiedUntil!;
    const run = await sync.syncOrders(undefined, { check: true });
    expect(run).toMatchObject({ ok: true, platformCalls: 1, ordersNew: 0, ordersChanged: 0, ordersUnchanged: 0 });
    expect(state.checkpoint().modifiedUntil).toBeGreaterThan(until);
  });

  it('when an order changed on the platform but no message brought it, then the check finds it and reads it', async () => {
    const { r, sync, store } = await currentShop();
    const tid = [...store.all<StoredOrder>('orders')][0]!.tid;
    // The seller's back office writes a memo; xiaoer's consumer never hears of it.
    expect((await r.shop.updateMemo(tid, { memo: '后台改的备注' })).ok).toBe(true);
    r.clock.advance(20_000);
    const run = await sync.syncOrders(undefined, { check: true });
    expect(run.ok).toBe(true);
    expect(run.ordersChanged).toBeGreaterThanOrEqual(1);
    expect(store.get<StoredOrder>('orders', tid)!.sellerMemo).toBe('后台改的备注');
    // One count, then the window's one page (read forwards from page 1: no second pass).
    expect(run.platformCalls).toBe(2);
    // A manual run still reads in full: the window’s orders again, unchanged now.
    const full = await sync.syncOrders();
    expect(full.ordersChanged).toBe(0);
    expect(full.ordersUnchanged).toBeGreaterThanOrEqual(1); // a check with equal counts would read none
  });

  it('when a new order came in that no message told of, then the check stores it', async () => {
    const { r, sync, store } = await currentShop();
    const before = store.count('orders');
    let placed = 0;
    for (let i = 0; i < 600 && !placed; i++) {
      r.clock.advance(MINUTE);
      placed = r.shop.tick().placed;
    }
    expect(placed).toBeGreaterThan(0);
    r.clock.advance(20_000);
    // The check window reaches back to the last run's end minus the overlap; what changed since is on the platform.
    const run = await sync.syncOrders(undefined, { check: true });
    expect(run.ok).toBe(true);
    expect(store.count('orders')).toBe(before + placed);
  });
});

describe('halving a window whose counts differ', () => {
  it('when one order of 2,000 in a window was missed, then a few counts and one small read find it, fewer calls than reading the window', async () => {
    const start = Date.parse('2026-12-07T10:00:00+08:00');
    const window = { start, end: start + 40 * MINUTE };
    // 2,000 stored changes, one a little more than a second apart; the platform has one more, at 10:31:07.
    const stored = Array.from({ length: 2000 }, (_, i) => start + Math.floor((i * 40 * MINUTE) / 2000 / 1000) * 1000);
    const missed = start + 31 * MINUTE + 7000;
    const onPlatform = [...stored, missed];
    const inW = (w: { start: number; end: number }, t: number) => t >= w.start && t < w.end + 1000;
    const reads: { start: number; end: number }[] = [];
    const stats = await checkChanged({
      count: async (w) => onPlatform.filter((t) => inW(w, t)).length,
      read: async (w) => void reads.push(w),
      stored,
      window,
    });
    expect(reads.length).toBe(1);
    expect(inW(reads[0]!, missed)).toBe(true);
    const readPages = Math.ceil(onPlatform.filter((t) => inW(reads[0]!, t)).length / 100);
    // Reading the whole window: 21 pages, 22 calls (page 1 read twice).
    expect(stats.counts + readPages + 1).toBeLessThan(22);
  });

  it('when the counts agree, then one count and no read', async () => {
    const start = Date.parse('2026-12-07T10:00:00+08:00');
    const stored = [start, start + 5000, start + 60_000];
    let reads = 0;
    const stats = await checkChanged({
      count: async () => 3,
      read: async () => void reads++,
      stored,
      window: { start, end: start + 40 * MINUTE },
    });
    expect(stats).toEqual({ counts: 1, read: 0 });
    expect(reads).toBe(0);
  });
});

describe('the order-sync job while the channel is connected', () => {
  it('when a scheduled run may check, then it asks for a check; a manual run reads in full', async () => {
    const asked: unknown[] = [];
    const run = { ok: true, ordersNew: 0, ordersChanged: 0, platformCalls: 1, errors: [] };
    const sync = {
      syncOrders: async (_p: unknown, opts: unknown) => (asked.push(opts), run),
    } as unknown as SyncService;
    const [job] = syncJobs(
      sync,
      { 'order-sync': '*/5 * * * *', 'logistics-refresh': '0 * * * *' },
      () => false,
      () => true,
    );
    await job!.run({ dueAt: 0, reason: 'scheduled' });
    await job!.run({ dueAt: 0, reason: 'manual' });
    expect(asked).toEqual([{ check: true }, { check: false }]);
  });
});
