import { describe, expect, it } from 'vitest';
import { groupCardNumber } from '../../../src/ledger/index.js';
import { formatRegisterLine, renderRemark } from '../../../src/remarks/catalogue/index.js';
import { AT } from './golden-cases.js';

describe('refund register line', () => {
  it('when an alipay refund is registered, then the line is the handbook example', () => {
    const r = renderRemark({
      kind: 'refund.after_trade',
      state: 'printed',
      staff: '蕾',
      at: AT,
      buyerNick: '毛毛雨920402',
      fields: {
        sku: 'A1023',
        type: 'postage',
        amount: '15',
        channel: 'alipay',
        account: 'xt.example@163.com',
        realName: '李莉莉',
      },
    });
    expect(r.registerLine).toBe('毛毛雨920402 xt.example@163.com 李莉莉 邮费15元(蕾)');
    expect(r.refund).toEqual({
      reason: '邮费',
      amountFen: 1500,
      channel: 'alipay',
      account: 'xt.example@163.com',
      realName: '李莉莉',
      sku: 'A1023',
      staff: '蕾',
    });
  });

  it('when a bank refund is registered, then the account is the short bank name and the card in groups of four', () => {
    const r = renderRemark({
      kind: 'refund.after_trade',
      state: 'printed',
      staff: '玨',
      at: AT,
      buyerNick: '幽幽兰兰007',
      fields: {
        sku: 'C3001',
        type: 'discount',
        amount: '288',
        channel: 'bank',
        bankName: '中国建设银行',
        account: '4367-4206-7255-0308-214',
        realName: '李秀兰',
      },
    });
    expect(r.registerLine).toBe('幽幽兰兰007 建行4367 4206 7255 0308 214 李秀兰 折扣288元(玨)');
    expect(r.refund?.account).toBe('4367420672550308214');
  });

  it('when no buyer nick is given, then the register entry is there but no line', () => {
    const r = renderRemark({
      kind: 'refund.after_trade',
      state: 'printed',
      staff: '蕾',
      at: AT,
      fields: {
        sku: 'A1023',
        type: 'postage',
        amount: '15',
        channel: 'alipay',
        account: '13900001111',
        realName: '李莉莉',
      },
    });
    expect(r.registerLine).toBeUndefined();
    expect(r.refund?.amountFen).toBe(1500);
  });

  it('when other kinds are rendered, then they carry no refund entry', () => {
    const r = renderRemark({
      kind: 'refund.in_trade',
      state: 'printed',
      staff: '蕾',
      at: AT,
      buyerNick: 'x',
      fields: { sku: 'A1', type: 'postage', amount: '5' },
    });
    expect(r.refund).toBeUndefined();
    expect(r.registerLine).toBeUndefined();
  });

  it('when a line is formatted directly with an unknown bank, then the bank name is kept and cents are shown', () => {
    expect(
      formatRegisterLine({
        buyerNick: 'nick',
        channel: 'bank',
        bankName: '宁波银行',
        account: '6222 0000 1111 2222',
        realName: '王五',
        reason: '中评',
        amountFen: 1250,
        staff: '小丽',
      }),
    ).toBe('nick 宁波银行6222 0000 1111 2222 王五 中评12.5元(小丽)');
    expect(groupCardNumber('62220000111122223')).toBe('6222 0000 1111 2222 3');
  });
});
