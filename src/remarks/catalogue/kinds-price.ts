/**
 * 改价, 打单, 抄单. A price change can only be made before payment, but the remark may land just after
 * the buyer pays, so price kinds apply to unpaid and paid-not-printed orders; printing and copying
 * concern paid orders (a bank-transfer copy also fits the closed/unpaid trade of a transfer buyer).
 * None of these kinds flags the order: nothing for the warehouse to act on.
 */
import { z } from 'zod';
import { amount, sku, waybill } from './fields.js';
import type { RemarkKind } from './types.js';

const BEFORE_PRINT = ['unpaid', 'paid_not_printed'] as const;
const PAID = ['paid_not_printed', 'printed'] as const;
const ALL = ['unpaid', 'paid_not_printed', 'printed'] as const;
const none = z.object({}).strict();

export const PRICE_KINDS: readonly RemarkKind[] = [
  {
    id: 'price.ordinary',
    title: '普通改价',
    writer: 'staff',
    flag: null,
    schema: none,
    forms: [{ variant: 'default', states: BEFORE_PRINT, template: '{staff}/{date}' }],
  },
  {
    id: 'price.review_reward',
    title: '扣除好评获奖金额',
    writer: 'staff',
    flag: null,
    schema: z.object({ amount }).strict(),
    forms: [{ variant: 'default', states: BEFORE_PRINT, template: '扣除好评获奖金额{amount}元+{staff}/{date}' }],
  },
  {
    id: 'price.postage_overcharge',
    title: '扣除多收邮费',
    writer: 'staff',
    flag: null,
    schema: z.object({ sku, amount }).strict(),
    forms: [{ variant: 'default', states: BEFORE_PRINT, template: '扣除多收{sku}的邮费{amount}元+{staff}/{date}' }],
  },
  {
    id: 'price.discount_overcharge',
    title: '扣除多收折扣',
    writer: 'staff',
    flag: null,
    schema: z.object({ sku, amount }).strict(),
    forms: [{ variant: 'default', states: BEFORE_PRINT, template: '扣除多收{sku}的折扣{amount}元+{staff}/{date}' }],
  },
  {
    // {remaining} comes from the balance ledger passed to render, never from the request.
    id: 'price.balance',
    title: '扣除余额(改价)',
    writer: 'staff',
    flag: null,
    ledger: 'balance_debit',
    schema: z.object({ amount }).strict(),
    forms: [
      {
        variant: 'used_up',
        states: BEFORE_PRINT,
        fixed: { remaining: 0 },
        template: '扣除余额{amount}元,余额清零+{staff}/{date}',
      },
      {
        variant: 'some_left',
        states: BEFORE_PRINT,
        template: '扣除余额{amount}元,还剩余额{remaining}元+{staff}/{date}',
      },
    ],
  },
  {
    id: 'print.printed',
    title: '已打单',
    writer: 'staff',
    flag: null,
    schema: none,
    forms: [{ variant: 'default', states: PAID, template: '{date}' }],
  },
  {
    id: 'copy.ordinary',
    title: '正常抄单',
    writer: 'staff',
    flag: null,
    schema: none,
    forms: [{ variant: 'default', states: PAID, template: '{staff}/{date}' }],
  },
  {
    id: 'copy.transfer',
    title: '汇款抄单',
    writer: 'staff',
    flag: null,
    schema: z.object({ waybill }).strict(),
    forms: [{ variant: 'default', states: ALL, template: '单号:{waybill}+{staff}/{date}' }],
  },
];
