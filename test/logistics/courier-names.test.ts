/** Couriers have one table of names (logistics/couriers.ts): messages, the sandbox shop and the handover read it. */
import { describe, expect, it } from 'vitest';
import { COURIERS } from '../../src/logistics/index.js';
import { courierName as messageCourierName } from '../../src/messaging/templates/index.js';
import type { MessageRequest } from '../../src/messaging/message-sink.js';
import { checkStuckParcels } from '../../src/operations/definitions/stuck-parcels.js';
import {
  COURIERS as SANDBOX_COURIERS,
  courierName as sandboxCourierName,
} from '../../src/platform/sandbox/generator/couriers.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { createFollowUps } from '../../src/tasks/follow-ups.js';
import { copiesOutside } from '../support/literal-copies.js';

describe('courier names', () => {
  it('when the source is searched, then no file but logistics/couriers.ts spells a courier name', () => {
    const names = COURIERS.map((c) => c.name);
    expect(names).toContain('韵达快递');
    expect(copiesOutside(names, ['src/logistics/couriers.ts'])).toEqual({});
  });

  it("when a message or the sandbox shop names a courier, then it is the logistics table's name", () => {
    for (const c of COURIERS) expect(messageCourierName(c.code), c.code).toBe(c.name);
    const named = Object.fromEntries(COURIERS.map((c) => [c.code, c.name]));
    for (const c of SANDBOX_COURIERS) expect(sandboxCourierName(c.code), c.code).toBe(named[c.code]);
    expect(messageCourierName('somecourier')).toBe('somecourier');
  });

  it('when a parcel is stuck, then its follow-up (shown on the handover) names the courier in Chinese, not by its code', async () => {
    const clock = fixedClock('2026-11-23T10:00:00+08:00');
    const followUps = createFollowUps({ store: createMemoryStore(), clock });
    const stuck = (company: string, waybill: string) => ({
      company,
      waybill,
      tid: waybill,
      state: 'in_transit' as const,
      subState: null,
      checkedAt: null,
      polledAt: null,
      final: false,
      events: [{ at: '2026-11-20T10:00:00+08:00', description: '', location: '', state: 'in_transit' as const }],
    });
    await checkStuckParcels({
      parcels: () => [stuck('yunda', '4312345678901'), stuck('nosuchco', 'X1')],
      orderOf: () => undefined,
      takingStaff: () => null,
      followUps,
      sink: { enqueue: async (_r: MessageRequest) => ({ queued: true }) },
      clock,
      stuckHours: 48,
    });
    expect(followUps.list({ open: true }).map((f) => f.title)).toEqual([
      '韵达快递 4312345678901：3天无物流更新',
      'nosuchco X1：3天无物流更新',
    ]);
  });
});
