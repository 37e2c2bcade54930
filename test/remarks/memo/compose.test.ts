import { describe, expect, it } from 'vitest';
import { renderRemark } from '../../../src/remarks/catalogue/index.js';
import { appendEntry, checkMemoLimit, memoBytes, planAppend } from '../../../src/remarks/memo/index.js';

describe('appendEntry', () => {
  it('when the memo is empty, then the entry becomes the memo', () => {
    expect(appendEntry('', '小丽')).toEqual({ memo: '小丽', alreadyPresent: false });
    expect(appendEntry('  ', '小丽')).toEqual({ memo: '小丽', alreadyPresent: false });
  });

  it('when the memo holds hand-written text, then the entry follows a full-width semicolon and the text is kept as typed', () => {
    expect(appendEntry('老客户 , 送小礼物!', '退款已登记+小丽/11.23').memo).toBe(
      '老客户 , 送小礼物!；退款已登记+小丽/11.23',
    );
  });

  it('when the memo already ends with a separator, then no second separator is added', () => {
    expect(appendEntry('老客户；', '小丽').memo).toBe('老客户；小丽');
    expect(appendEntry('老客户;', '小丽').memo).toBe('老客户;小丽');
  });

  it('when the same entry is already in the memo, then nothing changes', () => {
    const memo = '老客户;退款已登记+小丽/11.23；发圆通快递';
    expect(appendEntry(memo, '退款已登记+小丽/11.23')).toEqual({ memo, alreadyPresent: true });
  });

  it('when the entry only appears inside a longer entry, then it is appended', () => {
    expect(appendEntry('小丽/11.23', '小丽')).toEqual({ memo: '小丽/11.23；小丽', alreadyPresent: false });
  });

  it('when the same remark is written twice the same day, then the second is a no-op; the next day it is appended', () => {
    const render = (iso: string) =>
      renderRemark({
        kind: 'oos.notify',
        fields: { via: '电话' },
        state: 'paid_not_printed',
        staff: '小丽',
        at: Date.parse(iso),
      }).text;
    const first = appendEntry('老客户', render('2026-11-23T10:00:00+08:00'));
    const again = appendEntry(first.memo, render('2026-11-23T23:30:00+08:00'));
    expect(again).toEqual({ memo: first.memo, alreadyPresent: true });
    const nextDay = appendEntry(first.memo, render('2026-11-24T00:30:00+08:00'));
    expect(nextDay.alreadyPresent).toBe(false);
    expect(nextDay.memo).toBe(
      '老客户；此款无货+不要打单,已电话通知买家申请退款+小丽/11.23；此款无货+不要打单,已电话通知买家申请退款+小丽/11.24',
    );
  });

  it('when another staff writes the same kind, then it is a different entry', () => {
    const memo = '此款无货+已旺旺通知买家+小丽/11.23';
    expect(appendEntry(memo, '此款无货+已旺旺通知买家+小周/11.23').alreadyPresent).toBe(false);
  });
});

describe('memo byte limit', () => {
  it('when counting bytes, then a Chinese character is 3 and ASCII is 1', () => {
    expect(memoBytes('小')).toBe(3);
    expect(memoBytes('a')).toBe(1);
    expect(memoBytes('；')).toBe(3);
    expect(memoBytes('扣除好评获奖金额5元+小丽/11.23')).toBe(8 * 3 + 1 + 3 + 1 + 6 + 1 + 5);
  });

  it('when the memo is exactly 1000 bytes, then it fits', () => {
    expect(checkMemoLimit('小'.repeat(333) + 'a')).toEqual({ ok: true, bytes: 1000, limit: 1000 });
  });

  it('when the memo is 1001 bytes, then it is refused with a Chinese message and the figures', () => {
    const check = checkMemoLimit('小'.repeat(333) + 'ab');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.bytes).toBe(1001);
    expect(check.code).toBe('memo_too_long');
    expect(check.message).toContain('1001字节');
    expect(check.limit).toBe(1000);
    expect(check.message).toContain('超过平台1000字节上限');
    expect(check.message).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('when Chinese characters push the memo over, then 334 characters (1002 bytes) are refused', () => {
    expect(checkMemoLimit('小'.repeat(334)).ok).toBe(false);
  });
});

describe('planAppend', () => {
  it('when the entry fits, then the new memo is returned to write', () => {
    expect(planAppend('老客户', '小丽')).toEqual({ status: 'append', memo: '老客户；小丽', bytes: 9 + 3 + 6 });
  });

  it('when the entry would overflow, then the memo is left as it was and nothing is truncated', () => {
    const current = 'a'.repeat(995);
    const plan = planAppend(current, '小丽');
    expect(plan.status).toBe('too_long');
    expect(plan.memo).toBe(current);
    expect(plan.bytes).toBe(995 + 3 + 6);
  });

  it('when the combined memo is exactly at the limit, then it is written', () => {
    const plan = planAppend('a'.repeat(991), '小丽');
    expect(plan).toMatchObject({ status: 'append', bytes: 1000 });
  });

  it('when the entry is already there, then there is nothing to write even if the memo is over the limit', () => {
    const current = `${'a'.repeat(1200)}；小丽`;
    expect(planAppend(current, '小丽').status).toBe('already_present');
  });
});
