import { describe, expect, it } from 'vitest';
import { matchCredits } from '../../../src/reconciliation/matching/index.js';
import { claim, credit, transfer } from './match-fixtures.js';

const zhang = (id: string, fen: number, over = {}) =>
  transfer(id, fen, { buyerNick: 'zs', buyerName: '张三', ...over });

describe('matchCredits never confirms what a person must decide', () => {
  it('when two payers send the amount of one order, then neither credit is confirmed', () => {
    const fromBuyer = credit(28800, { counterpartyName: '张三' });
    const fromStranger = credit(28800, { counterpartyName: '李四' });
    const result = matchCredits([fromBuyer, fromStranger], [zhang('T1', 28800)], []);
    expect(result.matched).toEqual([]);
    expect(result.queued.map((q) => [q.row, q.code])).toEqual([
      [fromBuyer, 'competing-credits'],
      [fromStranger, 'payer-differs'],
    ]);
    expect(result.queued[0]!.candidates[0]!.transferId).toBe('T1');
  });

  it("when two credits carry the same order's reference, then the order is not confirmed twice", () => {
    const t = zhang('T1', 28800, { reference: 'Q9W3ER' });
    const result = matchCredits([credit(28800, { note: 'Q9W3ER' }), credit(28800, { note: '货款 Q9W3ER' })], [t], []);
    expect(result.matched).toEqual([]);
    expect(result.queued.map((q) => q.code)).toEqual(['competing-credits', 'competing-credits']);
  });

  it('when two buyers each pay their own same-amount order in their own names, then both match once', () => {
    const result = matchCredits(
      [credit(28800, { counterpartyName: '张三' }), credit(28800, { counterpartyName: '王五' })],
      [zhang('T1', 28800), transfer('T2', 28800, { buyerNick: 'ww', buyerName: '王五' })],
      [],
    );
    expect(result.matched.map((m) => m.transferIds)).toEqual([['T1'], ['T2']]);
  });

  it('when one payer has two open orders of the same amount, then the credit is queued as ambiguous', () => {
    const result = matchCredits(
      [credit(28800, { counterpartyName: '张三' })],
      [zhang('T1', 28800), zhang('T2', 28800)],
      [claim('T1', 28800, { payerName: '张三' })],
    );
    expect(result.matched).toEqual([]);
    expect(result.queued[0]).toMatchObject({ code: 'ambiguous-orders' });
    expect(result.queued[0]!.candidates.map((c) => c.transferId)).toEqual(['T1', 'T2']);
  });

  it('when the buyer pays less than due, then it is queued as a partial payment', () => {
    const result = matchCredits([credit(10000, { counterpartyName: '张三' })], [zhang('T1', 28800)], []);
    expect(result.queued[0]).toMatchObject({ code: 'partial-payment', candidates: [{ transferId: 'T1' }] });
    expect(result.queued[0]!.candidates[0]!.why).toContain('少付 188.00 元');
  });

  it('when the buyer pays more than due, then the surplus waits for a person', () => {
    const result = matchCredits(
      [credit(30000, { counterpartyName: '张三' })],
      [zhang('T1', 28800)],
      [claim('T1', 30000, { payerName: '张三' })],
    );
    expect(result.matched).toEqual([]);
    expect(result.queued[0]).toMatchObject({ code: 'overpayment' });
    expect(result.queued[0]!.reason).toContain('多余部分需人工确认');
    expect(result.queued[0]!.candidates[0]!.why).toContain('多付 12.00 元');
  });

  it.each(['张父', '某某贸易有限公司'])(
    'when %s pays the exact amount without a claim naming them, then it is queued as a different payer',
    (payer) => {
      const result = matchCredits([credit(28800, { counterpartyName: payer })], [zhang('T1', 28800)], []);
      expect(result.matched).toEqual([]);
      expect(result.queued[0]).toMatchObject({ code: 'payer-differs', candidates: [{ transferId: 'T1' }] });
    },
  );

  it('when the claim names a payer but the credit comes from someone else, then it is not confirmed', () => {
    const result = matchCredits(
      [credit(28800, { counterpartyName: '张母' })],
      [zhang('T1', 28800)],
      [claim('T1', 28800, { payerName: '张父' })],
    );
    expect(result.queued[0]!.code).toBe('payer-differs');
  });

  it("when the claim's amount or date does not fit, then the family member's credit is not confirmed", () => {
    const claims = [
      claim('T1', 28000, { payerName: '张父' }),
      claim('T1', 28800, { payerName: '张父', date: '2026-11-01' }),
    ];
    const result = matchCredits(
      [credit(28800, { counterpartyName: '张父', date: '2026-11-23' })],
      [zhang('T1', 28800, { createdAt: '2026-10-31T10:00:00+08:00' })],
      claims,
      { windowDays: 7 },
    );
    expect(result.matched).toEqual([]);
  });

  it.each([
    '支付宝-张三',
    '支付宝（中国）网络技术有限公司',
    '深圳市财付通支付科技有限公司',
    '银联无卡支付业务',
    '网联清算有限公司',
    'Alipay',
    'TENPAY',
    '张三(微信支付)',
  ])('when the counterparty is the intermediary %s, then it never counts as the buyer paying', (name) => {
    const result = matchCredits(
      [credit(28800, { counterpartyName: name })],
      [zhang('T1', 28800)],
      [claim('T1', 28800, { payerName: name })],
    );
    expect(result.matched).toEqual([]);
    expect(result.queued[0]).toMatchObject({ code: 'intermediary' });
  });

  it("when the bank masks the payer's name, then it is not taken as the buyer", () => {
    const result = matchCredits([credit(28800, { counterpartyName: '张*' })], [zhang('T1', 28800)], []);
    expect(result.matched).toEqual([]);
  });

  it('when the buyer pays long after the window, then it is queued as outside the window', () => {
    const result = matchCredits(
      [credit(28800, { counterpartyName: '张三', date: '2026-12-20' })],
      [zhang('T1', 28800)],
      [],
      { windowDays: 7 },
    );
    expect(result.queued[0]!.code).toBe('outside-window');
  });

  it('when every decision is made, then each carries a reason in Chinese, with no English for the keeper to read', () => {
    const result = matchCredits(
      [credit(28800, { counterpartyName: '张三' }), credit(10000, { counterpartyName: '张三' })],
      [zhang('T1', 28800)],
      [],
    );
    for (const d of [...result.matched, ...result.queued]) {
      expect(d.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(d.reason).not.toMatch(/[A-Za-z]{3,}/);
    }
    for (const q of result.queued) for (const c of q.candidates) expect(c.why).not.toMatch(/[A-Za-z]{3,}/);
    expect(result.matched).toHaveLength(1);
    expect(result.queued).toHaveLength(1);
  });
});
