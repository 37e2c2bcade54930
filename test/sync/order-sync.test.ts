import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import type { Store } from '../../src/storage/store.js';
import { type StoredOrder, createOrderRepository } from '../../src/orders/order-repository.js';
import { createParcelRepository } from '../../src/logistics/parcel-repository.js';
import { silentLogger } from '../../src/shared/logger.js';
import { DAY, HOUR } from '../../src/shared/time.js';
import { createSyncService, createSyncState } from '../../src/sync/index.js';
import { failingAfter, sandboxRig } from '../support/sandbox-rig.js';

let rig: Awaited<ReturnType<typeof sandboxRig>> | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

/** What a sync should leave behind: every order's platform state, ignoring when we fetched it. */
function snapshot(store: Store): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of store.all<StoredOrder>('orders')) out[o.tid] = JSON.stringify(o);
  return out;
}

describe('order sync against the sandbox shop over the real protocol', () => {
  it('when the first sync runs, then the whole 3-month window is backfilled with every order the shop has', async () => {
    rig = await sandboxRig();
    const store = createMemoryStore();
    const { sync } = rig.syncOver(store);
    const run = await sync.syncOrders();
    expect(run.ok).toBe(true);
    expect(store.count('orders')).toBe(rig.shop.size());
    expect(run.ordersNew).toBe(rig.shop.size());
    // List calls carry the fields we need: far fewer calls than orders.
    expect(run.platformCalls / rig.shop.size()).toBeLessThan(0.5);
  });

  it('when sync runs again with nothing changed, then nothing is duplicated or changed', async () => {
    rig = await sandboxRig();
    const store = createMemoryStore();
    const { sync } = rig.syncOver(store);
    await sync.syncOrders();
    const before = snapshot(store);
    const again = await sync.syncOrders();
    expect(again.ordersNew).toBe(0);
    expect(again.ordersChanged).toBe(0);
    expect(snapshot(store)).toEqual(before);
  });

  it('when the shop lives on, then the next incremental sync picks up exactly the changed and new orders', async () => {
    rig = await sandboxRig();
    const store = createMemoryStore();
    const { sync } = rig.syncOver(store);
    await sync.syncOrders();
    rig.clock.advance(2 * HOUR);
    rig.shop.tick();
    // The shop stamps a change with the next whole second; let the clock pass it as real time would.
    rig.clock.advance(2000);
    const run = await sync.syncOrders();
    expect(run.ordersNew + run.ordersChanged).toBeGreaterThan(0);
    expect(store.count('orders')).toBe(rig.shop.size());
    // Every local order carries the shop's latest modification time.
    for (const o of store.all<StoredOrder>('orders')) {
      expect(Date.parse(o.modifiedAt), o.tid).toBe(rig.shop.trade(o.tid)!.modified);
    }
  });

  it('when the sync dies part-way through the backfill, then running it again gives the same result as one clean run', async () => {
    rig = await sandboxRig();
    const crashed = createMemoryStore();
    const broken = rig.syncOver(crashed, failingAfter(rig.platform, 3));
    const first = await broken.sync.syncOrders();
    expect(first.ok).toBe(false);
    expect(crashed.count('orders')).toBeGreaterThan(0);
    expect(crashed.count('orders')).toBeLessThan(rig.shop.size());
    expect(broken.state.checkpoint().backfillDone).toBe(false);

    const resumed = rig.syncOver(crashed);
    expect((await resumed.sync.syncOrders()).ok).toBe(true);

    const clean = createMemoryStore();
    await rig.syncOver(clean).sync.syncOrders();
    expect(snapshot(crashed)).toEqual(snapshot(clean));
  });

  it('when one day of the backfill cannot be written while later days can, then the saved cursor stops before that day and resuming fills it', async () => {
    rig = await sandboxRig({ orders: 1500 });
    const store = createMemoryStore();
    const orders = createOrderRepository(store);
    const start = rig.clock.now() - 90 * DAY;
    const badDay = { start: start + 40 * DAY, end: start + 41 * DAY };
    const inBadDay = (o: StoredOrder) =>
      Date.parse(o.createdAt) >= badDay.start && Date.parse(o.createdAt) < badDay.end;
    // That day's writes fail slowly: only once a following day's write has gone through.
    let laterDayStored!: () => void;
    const afterLaterDay = new Promise<void>((resolve) => {
      laterDayStored = resolve;
    });
    const flaky = {
      ...orders,
      upsertMany: async (page: StoredOrder[]) => {
        if (page.some(inBadDay))
          return afterLaterDay.then(() => {
            throw new Error('disk said no');
          });
        const written = await orders.upsertMany(page);
        if (page.some((o) => Date.parse(o.createdAt) >= badDay.end)) laterDayStored();
        return written;
      },
    };
    const state = createSyncState(store);
    const sync = createSyncService({
      platform: rig.platform,
      tracker: rig.tracker,
      orders: flaky,
      parcels: createParcelRepository(store),
      state,
      clock: rig.clock,
      logger: silentLogger(),
      overlapMinutes: 10,
      backfillDays: 90,
      parcelIntervalMinutes: 30,
    });
    expect((await sync.syncOrders()).ok).toBe(false);
    const cursor = state.checkpoint().backfillCursor!;
    expect(cursor).toBeLessThanOrEqual(badDay.start);
    expect(cursor).toBeGreaterThan(start);
    // Days after the bad one were stored meanwhile, but nothing before the cursor is missing.
    expect([...orders.all()].some((o) => Date.parse(o.createdAt) >= badDay.end)).toBe(true);
    const shopBefore = rig.shop.tradesByCreated(start, cursor - 1, {}, { pageNo: 1, pageSize: 100_000 }).items.length;
    expect([...orders.all()].filter((o) => Date.parse(o.createdAt) < cursor)).toHaveLength(shopBefore);

    expect((await rig.syncOver(store).sync.syncOrders()).ok).toBe(true);
    expect(store.count('orders')).toBe(rig.shop.size());
  });

  it('when the sync dies part-way through an incremental pass, then the next run loses nothing', async () => {
    rig = await sandboxRig();
    const store = createMemoryStore();
    await rig.syncOver(store).sync.syncOrders();
    rig.clock.advance(3 * HOUR);
    for (let i = 0; i < 5; i++) rig.shop.tick();
    rig.clock.advance(2000);
    const res = await rig.syncOver(store, failingAfter(rig.platform, 0)).sync.syncOrders();
    expect(res.ok).toBe(false);
    await rig.syncOver(store).sync.syncOrders();
    const clean = createMemoryStore();
    await rig.syncOver(clean).sync.syncOrders();
    expect(snapshot(store)).toEqual(snapshot(clean));
  });

  it('when logistics refresh runs, then shipped parcels are tracked once and not asked again within 30 minutes', async () => {
    rig = await sandboxRig();
    const store = createMemoryStore();
    const { sync, parcels, orders } = rig.syncOver(store);
    await sync.syncOrders();
    const first = await sync.refreshLogistics();
    expect(first.parcelsRefreshed).toBeGreaterThan(0);
    const shipped = [...orders.all()].find(
      (o) => o.status === 'WAIT_BUYER_CONFIRM_GOODS' && o.items.some((i) => i.invoiceNo),
    )!;
    expect(parcels.forOrder(shipped.tid).length).toBeGreaterThan(0);
    const again = await sync.refreshLogistics();
    expect(again.parcelsRefreshed).toBe(0);
    rig.clock.advance(31 * 60_000);
    const later = await sync.refreshLogistics();
    // Parcels that reached a final state (signed, returned, refused) are not polled again.
    const finals = [...store.all<{ final: boolean }>('parcels')].filter((p) => p.final).length;
    expect(later.parcelsRefreshed).toBe(store.count('parcels') - finals);
  });
});
