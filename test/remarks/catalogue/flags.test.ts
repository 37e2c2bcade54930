import { describe, expect, it } from 'vitest';
import { flagLabel, mergeFlag, renderRemark } from '../../../src/remarks/catalogue/index.js';
import { AT } from './golden-cases.js';

describe('mergeFlag', () => {
  it.each([
    [0, 3, 3],
    [0, 2, 2],
    [0, 1, 1],
    [3, 2, 2],
    [3, 1, 1],
    [2, 1, 1],
    [1, 2, 1],
    [1, 3, 1],
    [2, 3, 2],
    [1, 1, 1],
    [3, 3, 3],
    [0, null, 0],
    [1, null, 1],
    [3, 0, 3],
    [4, 1, 4],
    [5, 3, 5],
    [5, 1, 5],
    [7, 1, 7],
    [10, 2, 10],
  ])('when the order has flag %i and a remark wants %s, then the flag written is %i', (current, wanted, expected) => {
    expect(mergeFlag(current, wanted)).toBe(expected);
  });

  it('when a remark asks for blue or an unknown flag, then it is a programming error', () => {
    expect(() => mergeFlag(0, 4)).toThrow(RangeError);
    expect(() => mergeFlag(-1, 1)).toThrow(RangeError);
  });

  it('when a green sale record is added to a red refund order, then the order stays red', () => {
    const refund = renderRemark({
      kind: 'refund.in_trade',
      fields: { sku: 'A1', type: 'postage', amount: '5' },
      state: 'printed',
      staff: '小丽',
      at: AT,
    });
    const sale = renderRemark({ kind: 'sale.record', fields: {}, state: 'printed', staff: '小丽', at: AT });
    expect(mergeFlag(mergeFlag(0, refund.flag), sale.flag)).toBe(1);
    expect(mergeFlag(mergeFlag(0, sale.flag), refund.flag)).toBe(1);
  });

  it('when labels are configured, then they replace the defaults', () => {
    expect(flagLabel(1)).toBe('红旗');
    expect(flagLabel(5, { 5: '粉' })).toBe('粉');
    expect(flagLabel(8)).toBe('8号旗');
  });
});
