/**
 * When the tracker stops asking about a parcel: a 代签 (303) signing is watched two more days, since the sandbox and
 * real couriers file 派件异常 (204) after it when the parcel went to the wrong door; other end states are final at once.
 */
import { describe, expect, it } from 'vitest';
import { isFinalParcel } from '../../src/logistics/parcel-repository.js';
import type { TrackingResult } from '../../src/logistics/index.js';

const signed = (subState: string | null, at: string): Pick<TrackingResult, 'state' | 'subState' | 'events'> => ({
  state: 'signed',
  subState,
  events: [{ at, description: '您的快件已签收', location: '杭州市', state: 'signed' }],
});

describe('final parcels', () => {
  it('when a parcel is signed by the buyer, returned or refused, then it is final at once', () => {
    expect(isFinalParcel(signed('301', '2026-11-23T10:00:00+08:00'), '2026-11-23T10:30:00+08:00')).toBe(true);
    expect(isFinalParcel({ state: 'refused', subState: null, events: [] }, '2026-11-23T10:30:00+08:00')).toBe(true);
    expect(isFinalParcel({ state: 'in_transit', subState: null, events: [] }, '2026-11-23T10:30:00+08:00')).toBe(false);
  });

  it('when someone else signed for it (代签 303), then it is watched for two days, so a later 派件异常 is seen', () => {
    const proxy = signed('303', '2026-11-23T10:00:00+08:00');
    expect(isFinalParcel(proxy, '2026-11-24T16:00:00+08:00')).toBe(false);
    expect(isFinalParcel(proxy, '2026-11-25T10:00:00+08:00')).toBe(true);
  });
});
