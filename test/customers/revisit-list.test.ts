import { describe, expect, it } from 'vitest';
import { createRevisits } from '../../src/customers/revisit-list.js';
import type { Order } from '../../src/orders/order.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';

const order = (tid: string, buyerNick: string, paidAt: string | null, status: Order['status'] = 'TRADE_FINISHED') =>
  ({ tid, buyerNick, paidAt, status }) as Order;

describe('revisit list', () => {
  it('when a day is listed, then buyers who paid 60 days before appear once, and not again within a quarter', async () => {
    const orders = [
      order('1', 'A', '2026-09-24T10:00:00.000+08:00'),
      order('2', 'A', '2026-09-24T18:00:00.000+08:00'),
      order('3', 'B', '2026-09-24T23:30:00.000+08:00'),
      order('4', 'C', '2026-09-23T23:59:00.000+08:00'),
      order('5', 'D', '2026-09-24T12:00:00.000+08:00', 'TRADE_CLOSED'),
      order('6', 'A', '2026-10-24T12:00:00.000+08:00'),
      order('7', 'A', '2026-11-20T12:00:00.000+08:00'),
    ];
    const store = createMemoryStore();
    const revisits = createRevisits({
      store,
      orders: { all: () => orders },
      clock: fixedClock('2026-11-23T09:00:00+08:00'),
      afterDays: 60,
      everyDays: 90,
    });
    const list = await revisits.build('2026-11-23');
    expect(list.entries.map((e) => [e.buyerNick, e.tid, e.purchasedOn])).toEqual([
      ['A', '1', '2026-09-24'],
      ['B', '3', '2026-09-24'],
    ]);
    expect(await revisits.build('2026-11-23')).toEqual(list);
    expect((await revisits.build('2026-12-23')).entries).toEqual([]); // A bought 10-24 but was listed 30 days ago
    expect((await revisits.build('2027-01-19')).entries.map((e) => e.buyerNick)).toEqual([]); // 11-20 purchase, still within the quarter
    const entry = await revisits.recordOutcome('2026-11-23', 'B', '满意，下月再来', 'xiaoli');
    expect(entry).toMatchObject({ outcome: '满意，下月再来', recordedBy: 'xiaoli' });
    await expect(revisits.recordOutcome('2026-11-23', 'Z', 'x', 'xiaoli')).rejects.toMatchObject({
      code: 'revisit_not_found',
    });
  });
});
