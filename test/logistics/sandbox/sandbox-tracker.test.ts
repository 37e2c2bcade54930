import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogisticsTracker, ParcelState, TrackingResult } from '../../../src/logistics/logistics-port.js';
import { createKuaidi100SandboxRouter } from '../../../src/logistics/sandbox/kuaidi100-router.js';
import { createSandboxTracker } from '../../../src/logistics/sandbox/sandbox-tracker.js';
import { DAY, HOUR, MINUTE, fixedClock, parseInstant, toInstant } from '../../../src/shared/time.js';
import { CONSIGNED_AT, fakeSource, parcel, RECEIVER_MOBILE } from './fake-parcels.js';
import { createParcelRepository } from '../../../src/logistics/parcel-repository.js';
import { checkStuckParcels } from '../../../src/operations/definitions/stuck-parcels.js';
import { createMemoryStore } from '../../../src/storage/index.js';
import { createFollowUps } from '../../../src/tasks/follow-ups.js';

const fates = ['normal', 'stuck', 'returning', 'refused', 'locker', 'misdelivered'] as const;
const parcels = [
  ...fates.map((f) => parcel(f)),
  parcel('normal', { company: 'shunfeng', waybill: 'SF-NORMAL-1' }),
  parcel('normal', { company: 'zhongtong', waybill: 'ZTO-NORMAL-1' }),
  // Followed from consign time by the refresh-like test alone (the tracker remembers when it last asked per waybill).
  parcel('misdelivered', { waybill: 'YT-MISDELIVERED-0002' }),
];
const clock = fixedClock(CONSIGNED_AT);
let server: Server;
let tracker: LogisticsTracker;

beforeAll(async () => {
  const app = express();
  app.use('/sandbox', createKuaidi100SandboxRouter(fakeSource(parcels), { clock }));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  tracker = createSandboxTracker({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    clock,
    sleep: async () => {},
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * Polls hourly from consign time until the parcel reaches `until` (or `maxDays` pass), keeping each
 * result and the sequence of distinct states seen. Hourly polls also clear the adapter's 30-minute gate.
 */
async function follow(waybill: string, until: ParcelState, maxDays = 8) {
  const seen: { at: number; result: TrackingResult }[] = [];
  for (let t = CONSIGNED_AT; t <= CONSIGNED_AT + maxDays * DAY; t += HOUR) {
    clock.set(t);
    const result = await tracker.track('yuantong', waybill);
    seen.push({ at: t, result });
    if (result.state === until) break;
  }
  const states: ParcelState[] = [];
  for (const { result } of seen) if (states.at(-1) !== result.state) states.push(result.state);
  return { seen, states, last: seen.at(-1)!.result };
}

describe('sandbox courier through the real kuaidi100 adapter', () => {
  it('when the tracker is the sandbox one, then its kind says so', () => {
    expect(tracker.kind).toBe('sandbox');
  });

  it('when a normal parcel is followed, then it goes collected → in_transit → dispatching → signed, events only up to now', async () => {
    const { seen, states, last } = await follow('YT-NORMAL-0001', 'signed');
    expect(states).toEqual(['collected', 'in_transit', 'dispatching', 'signed']);
    expect(seen[0]!.result.events).toHaveLength(1);
    expect(seen[0]!.result.events[0]).toMatchObject({
      at: '2026-11-20T10:00:00.000+08:00',
      state: 'collected',
      location: '杭州市',
    });
    for (const { at, result } of seen) {
      expect(result.events.every((e) => parseInstant(e.at) <= at)).toBe(true);
      expect(result.checkedAt).toBe(toInstant(at));
    }
    expect(last.events[0]).toMatchObject({ state: 'signed', location: '广州市' });
    expect(last.events.some((e) => /快件已发往 \S+转运中心/.test(e.description))).toBe(true);
    const dispatch = last.events.find((e) => e.state === 'dispatching')!;
    expect(dispatch.description).toMatch(/派件员 \S+（1\d{2}\*{4}\d{4}）/);
  });

  it('when a parcel is stuck, then it stays in transit and becomes problem/202 only after 48h without a scan', async () => {
    const { seen, states, last } = await follow('YT-STUCK-0001', 'problem');
    expect(states).toEqual(['collected', 'in_transit', 'problem']);
    expect(last.subState).toBe('202');
    const lastScan = parseInstant(last.events[0]!.at);
    const firstProblem = seen.find((s) => s.result.state === 'problem')!.at;
    expect(firstProblem - lastScan).toBeGreaterThanOrEqual(48 * HOUR);
    expect(firstProblem - lastScan).toBeLessThan(49 * HOUR);
  });

  it('when a parcel is sent back, then it is returning and finally returned', async () => {
    const { states } = await follow('YT-RETURNING-0001', 'returned');
    expect(states).toEqual(['collected', 'in_transit', 'dispatching', 'returning', 'returned']);
  });

  it('when the buyer refuses the parcel, then it ends refused', async () => {
    const { states, last } = await follow('YT-REFUSED-0001', 'refused');
    expect(states).toEqual(['collected', 'in_transit', 'dispatching', 'refused']);
    expect(last.events[0]!.description).toMatch(/拒收/);
  });

  it('when the parcel goes to a locker, then it is dispatching/501 in the locker, problem/205 when left there, then signed', async () => {
    const { seen, states, last } = await follow('YT-LOCKER-0001', 'signed');
    expect(states).toEqual(['collected', 'in_transit', 'dispatching', 'problem', 'signed']);
    expect(seen.some((s) => s.result.state === 'dispatching' && s.result.subState === '501')).toBe(true);
    const overdue = seen.filter((s) => s.result.state === 'problem');
    expect(overdue.length).toBeGreaterThan(1);
    expect(overdue.every((s) => s.result.subState === '205')).toBe(true);
    expect(last.subState).toBe('304');
  });

  it('when the parcel is misdelivered, then it shows signed at a wrong place, then a problem', async () => {
    const { states, last } = await follow('YT-MISDELIVERED-0001', 'problem');
    expect(states).toEqual(['collected', 'in_transit', 'dispatching', 'signed', 'problem']);
    expect(last.subState).toBe('204');
  });

  it('when the misdelivered parcel is polled as the refresh does (until final), then its 派件异常 after the 代签 is seen and the stuck-parcel job opens a misdelivered follow-up', async () => {
    const repo = createParcelRepository(createMemoryStore());
    for (let t = CONSIGNED_AT; t <= CONSIGNED_AT + 8 * DAY; t += HOUR) {
      if (repo.get('yuantong', 'YT-MISDELIVERED-0002')?.final) break;
      clock.set(t);
      await repo.save('T-MIS', await tracker.track('yuantong', 'YT-MISDELIVERED-0002'), toInstant(t));
    }
    expect(repo.get('yuantong', 'YT-MISDELIVERED-0002')).toMatchObject({ state: 'problem', subState: '204' });
    const followUps = createFollowUps({ store: createMemoryStore(), clock });
    const counts = await checkStuckParcels({
      parcels: () => repo.all(),
      orderOf: () => ({ buyerNick: '买家', consignedAt: null }),
      takingStaff: () => null,
      followUps,
      sink: { enqueue: async () => ({ queued: true }) },
      clock,
      stuckHours: 48,
    });
    expect(counts).toMatchObject({ misdelivered: 1, no_scan: 0 });
    expect(followUps.list({ open: true })[0]!.title).toBe('圆通速递 YT-MISDELIVERED-0002：派件异常，可能送错了地方');
  });

  it('when an SF or ZTO parcel is tracked without the right phone, then the sandbox refuses it like kuaidi100 (408); with it, it is tracked', async () => {
    clock.set(CONSIGNED_AT + 2 * DAY + 7 * MINUTE);
    await expect(tracker.track('顺丰速运', 'SF-NORMAL-1')).rejects.toMatchObject({
      code: 'kuaidi100_408',
      retriable: false,
    });
    const ok = await tracker.track('顺丰速运', 'SF-NORMAL-1', RECEIVER_MOBILE);
    expect(ok.company).toBe('shunfeng');
    expect(ok.events.length).toBeGreaterThan(1);
    await expect(tracker.track('中通', 'ZTO-NORMAL-1', '13900000000')).rejects.toMatchObject({ code: 'kuaidi100_408' });
    const zto = await tracker.track('中通', 'ZTO-NORMAL-1', RECEIVER_MOBILE);
    expect(zto.events.length).toBeGreaterThan(1);
  });

  it("when the waybill is not the sandbox shop's, then it resolves as unknown", async () => {
    const result = await tracker.track('yuantong', 'YT-NOBODY');
    expect(result).toMatchObject({ state: 'unknown', events: [] });
  });
});
