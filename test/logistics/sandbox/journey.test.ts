import { describe, expect, it } from 'vitest';
import { journeyAt, LOCKER_OVERDUE_MS, planJourney, STUCK_AFTER_MS } from '../../../src/logistics/sandbox/journey.js';
import { HUBS } from '../../../src/logistics/sandbox/geography.js';
import { DAY, HOUR, MINUTE, shanghaiParts } from '../../../src/shared/time.js';
import { CONSIGNED_AT, parcel } from './fake-parcels.js';

describe('sandbox journey', () => {
  it('when the same parcel is planned twice, then the journey is identical', () => {
    expect(planJourney(parcel('normal'))).toEqual(planJourney(parcel('normal')));
  });

  it('when two waybills are planned, then their journeys differ (the waybill seeds the route)', () => {
    const a = planJourney(parcel('normal', { waybill: 'YT-A' })).traces.map((t) => t.context);
    const b = planJourney(parcel('normal', { waybill: 'YT-B' })).traces.map((t) => t.context);
    expect(a).not.toEqual(b);
  });

  it('when a normal parcel travels, then it is collected at consign time in the sender city, passes 1–3 hubs and is signed', () => {
    for (const waybill of ['YT1', 'YT2', 'YT3', 'YT4', 'YT5', 'YT6']) {
      const { traces } = planJourney(parcel('normal', { waybill }));
      expect(traces[0]).toMatchObject({ at: CONSIGNED_AT, code: '1', location: '杭州市' });
      expect(traces[0]!.context).toMatch(/^【杭州市】圆通速递 快件已揽收/);
      const hubArrivals = traces.filter((t) => /快件已到达 \S+转运中心/.test(t.context));
      expect(hubArrivals.length).toBeGreaterThanOrEqual(1);
      expect(hubArrivals.length).toBeLessThanOrEqual(3);
      for (const h of hubArrivals) expect(HUBS.map((x) => x.city)).toContain(h.location);
      expect(traces.some((t) => /^【杭州市】快件已发往 \S+转运中心$/.test(t.context))).toBe(true);
      expect(traces.map((t) => t.code).slice(-3)).toEqual(['1001', '5', '301']);
      const times = traces.map((t) => t.at);
      expect([...times].sort((x, y) => x - y)).toEqual(times);
      expect(times.at(-1)! - CONSIGNED_AT).toBeLessThan(5 * DAY);
    }
  });

  it('when a parcel is dispatched, then it happens in daytime with a courier name and a masked phone', () => {
    for (const waybill of ['D1', 'D2', 'D3', 'D4', 'D5']) {
      const dispatch = planJourney(parcel('normal', { waybill })).traces.find((t) => t.code === '5')!;
      const hour = shanghaiParts(dispatch.at).hour;
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(20);
      expect(dispatch.context).toMatch(/^【广州市】天河区营业部 派件员 \S{2} ?（1\d{2}\*{4}\d{4}） ?正在为您派件/);
    }
  });

  it('when the clock is before consign time, then nothing is seen; later only scans up to now, newest first', () => {
    const journey = planJourney(parcel('normal'));
    expect(journeyAt(journey, CONSIGNED_AT - 1)).toBeUndefined();
    const now = CONSIGNED_AT + 10 * HOUR;
    const seen = journeyAt(journey, now)!;
    expect(seen.traces.every((t) => t.at <= now)).toBe(true);
    expect(seen.traces.length).toBe(journey.traces.filter((t) => t.at <= now).length);
    expect(seen.traces[0]!.at).toBeGreaterThanOrEqual(seen.traces.at(-1)!.at);
    expect(seen.code).toBe(seen.traces[0]!.code);
  });

  it('when a parcel is stuck, then scans stop and the state turns 202 only 48h after the last scan', () => {
    const journey = planJourney(parcel('stuck'));
    const lastScan = journey.traces.at(-1)!.at;
    expect(journey.traces.some((t) => t.code === '301')).toBe(false);
    expect(journeyAt(journey, lastScan + STUCK_AFTER_MS - MINUTE)!.code).toBe('0');
    expect(journeyAt(journey, lastScan + STUCK_AFTER_MS)!.code).toBe('202');
    expect(journeyAt(journey, lastScan + 10 * DAY)!.traces).toHaveLength(journey.traces.length);
  });

  it('when a parcel goes to a locker, then it is 501 in the locker, 205 once the pick-up deadline passes, then picked up', () => {
    const { traces } = planJourney(parcel('locker'));
    expect(traces.map((t) => t.code).slice(-4)).toEqual(['5', '501', '205', '304']);
    const inLocker = traces.find((t) => t.code === '501')!;
    const overdue = traces.find((t) => t.code === '205')!;
    expect(inLocker.context).toMatch(/已存放至 天河区\S+，请凭取件码及时取件/);
    expect(overdue.at - inLocker.at).toBe(LOCKER_OVERDUE_MS);
    expect(traces.at(-1)!.at).toBeGreaterThan(overdue.at);
  });

  it.each([
    ['refused', ['5', '14']],
    ['returning', ['5', '6', '6', '6', '4']],
    ['misdelivered', ['5', '303', '204']],
  ] as const)('when the fate is %s, then the journey ends with codes %j', (fate, tail) => {
    const codes = planJourney(parcel(fate)).traces.map((t) => t.code);
    expect(codes.slice(-tail.length)).toEqual([...tail]);
  });
});
