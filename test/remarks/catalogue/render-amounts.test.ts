import { describe, expect, it } from 'vitest';
import { renderRemark } from '../../../src/remarks/catalogue/index.js';
import { AT } from './golden-cases.js';

const reward = (amount: unknown) =>
  renderRemark({ kind: 'price.review_reward', fields: { amount }, state: 'unpaid', staff: '小丽', at: AT });

describe('amounts in remarks', () => {
  it.each([
    ['0.5', 50, '0.5'],
    [0.5, 50, '0.5'],
    ['12.05', 1205, '12.05'],
    [12.05, 1205, '12.05'],
    [100, 10000, '100'],
    ['100.00', 10000, '100'],
    ['1999.9', 199990, '1999.9'],
    [1999.9, 199990, '1999.9'],
    ['8.50', 850, '8.5'],
    ['0.01', 1, '0.01'],
    [' 15 ', 1500, '15'],
    ['1,288', 128800, '1288'],
    ['１２', 1200, '12'],
  ] as const)('when the amount is %j, then the fields hold %i fen and the text shows %s元', (input, fen, shown) => {
    const r = reward(input);
    expect(r.fields.amount).toBe(fen);
    expect(r.text).toBe(`扣除好评获奖金额${shown}元+小丽/11.23`);
  });
});

describe('store balance arithmetic in fen', () => {
  const deduct = (amount: string, balanceFen: number) =>
    renderRemark({ kind: 'balance.deducted', fields: { amount }, state: 'printed', staff: '小丽', at: AT, balanceFen });

  it('when 0.1 then 0.2 are deducted from 1 yuan, then exactly 0.7 remains (no float drift)', () => {
    const first = deduct('0.1', 100);
    expect(first.ledger).toEqual({ type: 'balance_debit', amountFen: 10, balanceBeforeFen: 100, remainingFen: 90 });
    const second = deduct('0.2', first.ledger!.remainingFen);
    expect(second.ledger!.remainingFen).toBe(70);
    expect(second.text).toBe('余额扣除0.2元,还剩下0.7元,已通知登记+小丽/11.23');
  });

  it('when the deduction equals the balance, then the used-up text is written and nothing remains', () => {
    const r = deduct('28.5', 2850);
    expect(r.variant).toBe('used_up');
    expect(r.ledger!.remainingFen).toBe(0);
    expect(r.text).toBe('余额扣除28.5元,余额清零,已通知登记+小丽/11.23');
  });

  it('when a remaining value is sent in the fields, then it is refused: remaining only comes from the ledger', () => {
    expect(() =>
      renderRemark({
        kind: 'price.balance',
        fields: { amount: '5', remaining: '100' },
        state: 'unpaid',
        staff: '小丽',
        at: AT,
        balanceFen: 1000,
      }),
    ).toThrow(expect.objectContaining({ field: 'fields.remaining' }));
  });

  it('when a balance of 0 is asked for a deduction, then it is refused', () => {
    expect(() => deduct('0.01', 0)).toThrow(expect.objectContaining({ code: 'exceeds_balance' }));
  });
});
