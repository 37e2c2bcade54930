import { expect } from 'vitest';
import type { TmcApplied } from '../../../src/sync/index.js';
import type { serviceRig } from '../../support/service-rig.js';

type Rig = Awaited<ReturnType<typeof serviceRig>>;

/**
 * Lets the rig's living shop run until a buyer places an order, and resolves with the TradeCreate xiaoer applied for
 * it. The shop's clock only moves forward, so one placer per rig remembers its last tick.
 */
export function orderPlacer(rig: () => Rig): () => Promise<TmcApplied> {
  let ticked = 0;
  return async () => {
    const { svc } = rig();
    const shop = svc.outside.shop!;
    const created = new Promise<TmcApplied>((resolve) => {
      const off = svc.tmc.onApplied((a) => {
        if (a.topic !== 'taobao_trade_TradeCreate') return;
        off();
        resolve(a);
      });
    });
    let at = Math.max(shop.baseTime, ticked) + 1;
    const until = at + 5000;
    for (; at < until; at++) if (shop.tick(at).placed) break;
    expect(at).toBeLessThan(until);
    ticked = at;
    return created;
  };
}
