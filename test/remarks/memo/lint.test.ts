import { describe, expect, it } from 'vitest';
import { lintMemo } from '../../../src/remarks/memo/index.js';
import { GOLDEN, STAFF_NAMES } from '../catalogue/golden-cases.js';

const codes = (memo: string, opts = {}) => lintMemo(memo, opts).map((f) => [f.entryIndex, f.code]);

describe('lintMemo', () => {
  it('when the memo holds every catalogue form, then there are no findings', () => {
    const memo = GOLDEN.map((c) => c.text).join('；');
    expect(lintMemo(memo, { staffNames: STAFF_NAMES })).toEqual([]);
  });

  it('when an entry is hand-written without a suffix, then it is an unknown form without suffix', () => {
    expect(codes('老客户送小礼物')).toEqual([
      [0, 'unknown_form'],
      [0, 'missing_suffix'],
    ]);
  });

  it('when an amount is written without 元, then it is reported', () => {
    expect(codes('扣除邮费10+小丽/11.23')).toEqual([
      [0, 'unknown_form'],
      [0, 'amount_without_yuan'],
    ]);
    expect(codes('A1023+可申请邮费8.5+小丽/11.23')).toEqual([
      [0, 'unknown_form'],
      [0, 'amount_without_yuan'],
    ]);
    expect(codes('扣除邮费10元给买家+小丽/11.23')).toEqual([[0, 'unknown_form']]);
  });

  it('when a suffix date is not a real day, then bad_date is reported for hand-written and catalogue entries', () => {
    expect(codes('改了颜色+小丽/13.45')).toEqual([
      [0, 'unknown_form'],
      [0, 'bad_date'],
    ]);
    expect(codes('改了颜色+小丽/昨天')).toEqual([
      [0, 'unknown_form'],
      [0, 'bad_date'],
    ]);
    expect(codes('扣除好评获奖金额5元+小丽/13.45')).toEqual([[0, 'bad_date']]);
  });

  it('when entries are separated by a half-width semicolon, then the entry after it is reported', () => {
    expect(codes('退款已登记+小丽/11.23;余额已登记+小丽/11.23')).toEqual([[1, 'ascii_separator']]);
  });

  it('when the staff list is known, then a suffix by someone else is reported', () => {
    expect(codes('退款已登记+小李/11.23', { staffNames: STAFF_NAMES })).toEqual([[0, 'unknown_staff']]);
  });

  it('when findings are reported, then each message says what is wrong and the memo text is untouched', () => {
    const memo = '扣除邮费10+小丽/11.23';
    const findings = lintMemo(memo);
    expect(findings[1]!.code).toBe('amount_without_yuan');
    expect(findings[1]!.message).toContain('邮费10');
    expect(memo).toBe('扣除邮费10+小丽/11.23');
  });
});
