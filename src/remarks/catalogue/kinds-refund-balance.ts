/**
 * 折扣/邮费退款, 余额, 汇款, 销售记录. Refunds are red (the handbook's red flag: 退款); registrations,
 * balance notes and the bank-transfer note carry no flag (they record bookkeeping, nothing ships
 * differently); the sale record is green, read by the commission report.
 * Refunds need a paid order; balance, transfer and sale notes fit any state.
 */
import { z } from 'zod';
import { amount, personName, refundType, sku, text } from './fields.js';
import type { RemarkForm, RemarkKind } from './types.js';

const PAID = ['paid_not_printed', 'printed'] as const;
const ALL = ['unpaid', 'paid_not_printed', 'printed'] as const;
const TYPES = [
  ['discount', '折扣'],
  ['postage', '邮费'],
] as const;

const afterTradeSchema = z
  .object({
    sku,
    type: refundType,
    amount,
    channel: z.enum(['alipay', 'bank'], '退款渠道必须是支付宝或银行卡'),
    account: text('账号', 60),
    realName: personName('实名'),
    bankName: text('银行', 20)
      .refine((s) => !/[\d\s]/.test(s), '银行名称不能包含数字或空格')
      .optional(),
  })
  .strict()
  .transform((f, ctx) => {
    if (f.channel === 'alipay') {
      const ok = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.account) || /^1\d{10}$/.test(f.account);
      if (!ok)
        ctx.addIssue({
          code: 'custom',
          path: ['account'],
          message: '支付宝账号应为邮箱或11位手机号',
          params: { code: 'alipay_account_invalid' },
        });
      return f;
    }
    if (!f.bankName)
      ctx.addIssue({
        code: 'custom',
        path: ['bankName'],
        message: '退到银行时必须填写银行名称',
        params: { code: 'field_required' },
      });
    const card = f.account.replace(/[\s-]/g, '');
    if (!/^\d{12,19}$/.test(card))
      ctx.addIssue({
        code: 'custom',
        path: ['account'],
        message: '银行卡号应为12–19位数字',
        params: { code: 'bank_card_invalid' },
      });
    return { ...f, account: card };
  });

const afterTradeForms: RemarkForm[] = TYPES.flatMap(([type, noun]): RemarkForm[] => [
  {
    variant: 'default',
    states: PAID,
    fixed: { type, channel: 'alipay' },
    template: `{sku}+应退${noun}{amount}元,退到支付宝+{account} {realName}+{staff}/{date}`,
  },
  {
    variant: 'default',
    states: PAID,
    fixed: { type, channel: 'bank' },
    template: `{sku}+应退${noun}{amount}元,退到银行+{bankName}{account} {realName}+{staff}/{date}`,
  },
]);

const plain = (
  id: string,
  title: string,
  writer: RemarkKind['writer'],
  template: string,
  states: RemarkForm['states'] = ALL,
): RemarkKind => ({
  id,
  title,
  writer,
  flag: null,
  schema: z.object({}).strict(),
  forms: [{ variant: 'default', states, template }],
});

export const REFUND_BALANCE_KINDS: readonly RemarkKind[] = [
  {
    id: 'refund.in_trade',
    title: '交易中可申请退款',
    writer: 'staff',
    flag: 1,
    schema: z.object({ sku, type: refundType, amount }).strict(),
    forms: TYPES.map(([type, noun]) => ({
      variant: 'default',
      states: PAID,
      fixed: { type },
      template: `{sku}+可申请${noun}{amount}元+{staff}/{date}`,
    })),
  },
  {
    id: 'refund.after_trade',
    title: '成交后应退款',
    writer: 'staff',
    flag: 1,
    ledger: 'refund_register',
    schema: afterTradeSchema,
    forms: afterTradeForms,
  },
  plain('refund.registered', '退款已登记', 'keeper', '退款已登记+{staff}/{date}', PAID),
  plain('balance.registered', '余额已登记', 'keeper', '余额已登记+{staff}/{date}'),
  {
    id: 'balance.deducted',
    title: '余额扣除',
    writer: 'staff',
    flag: null,
    ledger: 'balance_debit',
    schema: z.object({ amount }).strict(),
    forms: [
      {
        variant: 'used_up',
        states: ALL,
        fixed: { remaining: 0 },
        template: '余额扣除{amount}元,余额清零,已通知登记+{staff}/{date}',
      },
      {
        variant: 'some_left',
        states: ALL,
        template: '余额扣除{amount}元,还剩下{remaining}元,已通知登记+{staff}/{date}',
      },
    ],
  },
  plain('transfer.awaiting', '银行汇款订单', 'staff', '银行汇款订单,待汇款,已通知登记+{staff}/{date}'),
  { ...plain('sale.record', '销售记录', 'staff', '{staff}'), flag: 3 },
];
