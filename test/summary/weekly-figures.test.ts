/** Each of the weekly summary's figures on its own: what counts in the week, and what is left out. */
import { describe, expect, it } from 'vitest';
import { complaintCauses } from '../../src/summary/complaint-causes.js';
import { carriedFigures, messageFigures, remarkFigures } from '../../src/summary/activity-figures.js';
import {
  afterSalesFigures,
  complaintFigures,
  reviewFigures,
  transferFigures,
  type ComplaintFacts,
} from '../../src/summary/weekly-figures.js';

const WEEK = { from: '2026-11-23T00:00:00.000+08:00', to: '2026-11-30T00:00:00.000+08:00' };
const at = (day: number, time = '10:00') => `2026-11-${String(day).padStart(2, '0')}T${time}:00.000+08:00`;

function complaint(over: Partial<ComplaintFacts> = {}): ComplaintFacts {
  return {
    category: 'quality',
    openedAt: at(23),
    respondBy: at(24),
    verifyBy: at(26, '23:59'),
    response: null,
    verification: null,
    outcome: null,
    satisfaction: null,
    ...over,
  };
}

describe('complaints of the week', () => {
  it('when complaints are answered and verified in time, late or not yet, then each is counted once, and only those opened in the week', () => {
    const f = complaintFigures(
      [
        complaint({ response: { at: at(23, '18:00') }, verification: { at: at(25) } }),
        complaint({ response: { at: at(24, '10:00:01') }, verification: { at: at(27) } }),
        complaint({ response: { at: at(24) } }), // exactly at the deadline: in time
        complaint(),
        complaint({ openedAt: at(30), response: { at: at(30) } }), // next week's
        complaint({ openedAt: at(16), satisfaction: { at: at(25), level: 'unsatisfied' } }),
      ],
      WEEK,
    );
    expect(f).toEqual({
      opened: 4,
      answeredInTime: 2,
      answeredLate: 1,
      unanswered: 1,
      verifiedInTime: 1,
      verifiedLate: 1,
      unverified: 2,
      satisfaction: { satisfied: 0, neutral: 0, unsatisfied: 1 },
    });
  });

  it('when the month is analysed by cause, then every category is listed, most first, with shares, late ones and satisfaction', () => {
    const month = { from: '2026-11-01T00:00:00.000+08:00', to: '2026-12-01T00:00:00.000+08:00' };
    const a = complaintCauses(
      [
        complaint({ category: 'logistics', response: { at: at(23, '12:00') } }),
        complaint({ category: 'logistics', satisfaction: { at: at(28), level: 'satisfied' } }),
        complaint({ category: 'quality', response: { at: at(23) }, verification: { at: at(24) } }),
        complaint({ category: 'quality', openedAt: '2026-10-31T23:59:59.000+08:00' }),
      ],
      month,
      ['quality', 'wrong_item', 'logistics'],
      at(25),
    );
    expect(a.total).toBe(3);
    expect(a.causes.map((l) => [l.category, l.count, l.sharePct])).toEqual([
      ['logistics', 2, 66.7],
      ['quality', 1, 33.3],
      ['wrong_item', 0, 0],
    ]);
    // The unanswered one is past its deadline; the answered one is not yet past verification (26th).
    expect(a.causes[0]).toMatchObject({ answeredInTime: 1, late: 1, satisfied: 1 });
    expect(a.causes[1]).toMatchObject({ answeredInTime: 1, verifiedInTime: 1, late: 0 });
  });
});

describe('after-sales, reviews and transfers of the week', () => {
  it('when refunds are registered and paid, then the week counts them in fen by reason, and outcomes told', () => {
    const refund = (reason: string, amountFen: number, createdAt: string, paidAt: string | null = null) => ({
      reason,
      amountFen,
      createdAt,
      paidAt,
    });
    const f = afterSalesFigures(
      [complaint({ outcome: { at: at(26) } }), complaint({ outcome: { at: at(20) } })],
      [
        refund('邮费', 1000, at(23)),
        refund('折扣', 850, at(24), at(25)),
        refund('邮费', 1200, at(29)),
        refund('邮费', 500, at(20), at(23)),
      ],
      WEEK,
    );
    expect(f).toEqual({
      outcomesTold: 1,
      refunds: {
        count: 3,
        amountFen: 3050,
        byReason: [
          { reason: '邮费', count: 2, amountFen: 2200 },
          { reason: '折扣', count: 1, amountFen: 850 },
        ],
      },
      refundsPaid: { count: 2, amountFen: 1350 },
    });
  });

  it('when reviews are received, worked and changed, and transfers confirmed and chased, then each line counts its own week', () => {
    const review = (result: 'good' | 'neutral' | 'bad', createdAt: string, handledAt: string | null) => ({
      review: { result, createdAt },
      seenAt: createdAt,
      handledAt,
    });
    const follow = (kind: string, openedAt: string, closedAt: string | null) => ({ kind, openedAt, closedAt });
    const followUps = [
      follow('review_phone', at(23), at(24)),
      follow('review_phone', at(23), null),
      follow('transfer_chase', at(24), at(26)),
      follow('transfer_chase', at(18), at(23)),
      follow('stuck_parcel', at(23), at(23)),
    ];
    expect(
      reviewFigures(
        [review('bad', at(23), at(23)), review('neutral', at(24), null), review('good', at(18), at(25))],
        followUps,
        WEEK,
      ),
    ).toEqual({ received: { neutral: 1, bad: 1 }, worked: 2, callsDone: 1, changed: 1 });
    expect(
      transferFigures(
        [
          { amountDueFen: 19900, paidAt: at(24) },
          { amountDueFen: 5000, paidAt: null },
          { amountDueFen: 700, paidAt: at(30) },
        ],
        followUps,
        WEEK,
      ),
    ).toEqual({ confirmed: 1, confirmedFen: 19900, chased: 1, chasesClosed: 2 });
  });
});

describe('remarks, messages and open items of the week', () => {
  it('when remarks are written, then they are counted per writer and kind, most first, with the kinds’ names', () => {
    const e = (staff: string, kind: string, day: number) => ({ staff, kind, at: at(day) });
    const f = remarkFigures(
      [
        e('小丽', 'oos.notify', 23),
        e('小丽', 'sale.record', 24),
        e('小丽', 'sale.record', 25),
        e('阿张', 'oos.notify', 26),
        e('阿张', 'sale.record', 30),
      ],
      WEEK,
      (k) => ({ 'oos.notify': '拍下后无货', 'sale.record': '销售记录' })[k] ?? k,
    );
    expect(f.total).toBe(4);
    expect(f.byStaff).toEqual([
      {
        staff: '小丽',
        total: 3,
        kinds: [
          { kind: 'sale.record', title: '销售记录', count: 2 },
          { kind: 'oos.notify', title: '拍下后无货', count: 1 },
        ],
      },
      { staff: '阿张', total: 1, kinds: [{ kind: 'oos.notify', title: '拍下后无货', count: 1 }] },
    ]);
    expect(f.byKind.map((k) => [k.title, k.count])).toEqual([
      ['拍下后无货', 2],
      ['销售记录', 2],
    ]);
  });

  it('when messages are tried several times, then each is counted once per line, staff notices and other weeks left out', () => {
    const a = (messageId: string, outcome: string, day: number, kind = 'birthday', error?: string) => ({
      messageId,
      kind,
      outcome,
      at: at(day),
      ...(error ? { error } : {}),
    });
    const f = messageFigures(
      [
        a('m1', 'deferred', 23),
        a('m1', 'deferred', 23),
        a('m1', 'sent', 24),
        a('m2', 'capped', 23),
        a('m2', 'dropped', 24),
        a('m3', 'cancelled', 24, 'payment-reminder-first', 'already_paid'),
        a('m4', 'cancelled', 25, 'payment-reminder-first', 'opted_out'),
        a('m5', 'cancelled', 25, 'payment-reminder-first', 'already_paid'),
        a('m6', 'failed', 26),
        a('m7', 'outbox', 26),
        a('n1', 'sent', 26, 'staff-notice'),
        a('m8', 'sent', 30),
        a('m9', 'retry', 26),
      ],
      WEEK,
    );
    expect(f).toEqual({
      sent: 2,
      deferred: 2,
      refused: 3,
      refusedReasons: [
        { reason: 'already_paid', count: 2 },
        { reason: 'opted_out', count: 1 },
      ],
      failed: 1,
      dropped: 1,
    });
  });

  it('when the week ended with a handover, then its open items are carried, by kind with the late ones; without one, nothing', () => {
    const items = [
      { kind: 'complaint', late: true },
      { kind: 'task', late: false },
      { kind: 'complaint', late: false },
    ];
    expect(carriedFigures({ date: '2026-11-29', shift: 'night', items })).toEqual({
      from: { date: '2026-11-29', shift: 'night' },
      total: 3,
      late: 1,
      byKind: [
        { kind: 'complaint', count: 2 },
        { kind: 'task', count: 1 },
      ],
    });
    expect(carriedFigures(null)).toEqual({ from: null, total: 0, late: 0, byKind: [] });
  });
});
