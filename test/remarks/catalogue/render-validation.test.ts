import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/shared/errors.js';
import { renderRemark, type RemarkOrderState } from '../../../src/remarks/catalogue/index.js';
import { AT } from './golden-cases.js';

function refusal(
  kind: string,
  fields: unknown,
  state: string = 'paid_not_printed',
  extra: { staff?: string; balanceFen?: number } = {},
): ValidationError {
  try {
    renderRemark({
      kind,
      fields: fields as Record<string, unknown>,
      state: state as RemarkOrderState,
      staff: extra.staff ?? '小丽',
      at: AT,
      balanceFen: extra.balanceFen,
    });
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error(`expected ${kind} ${JSON.stringify(fields)} to be refused`);
}

describe('renderRemark refusals name the field', () => {
  const cases: Array<[string, string, unknown, string, string]> = [
    ['an unknown kind', 'price.magic', {}, 'unpaid', 'kind'],
    ['an unknown order state', 'price.ordinary', {}, 'shipped', 'state'],
    ['fields that are a list', 'price.review_reward', ['5'], 'unpaid', 'fields'],
    ['a missing amount', 'price.review_reward', {}, 'unpaid', 'fields.amount'],
    ['a blank amount', 'price.review_reward', { amount: '  ' }, 'unpaid', 'fields.amount'],
    ['a negative amount', 'price.review_reward', { amount: '-5' }, 'unpaid', 'fields.amount'],
    ['a zero amount', 'price.review_reward', { amount: 0 }, 'unpaid', 'fields.amount'],
    ['a non-numeric amount', 'price.review_reward', { amount: 'five' }, 'unpaid', 'fields.amount'],
    ['an amount with 元 typed in', 'price.review_reward', { amount: '5元' }, 'unpaid', 'fields.amount'],
    ['an amount with three decimals', 'price.review_reward', { amount: '5.123' }, 'unpaid', 'fields.amount'],
    ['a float that is not two decimals', 'price.review_reward', { amount: 0.1 + 0.2 }, 'unpaid', 'fields.amount'],
    ['a decimal comma', 'price.review_reward', { amount: '1,28' }, 'unpaid', 'fields.amount'],
    ['an amount that is not a number', 'price.review_reward', { amount: Number.NaN }, 'unpaid', 'fields.amount'],
    ['an amount object', 'price.review_reward', { amount: { yuan: 5 } }, 'unpaid', 'fields.amount'],
    ['a missing item number', 'price.postage_overcharge', { amount: '10' }, 'unpaid', 'fields.sku'],
    ['an item number with a space', 'price.postage_overcharge', { sku: 'A 1', amount: '10' }, 'unpaid', 'fields.sku'],
    [
      'an item number with +',
      'refund.in_trade',
      { sku: 'A+1', type: 'discount', amount: '1' },
      'paid_not_printed',
      'fields.sku',
    ],
    ['the staff name in the fields', 'price.review_reward', { amount: '5', staff: '小王' }, 'unpaid', 'fields.staff'],
    ['an unknown field', 'oos.notify', { via: '旺旺', note: 'x' }, 'unpaid', 'fields.note'],
    ['an unknown address field', 'address.change', { field: 'email', value: 'x' }, 'paid_not_printed', 'fields.field'],
    [
      'a printed address change without assistant',
      'address.change',
      { field: 'address', value: '杭州' },
      'printed',
      'fields.assistant',
    ],
    [
      'a phone that is not a phone',
      'address.change',
      { field: 'phone', value: 'call me' },
      'paid_not_printed',
      'fields.value',
    ],
    [
      'a value holding an entry separator',
      'address.change',
      { field: 'address', value: '杭州；上海' },
      'paid_not_printed',
      'fields.value',
    ],
    [
      'a bank refund without bank name',
      'refund.after_trade',
      { sku: 'A1', type: 'postage', amount: '5', channel: 'bank', account: '6225888899990000', realName: '李' },
      'printed',
      'fields.bankName',
    ],
    [
      'a bank card with letters',
      'refund.after_trade',
      {
        sku: 'A1',
        type: 'postage',
        amount: '5',
        channel: 'bank',
        bankName: '建行',
        account: '6225abc',
        realName: '李',
      },
      'printed',
      'fields.account',
    ],
    [
      'an alipay account that is neither e-mail nor mobile',
      'refund.after_trade',
      { sku: 'A1', type: 'postage', amount: '5', channel: 'alipay', account: 'lili', realName: '李' },
      'printed',
      'fields.account',
    ],
    [
      'an unknown refund channel',
      'refund.after_trade',
      { sku: 'A1', type: 'postage', amount: '5', channel: 'wechat', account: 'a@b.cn', realName: '李' },
      'printed',
      'fields.channel',
    ],
    ['an unknown refund type', 'refund.in_trade', { sku: 'A1', type: 'tax', amount: '5' }, 'printed', 'fields.type'],
    [
      'a missing real name',
      'refund.after_trade',
      { sku: 'A1', type: 'postage', amount: '5', channel: 'alipay', account: 'a@b.cn' },
      'printed',
      'fields.realName',
    ],
    ['an unknown notify channel', 'oos.notify', { via: '短信' }, 'unpaid', 'fields.via'],
    ['a bad waybill', 'copy.transfer', { waybill: '单号123' }, 'unpaid', 'fields.waybill'],
    [
      'a waybill follow-up without courier contact',
      'cancel.waybill_not_revoked',
      {},
      'printed',
      'fields.courierContact',
    ],
    ['a reason with parentheses', 'address.label_not_fixed', { reason: '快递(已发)' }, 'printed', 'fields.reason'],
    ['a printed cancel without assistant', 'cancel.request', {}, 'printed', 'fields.assistant'],
    [
      'an auction flag that is not a boolean',
      'cancel.request',
      { keeper: '小周', auction: 'maybe' },
      'unpaid',
      'fields.auction',
    ],
    ['an exchange on an unpaid order', 'exchange.request', { fromSku: 'A1', toSku: 'B2' }, 'unpaid', 'state'],
    ['a non-auction cancel on an unpaid order', 'cancel.request', { keeper: '小周' }, 'unpaid', 'fields.auction'],
    ['a label fixed on an order not printed', 'address.label_fixed', {}, 'paid_not_printed', 'state'],
    ['a print remark on an unpaid order', 'print.printed', {}, 'unpaid', 'state'],
    ['a refund on an unpaid order', 'refund.in_trade', { sku: 'A1', type: 'postage', amount: '5' }, 'unpaid', 'state'],
  ];

  it.each(cases)('when %s is given, then a ValidationError names it', (_, kind, fields, state, field) => {
    expect(refusal(kind, fields, state).field).toBe(field);
  });

  it('when the staff display name is empty or holds +, then the staff is refused', () => {
    expect(refusal('price.ordinary', {}, 'unpaid', { staff: ' ' }).field).toBe('staff');
    expect(refusal('price.ordinary', {}, 'unpaid', { staff: '小+丽' }).field).toBe('staff');
  });

  it('when an exchange is asked on an unpaid order, then the message points to 拍下后不要 (cancel.request)', () => {
    const e = refusal('exchange.request', { fromSku: 'A1', toSku: 'B2' }, 'unpaid');
    expect(e.code).toBe('not_applicable');
    expect(e.params).toMatchObject({ kind: 'exchange.request', state: 'unpaid' });
    expect(e.message).toContain('拍卖款用“拍下后不要”备注');
  });

  it('when a required field is missing, then the error code says required', () => {
    expect(refusal('price.review_reward', {}, 'unpaid')).toMatchObject({
      code: 'field_required',
      field: 'fields.amount',
      message: '请填写金额',
    });
  });

  it('when a balance kind is rendered without the ledger balance, then balanceFen is named', () => {
    expect(refusal('balance.deducted', { amount: '5' }, 'printed').field).toBe('balanceFen');
  });

  it('when the deduction is larger than the balance by one fen, then it is refused on the amount', () => {
    const e = refusal('price.balance', { amount: '20.01' }, 'unpaid', { balanceFen: 2000 });
    expect(e.field).toBe('fields.amount');
    expect(e.code).toBe('exceeds_balance');
  });
});
