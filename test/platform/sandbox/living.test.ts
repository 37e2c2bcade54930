import { describe, expect, it } from 'vitest';
import { createSandboxShop } from '../../../src/platform/sandbox/shop.js';
import { fixedClock } from '../../../src/shared/time.js';
import { NOW } from './fixtures.js';

const PACE = { newOrders: 3, payments: 2, shipments: 2, deliveries: 2, reviewChance: 0.5, refundChance: 0.3 };
const TICKS = Array.from({ length: 20 }, (_, i) => NOW + (i + 1) * 30_000);

function livedShop() {
  const shop = createSandboxShop({ seed: 9, orders: 800, clock: fixedClock(NOW), pace: PACE });
  const summaries = TICKS.map((t) => shop.tick(t));
  return { shop, summaries };
}

describe('living sandbox shop', () => {
  it('when the shop ticks, then new orders appear and changed trades carry increasing modified times after the base time', () => {
    const { shop, summaries } = livedShop();
    const placed = summaries.reduce((s, x) => s + x.placed, 0);
    const changed = summaries.reduce((s, x) => s + x.paid + x.shipped + x.finished, 0);
    expect(placed).toBeGreaterThan(20);
    expect(changed).toBeGreaterThan(20);
    expect(shop.size()).toBe(800 + placed);
    const recent = shop.tradesByModified(NOW + 1, TICKS.at(-1)!, {}, { pageNo: 1, pageSize: 10_000 }).items;
    expect(recent.length).toBeGreaterThanOrEqual(placed);
    for (let i = 1; i < recent.length; i++) expect(recent[i - 1]!.modified).toBeGreaterThanOrEqual(recent[i]!.modified);
    const shippedNow = recent.filter((t) => t.consigned !== null && t.consigned > NOW);
    expect(shippedNow.length).toBeGreaterThan(0);
    expect(shippedNow.every((t) => shop.findParcel(t.parcel!.waybill)?.tid === t.tid)).toBe(true);
  });

  it('when two shops with the same seed tick at the same times, then they end identical', () => {
    const a = livedShop().shop;
    const b = livedShop().shop;
    const dump = (s: typeof a) =>
      JSON.stringify(s.tradesByModified(0, Infinity, {}, { pageNo: 1, pageSize: 1e6 }).items);
    expect(dump(a)).toBe(dump(b));
  });

  it('when an unpaid order passes its 72-hour timeout, then a tick closes it', () => {
    const shop = createSandboxShop({ seed: 9, orders: 800, clock: fixedClock(NOW), pace: { ...PACE, payments: 0 } });
    const unpaid = shop.tradesByCreated(
      0,
      NOW,
      { statuses: new Set(['WAIT_BUYER_PAY']) },
      { pageNo: 1, pageSize: 1000 },
    ).items;
    expect(unpaid.length).toBeGreaterThan(0);
    const latest = Math.max(...unpaid.map((t) => t.created));
    shop.tick(latest + 72 * 3600_000 + 1000);
    expect(unpaid.every((t) => shop.trade(t.tid)!.status === 'TRADE_CLOSED_BY_TAOBAO')).toBe(true);
  });
});
