import { describe, expect, it } from 'vitest';
import { encode } from '../../fixtures/statements/statement-fixtures.js';
import { orderBody, startTransfers, XIAOLI, XIAOZHOU } from './support/transfer-harness.js';

// An ICBC export prints no time and no serial: a row's identity rests on its date, amount, payer, account and note.
const HEADER = '交易日期,摘要,交易详情,记账金额(收入),记账金额(支出),余额,对方户名,对方账户';
const OTHER = '2026-11-23,他行汇入,货款,100.00,,10100.00,周八,6217000000001111';
const PAYMENT = '2026-11-23,他行汇入,货款,288.00,,10388.00,张三丰,6217000000009999';
const whole = encode([HEADER, OTHER, PAYMENT, ''].join('\r\n'), 'gbk');
// The same download cut off inside the payment's account number, as a dropped connection leaves it.
const cut = encode([HEADER, OTHER, PAYMENT.slice(0, PAYMENT.indexOf('6217000') + 7)].join('\r\n'), 'gbk');

describe('one bank payment never pays two orders', () => {
  it('when a cut-off statement and then the complete one are imported around a second order of the same buyer and amount, then the payment is stored once and pays at most one order', async () => {
    const h = await startTransfers();
    const a = await h.service.create(orderBody({ buyerNick: 'zsf', buyerName: '张三丰', amountDueFen: 28800 }), XIAOLI);

    const first = await h.service.importStatement(cut, 'icbc-cut.csv', { user: XIAOZHOU });
    expect(first.heldBack).toMatchObject({ line: 3 });
    expect(first.imported).toBe(1);
    expect(h.service.get(a.id).transfer.state).not.toBe('paid');

    const b = await h.service.create(orderBody({ buyerNick: 'zsf', buyerName: '张三丰', amountDueFen: 28800 }), XIAOLI);
    const second = await h.service.importStatement(whole, 'icbc.csv', { user: XIAOZHOU });
    expect([second.imported, second.duplicates, second.heldBack]).toEqual([1, 1, null]);
    const third = await h.service.importStatement(cut, 'icbc-cut.csv', { user: XIAOZHOU });
    const fourth = await h.service.importStatement(whole, 'icbc.csv', { user: XIAOZHOU });
    expect([third.imported, fourth.imported]).toEqual([0, 0]);

    const paid = [a, b].filter((t) => h.service.get(t.id).transfer.state === 'paid');
    expect(paid.length).toBeLessThanOrEqual(1);
    const stored = h.store.all('transfer-statement-rows') as { row: { amountFen: number } }[];
    expect(stored.filter((s) => s.row.amountFen === 28800)).toHaveLength(1);
  });

  it('when the cut-off statement is imported after the complete one, then nothing new is stored', async () => {
    const h = await startTransfers();
    const a = await h.service.create(orderBody({ buyerNick: 'zsf', buyerName: '张三丰', amountDueFen: 28800 }), XIAOLI);
    const complete = await h.service.importStatement(whole, 'icbc.csv', { user: XIAOZHOU });
    expect(complete.matched.map((m) => m.transfers)).toEqual([[a.id]]);
    const again = await h.service.importStatement(cut, 'icbc-cut.csv', { user: XIAOZHOU });
    expect([again.imported, again.duplicates, again.matched.length]).toEqual([0, 1, 0]);
    expect(h.store.all('transfer-statement-rows')).toHaveLength(2);
  });
});
