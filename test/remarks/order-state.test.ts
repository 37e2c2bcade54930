import { describe, expect, it } from 'vitest';
import type { TradeStatus } from '../../src/orders/order.js';
import { memoShowsPrinted, remarkState } from '../../src/remarks/order-state.js';

const order = (status: TradeStatus, sellerMemo = '') => ({ status, sellerMemo });

describe('remarkState', () => {
  it.each(['WAIT_BUYER_PAY', 'TRADE_NO_CREATE_PAY', 'PAY_PENDING', 'TRADE_CLOSED_BY_TAOBAO'] as const)(
    'when the trade is %s, then it is unpaid even with a print mark',
    (status) => {
      expect(remarkState(order(status), true)).toBe('unpaid');
    },
  );

  it('when a paid trade has no print mark and no print remark, then it is paid and not printed', () => {
    expect(remarkState(order('WAIT_SELLER_SEND_GOODS', '小丽/11.23；发圆通快递'), false)).toBe('paid_not_printed');
  });

  it('when the local print mark is set, then it is printed', () => {
    expect(remarkState(order('WAIT_SELLER_SEND_GOODS'), true)).toBe('printed');
  });

  it('when the memo holds a print remark, then it is printed without the local mark', () => {
    expect(remarkState(order('WAIT_SELLER_SEND_GOODS', '小丽；11.23'), false)).toBe('printed');
    expect(remarkState(order('TRADE_FINISHED', '11.23；退款已登记+小丽/11.25'), false)).toBe('printed');
  });
});

describe('memoShowsPrinted', () => {
  it.each([
    ['11.23', 'MM.DD', true],
    ['老客户;11.23', 'MM.DD', true],
    ['小丽/11.23', 'MM.DD', false],
    ['13.45', 'MM.DD', false],
    ['02.30', 'MM.DD', false],
    ['02.29', 'MM.DD', true],
    ['1.5', 'MM.DD', false],
    ['1.5', 'M.D', true],
    ['', 'MM.DD', false],
  ])('when the memo is %j in format %s, then printed is %s', (memo, format, expected) => {
    expect(memoShowsPrinted(memo, format)).toBe(expected);
  });
});
