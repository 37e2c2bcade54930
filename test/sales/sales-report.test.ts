/** Sales per staff for commission, from the sale.record remarks. */
import { describe, expect, it } from 'vitest';
import { salesReport, type SaleRecordEntry } from '../../src/sales/index.js';
import { DAY } from '../../src/shared/time.js';
import { startHarness } from '../remarks/support/harness.js';

describe('the sales report over HTTP', () => {
  it('when 小丽 and 管理员 record sales on two days, then the report counts orders and paid amounts per staff in the range', async () => {
    const h = await startHarness();
    for (const [user, tid] of [
      ['xiaoli', '2001'],
      ['xiaoli', '2004'],
      ['admin', '2002'],
    ] as const) {
      expect((await h.remark(user, tid, 'sale.record')).body).toMatchObject({ flag: 3, status: 'written' });
    }
    h.clock.advance(DAY);
    await h.remark('xiaoli', '2003', 'sale.record'); // 2003 is unpaid: no sale
    await h.remark('admin', '2001', 'sale.record'); // already 小丽's sale: not counted twice

    const day1 = (await h.as('admin').get('/sales/report?from=2026-11-23&to=2026-11-23')).body;
    expect(day1.staff).toEqual([
      { staff: '小丽', username: 'xiaoli', orders: 2, amountFen: 17850, amountYuan: '178.5', tids: ['2001', '2004'] },
      { staff: '管理员', username: 'admin', orders: 1, amountFen: 12800, amountYuan: '128', tids: ['2002'] },
    ]);
    expect(day1.totals).toEqual({ orders: 3, amountFen: 30650, amountYuan: '306.5' });

    const both = (await h.as('admin').get('/sales/report?from=2026-11-23&to=2026-11-24')).body;
    expect(both.staff[0]).toMatchObject({ staff: '小丽', orders: 2, amountFen: 17850 });
    expect(both.totals.orders).toBe(3);
  });

  it.each([
    ['from=2026-11-24&to=2026-11-23', 'to'],
    ['from=2026-02-30', 'from'],
    ['to=2026-11-23', 'from'],
  ])('when the range is %s, then 400 names %s', async (query, field) => {
    const h = await startHarness();
    const res = await h.as('xiaoli').get(`/sales/report?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });
});

describe('salesReport', () => {
  const entry = (e: Partial<SaleRecordEntry>): SaleRecordEntry => ({
    tid: '1',
    kind: 'sale.record',
    staff: '小丽',
    username: 'xiaoli',
    day: '2026-11-23',
    at: '2026-11-23T10:00:00.000+08:00',
    status: 'written',
    ...e,
  });

  it('when entries are failed, of another kind, outside the range or on an order that is no sale, then they do not count; an unknown order counts with 0 fen', () => {
    const report = salesReport({
      entries: [
        entry({ tid: '1' }),
        entry({ tid: '2', status: 'failed' }),
        entry({ tid: '3', kind: 'copy.ordinary' }),
        entry({ tid: '4', day: '2026-11-25', at: '2026-11-25T10:00:00.000+08:00' }),
        entry({ tid: '5', status: 'pending' }),
        entry({ tid: '6' }),
        entry({ tid: '7' }),
      ],
      paymentOf: (tid) =>
        (({ '1': 1999_90, '5': 5, '2': 100, '3': 100, '4': 100, '7': null }) as Record<string, number | null>)[tid],
      from: '2026-11-23',
      to: '2026-11-24',
    });
    expect(report.staff).toEqual([
      { staff: '小丽', username: 'xiaoli', orders: 3, amountFen: 199995, amountYuan: '1999.95', tids: ['1', '5', '6'] },
    ]);
    expect(report.missingOrders).toEqual(['6']);
  });
});
