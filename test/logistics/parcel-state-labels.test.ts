/**
 * Parcel states have one list of names, in logistics (logistics-port.ts beside PARCEL_STATES), and a
 * parcel's detail codes keep kuaidi100's names (kuaidi100/state-map.ts): the order page (via GET
 * /api/labels), buyers' messages and a stuck parcel's follow-up read them.
 */
import { describe, expect, it } from 'vitest';
import { PARCEL_STATE_LABELS, PARCEL_STATES, subStateNames } from '../../src/logistics/index.js';
import type { MessageRequest } from '../../src/messaging/message-sink.js';
import { parcelStateText } from '../../src/messaging/templates/index.js';
import { checkStuckParcels } from '../../src/operations/definitions/stuck-parcels.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { createFollowUps } from '../../src/tasks/follow-ups.js';
import { copiesOutside } from '../support/literal-copies.js';

const OWNER = 'src/logistics/logistics-port.ts';
const STATE_MAP = 'src/logistics/kuaidi100/state-map.ts';
const SANDBOX_TRACE = 'src/platform/sandbox/trace.ts';

describe('parcel state names', () => {
  it("when the source is searched, then no file but logistics-port.ts spells a parcel state's name", () => {
    const names = Object.values(PARCEL_STATE_LABELS);
    expect(names).toContain('派件中');
    expect(
      copiesOutside(names, [OWNER], {
        // kuaidi100's own names of its codes, which the tracker reads (揽收 103, 疑难 2, 拒签 14, 清关 8).
        已揽收: [STATE_MAP],
        疑难: [STATE_MAP],
        拒签: [STATE_MAP],
        清关: [STATE_MAP],
        // The sandbox platform's trace status (Taobao's words), and the trade status of a signed order.
        运输中: [SANDBOX_TRACE],
        退回中: [SANDBOX_TRACE],
        已签收: [SANDBOX_TRACE, 'src/orders/order.ts'],
      }),
    ).toEqual({});
  });

  it("when the source is searched, then no file but the kuaidi100 state map spells a detail code's name", () => {
    const names = subStateNames();
    expect(names['201']).toBe('超时未签收');
    expect(names['2']).toBeUndefined();
    expect(copiesOutside(Object.values(names), [STATE_MAP], { 已揽收: [OWNER] })).toEqual({});
  });

  it('when every state is named, then each has a Chinese name', () => {
    expect(Object.keys(PARCEL_STATE_LABELS)).toEqual([...PARCEL_STATES]);
    for (const [state, name] of Object.entries(PARCEL_STATE_LABELS)) expect(name, state).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it("when a message or a stuck parcel's follow-up names a state, then it is logistics' name", async () => {
    for (const state of PARCEL_STATES) expect(parcelStateText(state), state).toBe(PARCEL_STATE_LABELS[state]);
    const clock = fixedClock('2026-11-23T10:00:00+08:00');
    const followUps = createFollowUps({ store: createMemoryStore(), clock });
    const returning = {
      company: 'yunda',
      waybill: 'R1',
      tid: 'R1',
      state: 'returning' as const,
      subState: null,
      checkedAt: null,
      polledAt: null,
      final: false,
      events: [{ at: '2026-11-23T08:00:00+08:00', description: '', location: '', state: 'returning' as const }],
    };
    await checkStuckParcels({
      parcels: () => [returning],
      orderOf: () => undefined,
      takingStaff: () => null,
      followUps,
      sink: { enqueue: async (_r: MessageRequest) => ({ queued: true }) },
      clock,
      stuckHours: 48,
    });
    expect(followUps.list({ open: true }).map((f) => f.title)).toEqual([
      `韵达快递 R1：包裹${PARCEL_STATE_LABELS.returning}`,
    ]);
  });
});
