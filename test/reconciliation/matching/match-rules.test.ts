import { describe, expect, it } from 'vitest';
import { matchCredits } from '../../../src/reconciliation/matching/index.js';
import { claim, credit, transfer } from './match-fixtures.js';

describe('matchCredits: the rules that may confirm', () => {
  it("when the note carries an order's reference and the amount is due, then it matches by reference", () => {
    const t = transfer('T1', 28800, { reference: 'K7M2QX' });
    const row = credit(28800, {
      counterpartyName: '支付宝（中国）网络技术有限公司',
      note: '他行汇入 | 货款ｋ７ｍ２ｑｘ',
    });
    const result = matchCredits([row], [t, transfer('T2', 28800)], []);
    expect(result.matched).toEqual([
      { row, transferIds: ['T1'], rule: 'reference', reason: expect.stringContaining('K7M2QX') },
    ]);
    expect(result.queued).toEqual([]);
  });

  it('when the reference is glued inside a longer code, then it is not taken as the reference', () => {
    const t = transfer('T1', 28800, { reference: 'K7M2QX' });
    const result = matchCredits([credit(28800, { note: 'UA0K7M2QX99' })], [t], []);
    expect(result.matched).toEqual([]);
  });

  it('when the note carries a reference but the amount differs, then it is queued with that order first', () => {
    const result = matchCredits(
      [credit(20000, { note: 'K7M2QX' })],
      [transfer('T1', 28800, { reference: 'K7M2QX' })],
      [],
    );
    expect(result.matched).toEqual([]);
    expect(result.queued[0]).toMatchObject({ code: 'reference-amount-differs', candidates: [{ transferId: 'T1' }] });
    expect(result.queued[0]!.candidates[0]!.why).toContain('少付 88.00 元');
  });

  it("when the amount is an order's unique amount, then it matches that order whoever paid", () => {
    const t = transfer('T1', 28800, { uniqueAmountFen: 28803 });
    const row = credit(28803, { counterpartyName: '财付通支付科技有限公司' });
    const result = matchCredits(
      [row],
      [t, transfer('T2', 28800), transfer('T3', 28801, { uniqueAmountFen: 28801 + 1 })],
      [],
    );
    expect(result.matched).toEqual([
      { row, transferIds: ['T1'], rule: 'unique-amount', reason: expect.stringContaining('288.03') },
    ]);
  });

  it("when a unique amount equals another order's plain due amount, then it is queued as ambiguous", () => {
    const result = matchCredits(
      [credit(28803)],
      [transfer('T1', 28800, { uniqueAmountFen: 28803 }), transfer('T2', 28803)],
      [],
    );
    expect(result.queued[0]).toMatchObject({ code: 'ambiguous-amount' });
    expect(result.queued[0]!.candidates.map((c) => c.transferId).sort()).toEqual(['T1', 'T2']);
  });

  it("when the exact amount comes from the buyer's own name inside the window, then it matches by amount and payer", () => {
    const row = credit(28800, { counterpartyName: '张 三', date: '2026-11-25' });
    const result = matchCredits(
      [row],
      [transfer('T1', 28800, { buyerName: '张三' }), transfer('T2', 28800, { buyerName: '李四' })],
      [],
    );
    expect(result.matched).toEqual([
      { row, transferIds: ['T1'], rule: 'amount-and-payer', reason: expect.stringContaining('付款人即买家本人') },
    ]);
  });

  it("when a family member pays and the buyer's claim names them with the same amount and date, then it matches", () => {
    const row = credit(28800, { counterpartyName: '张父', date: '2026-11-24' });
    const t = transfer('T1', 28800, { buyerName: '张三' });
    const result = matchCredits(
      [row],
      [t],
      [claim('T1', 28800, { payerName: '张父', date: '2026-11-23', method: '手机银行' })],
    );
    expect(result.matched[0]).toMatchObject({ transferIds: ['T1'], rule: 'amount-and-payer' });
    expect(result.matched[0]!.reason).toContain('手机银行');
  });

  it('when one transfer pays several orders of one buyer exactly, then all of them match together', () => {
    const orders = [
      transfer('A', 10000, { buyerNick: 'zs', buyerName: '张三' }),
      transfer('B', 18800, { buyerNick: 'zs', buyerName: '张三' }),
      transfer('C', 5000, { buyerNick: 'zs', buyerName: '张三' }),
      transfer('D', 18800, { buyerNick: 'other', buyerName: '王五' }),
    ];
    const row = credit(28800, { counterpartyName: '张三' });
    const result = matchCredits([row], orders, []);
    expect(result.matched).toEqual([
      { row, transferIds: ['A', 'B'], rule: 'combined-orders', reason: expect.stringContaining('2 个订单') },
    ]);
  });

  it('when a family member pays several orders and a claim names them for the total, then the combination matches', () => {
    const orders = [
      transfer('A', 10000, { buyerNick: 'zs', buyerName: '张三' }),
      transfer('B', 18800, { buyerNick: 'zs', buyerName: '张三' }),
    ];
    const result = matchCredits([credit(28800, { counterpartyName: '张父' })], orders, [
      claim('A', 28800, { payerName: '张父' }),
    ]);
    expect(result.matched[0]).toMatchObject({ transferIds: ['A', 'B'], rule: 'combined-orders' });
  });

  it('when the sum is one fen off, then no combination is taken', () => {
    const orders = [
      transfer('A', 10000, { buyerNick: 'zs', buyerName: '张三' }),
      transfer('B', 18800, { buyerNick: 'zs', buyerName: '张三' }),
    ];
    const result = matchCredits([credit(28801, { counterpartyName: '张三' })], orders, []);
    expect(result.matched).toEqual([]);
    expect(result.queued[0]!.code).toBe('overpayment');
  });

  it("when two combinations of the buyer's orders add up, then it is queued, not guessed", () => {
    const orders = ['A', 'B']
      .map((id) => transfer(id, 10000, { buyerNick: 'zs', buyerName: '张三' }))
      .concat(transfer('C', 18800, { buyerNick: 'zs', buyerName: '张三' }));
    const result = matchCredits([credit(28800, { counterpartyName: '张三' })], orders, []);
    expect(result.matched).toEqual([]);
    expect(result.queued[0]!.code).toBe('ambiguous-combination');
  });

  it("when paying the buyer's orders would take more than five of them, then no combination is taken", () => {
    const orders = ['A', 'B', 'C', 'D', 'E', 'F'].map((id) =>
      transfer(id, 1000 + 'ABCDEF'.indexOf(id), { buyerNick: 'zs', buyerName: '张三' }),
    );
    const total = orders.reduce((s, t) => s + t.amountDueFen, 0);
    const result = matchCredits([credit(total, { counterpartyName: '张三' })], orders, []);
    expect(result.matched).toEqual([]);
    const five = orders.slice(1).reduce((s, t) => s + t.amountDueFen, 0);
    expect(matchCredits([credit(five, { counterpartyName: '张三' })], orders, []).matched[0]!.transferIds).toHaveLength(
      5,
    );
  });

  it('when a credit fits no open order at all, then it is unmatched', () => {
    const row = credit(12345, { counterpartyName: '路人' });
    expect(matchCredits([row], [transfer('T1', 28800, { buyerName: '张三' })], [])).toEqual({
      matched: [],
      queued: [],
      unmatched: [row],
    });
  });

  it('when a credit is dated before the order existed, then the order is not a candidate', () => {
    const row = credit(28800, { counterpartyName: '张三', date: '2026-11-01' });
    expect(matchCredits([row], [transfer('T1', 28800, { buyerName: '张三' })], []).unmatched).toEqual([row]);
  });
});
