import { describe, expect, it } from 'vitest';
import { checkStuckParcels, parcelTrouble } from '../../src/operations/definitions/stuck-parcels.js';
import { createFollowUps } from '../../src/tasks/follow-ups.js';
import type { MessageRequest } from '../../src/messaging/message-sink.js';
import type { Parcel } from '../../src/logistics/parcel-repository.js';
import { fixedClock, HOUR, parseInstant } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';

const NOW = parseInstant('2026-11-23T10:00:00+08:00');
const parcel = (waybill: string, state: Parcel['state'], lastScan: string | null, tid = waybill): Parcel => ({
  company: 'yuantong',
  waybill,
  tid,
  state,
  subState: null,
  checkedAt: null,
  polledAt: null,
  final: ['signed', 'returned', 'refused'].includes(state),
  events: lastScan ? [{ at: lastScan, description: '', location: '', state }] : [],
});

describe('stuck parcels', () => {
  it('when the last scan is 48 hours old, or the parcel returns or is refused, then it is in trouble', () => {
    expect(parcelTrouble(parcel('a', 'in_transit', '2026-11-21T10:00:00+08:00'), null, NOW, 48)).toBe('no_scan');
    expect(parcelTrouble(parcel('a', 'in_transit', '2026-11-21T10:00:01+08:00'), null, NOW, 48)).toBeNull();
    expect(parcelTrouble(parcel('a', 'collected', null), '2026-11-20T09:00:00+08:00', NOW, 48)).toBe('no_scan');
    expect(parcelTrouble(parcel('a', 'returning', '2026-11-23T09:00:00+08:00'), null, NOW, 48)).toBe('returning');
    expect(parcelTrouble(parcel('a', 'refused', '2026-11-23T09:00:00+08:00'), null, NOW, 48)).toBe('refused');
    expect(parcelTrouble(parcel('a', 'signed', '2026-11-10T09:00:00+08:00'), null, NOW, 48)).toBeNull();
  });

  it('when the job runs twice, then each troubled parcel gets one follow-up for the taking staff and one notice', async () => {
    const store = createMemoryStore();
    const clock = fixedClock(NOW);
    const followUps = createFollowUps({ store, clock });
    const sent: MessageRequest[] = [];
    const parcels = [
      parcel('S1', 'in_transit', '2026-11-20T10:00:00+08:00'),
      parcel('R1', 'returning', '2026-11-23T08:00:00+08:00'),
      parcel('OK', 'in_transit', '2026-11-23T08:00:00+08:00'),
    ];
    const deps = {
      parcels: () => parcels,
      orderOf: (tid: string) => ({ buyerNick: `buyer-${tid}`, consignedAt: null }),
      takingStaff: (tid: string) => (tid === 'S1' ? { username: 'xiaoli', name: '小丽' } : null),
      followUps,
      sink: {
        enqueue: async (r: MessageRequest) => {
          sent.push(r);
          return { queued: true };
        },
      },
      clock,
      stuckHours: 48,
    };
    expect(await checkStuckParcels(deps)).toEqual({
      no_scan: 1,
      returning: 1,
      refused: 0,
      notices: 2,
      noticesRefused: 0,
    });
    expect(followUps.list({ open: true }).map((f) => [f.tid, f.owner])).toEqual([
      ['S1', 'xiaoli'],
      ['R1', null],
    ]);
    expect(sent.map((m) => [m.kind, m.tid])).toEqual([
      ['logistics-stuck', 'S1'],
      ['logistics-stuck', 'R1'],
    ]);
    clock.advance(6 * HOUR);
    expect(await checkStuckParcels(deps)).toMatchObject({ no_scan: 0, returning: 0, notices: 0 });
  });
});
