import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TmcApplied } from '../../src/sync/index.js';
import { serviceRig } from '../support/service-rig.js';

/** Issue 19: a new neutral or bad rating reaches the review workflow seconds after the buyer leaves it. */
describe('a rating pushed by TMC hands the review on', () => {
  let rig: Awaited<ReturnType<typeof serviceRig>>;
  beforeAll(async () => {
    rig = await serviceRig();
  });
  afterAll(() => rig.close());

  it('when a buyer leaves a neutral or bad review, then the review book has it within seconds, with no poll', async () => {
    const shop = rig.svc.outside.shop!;
    const rated = new Promise<TmcApplied>((resolve) =>
      rig.svc.tmc.onApplied((a) => a.topic === 'taobao_trade_TradeRated' && resolve(a)),
    );
    // The living shop moves on in steps a few milliseconds apart (each its own draw) until a buyer gives a neutral
    // or bad review; every step's time is already past, so the review is inside the book's window.
    const before = new Set(
      shop.rates({ start: 0, end: Date.now() }, { pageNo: 1, pageSize: 10_000 }).items.map((r) => r.oid),
    );
    let tid: string | undefined;
    for (let at = shop.baseTime + 1; !tid && at < shop.baseTime + 500; at++) {
      shop.tick(at);
      const fresh = shop
        .rates(
          { start: 0, end: Date.now() + 1000, results: new Set(['neutral', 'bad']) },
          { pageNo: 1, pageSize: 10_000 },
        )
        .items.find((r) => !before.has(r.oid));
      tid = fresh?.tid;
    }
    expect(tid).toBeDefined();
    await rated;
    const started = Date.now();
    while (!rig.svc.operations.reviews.forOrder(tid!).length && Date.now() - started < 8000)
      await new Promise((r) => setTimeout(r, 50));
    expect(rig.svc.operations.reviews.forOrder(tid!)).toHaveLength(1);
    expect(rig.svc.sync.running()).toBe(false);
  });
});
