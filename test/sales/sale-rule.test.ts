/** The shop's rules for what is a sale and whose: pure, per case. */
import { describe, expect, it } from 'vitest';
import { memoSaleName, saleAmount } from '../../src/sales/index.js';

const known = (names: string[]) => (n: string) => names.includes(n);

describe('memoSaleName', () => {
  it.each([
    ['小林', 3, [], '小林'],
    ['小林；发圆通快递；库存未确认,确认后再发货', 3, [], '小林'],
    ['蕾/11.23', 3, [], '蕾'],
    ['扣除好评获奖金额5元+小丽/11.23；婷婷', 3, [], '婷婷'],
    ['加急；小丽', 3, ['小丽'], '小丽'],
    ['小丽；退一件', 1, ['小丽'], '小丽'],
    ['小林', 1, [], null],
    ['小丽/11.23', 0, ['小丽'], null],
    ['加急！今天必须发', 3, [], null],
    ['扣除好评获奖金额5元+小丽/11.23', 3, ['小丽'], null],
  ] as const)('memo %j with flag %i (known %j) → %j', (memo, flag, names, expected) => {
    expect(memoSaleName(memo, flag, known([...names]))).toBe(expected);
  });
});

describe('saleAmount', () => {
  const base = { paidAt: '2026-11-22T09:05:00.000+08:00', payment: 10000, items: [] };
  const line = (payment: number, refundStatus: string) => ({ payment, refundStatus }) as never;
  it('counts a paid order at its payment less refunded lines; unpaid, closed and fully refunded orders do not count', () => {
    expect(saleAmount({ ...base, status: 'WAIT_SELLER_SEND_GOODS' })).toEqual({ counts: true, amountFen: 10000 });
    expect(
      saleAmount({ ...base, status: 'TRADE_FINISHED', items: [line(6000, 'NO_REFUND'), line(4000, 'SUCCESS')] }),
    ).toEqual({ counts: true, amountFen: 6000 });
    expect(saleAmount({ ...base, status: 'WAIT_BUYER_PAY', paidAt: null })).toEqual({
      counts: false,
      reason: 'unpaid',
    });
    expect(saleAmount({ ...base, status: 'TRADE_CLOSED' })).toEqual({ counts: false, reason: 'closed' });
    expect(saleAmount({ ...base, status: 'TRADE_FINISHED', items: [line(10000, 'SUCCESS')] })).toEqual({
      counts: false,
      reason: 'refunded',
    });
    // A refund asked for but not yet paid back is still a sale.
    expect(saleAmount({ ...base, status: 'TRADE_FINISHED', items: [line(10000, 'WAIT_SELLER_AGREE')] })).toEqual({
      counts: true,
      amountFen: 10000,
    });
  });
});
