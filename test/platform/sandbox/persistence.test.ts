import { describe, expect, it } from 'vitest';
import { createSandboxShop } from '../../../src/platform/sandbox/shop.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import { fixedClock } from '../../../src/shared/time.js';
import { NOW } from './fixtures.js';

describe('sandbox shop persistence', () => {
  it('when a second shop opens the same store, then it continues the same shop with its changes instead of regenerating', async () => {
    const store = createMemoryStore();
    const clock = fixedClock(NOW);
    const first = createSandboxShop({ seed: 11, orders: 400, clock, store });
    const tid = first.tradesByCreated(0, NOW, {}, { pageNo: 1, pageSize: 1 }).items[0]!.tid;
    clock.advance(5_000);
    await first.updateMemo(tid, { memo: '老顾客，送袜子一双', flag: 4 });
    first.tick(NOW + 60_000);
    await first.flush();
    expect(store.get('sandbox.meta', 'shop')).toMatchObject({ seed: 11, baseTime: NOW });

    clock.set(NOW + 3600_000);
    const second = createSandboxShop({ seed: 999, orders: 50, clock, store });
    expect(second.seed).toBe(11);
    expect(second.size()).toBe(first.size());
    expect(second.trade(tid)).toEqual(first.trade(tid));
    expect(second.trade(tid)).toMatchObject({ memo: '老顾客，送袜子一双', flag: 4 });
    const all = (s: typeof first) =>
      JSON.stringify(s.tradesByModified(0, Infinity, {}, { pageNo: 1, pageSize: 1e6 }).items);
    expect(all(second)).toBe(all(first));
    expect(second.buyers()).toEqual(first.buyers());
  });

  it('when the shop has no store, then a new instance regenerates the same shop from the seed', () => {
    const a = createSandboxShop({ seed: 3, orders: 300, clock: fixedClock(NOW) });
    const b = createSandboxShop({ seed: 3, orders: 300, clock: fixedClock(NOW) });
    expect(b.trade(a.tradesByCreated(0, NOW, {}, { pageNo: 1, pageSize: 1 }).items[0]!.tid)).toBeDefined();
  });
});
