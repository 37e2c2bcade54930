/** Why a parcel needs a person: one reason per parcel, from the courier's state first and silence last. */
import { describe, expect, it } from 'vitest';
import { parcelTrouble, shanghaiDaysBetween } from '../../src/operations/definitions/parcel-trouble.js';
import type { Parcel } from '../../src/logistics/parcel-repository.js';
import { parseInstant } from '../../src/shared/time.js';

const NOW = parseInstant('2026-11-23T10:00:00+08:00');
type Shape = Pick<Parcel, 'state' | 'subState' | 'final' | 'events'>;
const parcel = (state: Parcel['state'], lastScan: string | null, over: Partial<Shape> = {}): Shape => ({
  state,
  subState: null,
  final: ['signed', 'returned', 'refused'].includes(state),
  events: lastScan ? [{ at: lastScan, description: '快件已到达【杭州转运中心】', location: '杭州市', state }] : [],
  ...over,
});
const trouble = (p: Shape, shippedAt: string | null = null) => parcelTrouble(p, shippedAt, NOW, 48);

describe('parcel trouble', () => {
  it('when the last scan is 48 hours old, then it is no scan, counted in Shanghai calendar days', () => {
    expect(trouble(parcel('in_transit', '2026-11-21T10:00:00+08:00'))).toEqual({
      trouble: 'no_scan',
      silentDays: 2,
      lastScanAt: '2026-11-21T10:00:00+08:00',
    });
    // 59 hours, but the 20th late at night in Shanghai (still the 20th in UTC too): three days of the shop's calendar.
    expect(trouble(parcel('in_transit', '2026-11-20T23:30:00+08:00'))?.silentDays).toBe(3);
    // 00:30 on the 21st in Shanghai is the 20th in UTC: the host's or UTC's calendar would say 3.
    expect(trouble(parcel('in_transit', '2026-11-21T00:30:00+08:00'))?.silentDays).toBe(2);
    expect(trouble(parcel('in_transit', '2026-11-21T10:00:01+08:00'))).toBeNull();
    expect(trouble(parcel('collected', null), '2026-11-20T09:00:00+08:00')).toMatchObject({ silentDays: 3 });
    expect(trouble(parcel('signed', '2026-11-10T09:00:00+08:00'))).toBeNull();
    // Signed for by someone else and still watched for a 派件异常: not a parcel waiting for a scan.
    expect(trouble(parcel('signed', '2026-11-20T09:00:00+08:00', { subState: '303', final: false }))).toBeNull();
  });

  it('when the courier sends it back, then it is returning, however recent the scan', () => {
    expect(trouble(parcel('returning', '2026-11-23T09:00:00+08:00'))).toEqual({ trouble: 'returning' });
    expect(trouble(parcel('returning', '2026-11-18T09:00:00+08:00'))).toEqual({ trouble: 'returning' });
  });

  it('when the buyer refused it (拒收 203 or 拒签 14, both normalized to refused), then it is refused, final or not', () => {
    expect(trouble(parcel('refused', '2026-11-23T09:00:00+08:00'))).toEqual({ trouble: 'refused' });
    expect(trouble(parcel('refused', '2026-11-23T09:00:00+08:00', { subState: '203' }))).toEqual({
      trouble: 'refused',
    });
  });

  it('when the courier reports 派件异常 (204) or a scan says 误投, then it is misdelivered, not no scan', () => {
    const old = '2026-11-19T09:00:00+08:00';
    expect(trouble(parcel('problem', old, { subState: '204' }))).toEqual({ trouble: 'misdelivered' });
    expect(trouble(parcel('problem', '2026-11-23T09:00:00+08:00', { subState: '204' }))).toEqual({
      trouble: 'misdelivered',
    });
    const wrongDoor = parcel('problem', old, {
      events: [
        { at: old, description: '快件误投至其他小区，网点正在联系收件人', location: '杭州市', state: 'problem' },
      ],
    });
    expect(trouble(wrongDoor)).toEqual({ trouble: 'misdelivered' });
    // Another 疑难 detail (滞留 208) that has gone silent is still a parcel to chase for the silence.
    expect(trouble(parcel('problem', old, { subState: '208' }))).toMatchObject({ trouble: 'no_scan', silentDays: 4 });
  });

  it('when days are counted, then they are whole Shanghai calendar days', () => {
    expect(
      shanghaiDaysBetween(parseInstant('2026-11-22T23:59:00+08:00'), parseInstant('2026-11-23T00:01:00+08:00')),
    ).toBe(1);
    expect(
      shanghaiDaysBetween(parseInstant('2026-11-23T00:01:00+08:00'), parseInstant('2026-11-23T23:59:00+08:00')),
    ).toBe(0);
  });
});
