import { describe, expect, it } from 'vitest';
import { checkStuckParcels } from '../../src/operations/definitions/stuck-parcels.js';
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
  events: lastScan ? [{ at: lastScan, description: '', location: '杭州市', state }] : [],
});

describe('stuck parcels', () => {
  it('when parcels are in trouble for each reason, then each title names the courier in Chinese and the reason, and the buyer gets the notice for that reason', async () => {
    const clock = fixedClock(NOW);
    const followUps = createFollowUps({ store: createMemoryStore(), clock });
    const sent: MessageRequest[] = [];
    const wrongDoor = { ...parcel('M1', 'problem', '2026-11-23T08:00:00+08:00'), company: 'yunda', subState: '204' };
    const parcels = [
      { ...parcel('S1', 'in_transit', '2026-11-20T18:00:00+08:00'), company: 'zhongtong' },
      { ...parcel('R1', 'returning', '2026-11-23T08:00:00+08:00'), company: 'shunfeng' },
      { ...parcel('F1', 'refused', '2026-11-23T08:00:00+08:00'), company: 'jtexpress' },
      wrongDoor,
    ];
    const counts = await checkStuckParcels({
      parcels: () => parcels,
      orderOf: (tid: string) => ({ buyerNick: `buyer-${tid}`, consignedAt: null }),
      takingStaff: () => null,
      followUps,
      sink: {
        enqueue: async (r: MessageRequest) => {
          sent.push(r);
          return { queued: true };
        },
      },
      clock,
      stuckHours: 48,
    });
    expect(counts).toMatchObject({ no_scan: 1, returning: 1, refused: 1, misdelivered: 1, notices: 4 });
    const open = followUps.list({ open: true });
    expect(open.map((f) => [f.tid, f.title])).toEqual([
      ['S1', '中通快递 S1：3天无物流更新'],
      ['R1', '顺丰速运 R1：包裹退回中'],
      ['F1', '极兔速递 F1：买家拒收'],
      ['M1', '韵达快递 M1：派件异常，可能送错了地方'],
    ]);
    expect(open[0]!.detail).toBe('最后一条物流：11月20日 18:00，杭州市。联系快递查件、催派送，有进展告诉买家');
    expect(open[3]!.detail).toContain('顺丰');
    // A parcel never scanned counts from the consign time, and its next step says it was never scanned.
    const unscanned = await checkStuckParcels({
      parcels: () => [parcel('N1', 'collected', null)],
      orderOf: () => ({ buyerNick: 'b', consignedAt: '2026-11-20T16:30:00+08:00' }),
      takingStaff: () => null,
      followUps,
      sink: { enqueue: async () => ({ queued: true }) },
      clock,
      stuckHours: 48,
    });
    expect(unscanned).toMatchObject({ no_scan: 1 });
    expect(followUps.list({ open: true }).find((f) => f.tid === 'N1')).toMatchObject({
      title: '圆通速递 N1：3天无物流更新',
      detail: '11月20日 16:30发货后还没有物流记录。联系快递查件、催派送，有进展告诉买家',
    });
    expect(sent.map((m) => [m.tid, m.kind, m.reason])).toEqual([
      ['S1', 'logistics-stuck', '3天无物流更新'],
      ['R1', 'logistics-returning', '包裹退回中'],
      ['F1', 'logistics-refused', '买家拒收'],
      ['M1', 'logistics-misdelivered', '派件异常，可能送错了地方'],
    ]);
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
      misdelivered: 0,
      notices: 2,
      noticesRefused: 0,
      noticesNeedValues: 0,
    });
    expect(followUps.list({ open: true }).map((f) => [f.tid, f.owner])).toEqual([
      ['S1', 'xiaoli'],
      ['R1', null],
    ]);
    expect(sent.map((m) => [m.kind, m.tid])).toEqual([
      ['logistics-stuck', 'S1'],
      ['logistics-returning', 'R1'],
    ]);
    clock.advance(6 * HOUR);
    expect(await checkStuckParcels(deps)).toMatchObject({ no_scan: 0, returning: 0, notices: 0 });
  });
});
