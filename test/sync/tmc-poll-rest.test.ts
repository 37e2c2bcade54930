import { describe, expect, it } from 'vitest';
import { createOrderRepository } from '../../src/orders/index.js';
import type { ShopPlatform } from '../../src/platform/index.js';
import { wireTmc } from '../../src/service/wire-tmc.js';
import { silentLogger } from '../../src/shared/logger.js';
import { systemClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { syncJobs, type SyncService } from '../../src/sync/index.js';

const fakeSync = () => {
  let runs = 0;
  const run = { ok: true, ordersNew: 2, ordersChanged: 1, platformCalls: 3, errors: [] };
  const sync = { syncOrders: async () => (runs++, run), refreshLogistics: async () => run } as unknown as SyncService;
  return { sync, runs: () => runs };
};
const schedules = { 'order-sync': '*/5 * * * *', 'logistics-refresh': '0 * * * *' };

describe('polling as the safety net while TMC is connected', () => {
  it('when the channel keeps orders current, then a scheduled order sync rests (no calls), a manual one still runs', async () => {
    const f = fakeSync();
    const [job] = syncJobs(f.sync, schedules, () => true);
    expect(await job!.run({ dueAt: 0, reason: 'scheduled' })).toEqual({ new: 0, changed: 0, calls: 0 });
    expect(f.runs()).toBe(0);
    expect(await job!.run({ dueAt: 0, reason: 'manual' })).toEqual({ new: 2, changed: 1, calls: 3 });
    const [plain] = syncJobs(f.sync, schedules, () => false);
    await plain!.run({ dueAt: 0, reason: 'scheduled' });
    expect(f.runs()).toBe(2);
  });

  it('when the consumer cannot connect for more than a minute, then health says it is down, in Chinese; off says only that', async () => {
    let now = Date.now();
    const w = wireTmc({
      endpoint: { url: 'ws://127.0.0.1:9/', appKey: 'k', appSecret: 's', group: 'default' },
      platform: {} as ShopPlatform,
      orders: createOrderRepository(createMemoryStore()),
      clock: systemClock,
      logger: silentLogger(),
      connectedIntervalMinutes: 30,
      now: () => now,
    });
    w.start();
    try {
      expect(w.health()).toMatchObject({ enabled: true, connected: false, down: false });
      expect(w.pollMayRest(new Date().toISOString())).toBe(false);
      now += 3 * 60_000 + 1000;
      expect(w.health()).toMatchObject({ down: true, notice: '消息通道已断开 3 分钟，订单改由定时同步更新' });
    } finally {
      await w.stop();
    }
    const off = wireTmc({
      endpoint: null,
      platform: {} as ShopPlatform,
      orders: createOrderRepository(createMemoryStore()),
      clock: systemClock,
      logger: silentLogger(),
      connectedIntervalMinutes: 30,
    });
    expect(off.health()).toEqual({ enabled: false });
  });
});
