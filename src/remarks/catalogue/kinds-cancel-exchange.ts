/**
 * 拍下后不要, 拍下后换款, 拍下后无货.
 * Flags: red wherever the warehouse must act (a paid cancel, a waybill not revoked, out of stock on a
 * paid order). Unpaid variants carry no flag: the trade closes and nothing ships; they close it on the platform after
 * the memo is written, with the platform's reason (买家不想买了 / 缺货), unless the writer says not to.
 * A not-printed exchange is yellow (the handbook's flag for exchanges); a printed exchange also
 * changes the waybill, and red wins over yellow when both apply.
 * Refusals: an unpaid non-auction cancel has no remark (the trade is simply closed); an unpaid
 * exchange is handled "as no longer wants, unpaid", so `exchange.request` is refused there and the
 * caller writes `cancel.request` itself — redirecting silently would write a kind nobody asked for.
 * The printed exchange text is the not-printed one plus the waybill hand-off of the printed cancel
 * (",待撤单,已交{assistant}处理"): the memo is what the warehouse reads, so the task must show there.
 */
import { z } from 'zod';
import { flagBool, personName, sku, text, waybill } from './fields.js';
import { reason } from './kinds-address.js';
import type { RemarkKind } from './types.js';

const PRINTED = ['printed'] as const;
const cancelWaybill = { opens: { type: 'cancel_waybill', assignee: 'assistant' } } as const;

export const CANCEL_EXCHANGE_KINDS: readonly RemarkKind[] = [
  {
    id: 'cancel.request',
    title: '拍下后不要',
    writer: 'staff',
    flag: 1,
    schema: z
      .object({
        keeper: personName('上架人').optional(),
        assistant: personName('助理').optional(),
        auction: flagBool.default(false),
      })
      .strict(),
    forms: [
      {
        variant: 'unpaid',
        states: ['unpaid'],
        fixed: { auction: true },
        flag: null,
        template: '这款不要了,已交{keeper}上架+{staff}/{date}',
        closesTrade: '买家不想买了',
      },
      {
        variant: 'paid_not_printed',
        states: ['paid_not_printed'],
        template: '买家不要,申请退款+已提交{keeper}上架+{staff}/{date}',
      },
      {
        variant: 'printed',
        states: PRINTED,
        template: '买家不要,申请退款,待撤单,已交{assistant}处理+{staff}/{date}',
        handoff: cancelWaybill,
      },
    ],
    refusals: {
      unpaid: {
        field: 'fields.auction',
        message: '未支付的普通订单直接关闭交易，不写备注；只有拍卖款才备注并等系统关闭',
      },
    },
  },
  {
    id: 'cancel.waybill_revoked',
    title: '单已撤',
    writer: 'assistant',
    flag: null,
    schema: z.object({ keeper: personName('上架人') }).strict(),
    forms: [
      {
        variant: 'default',
        states: PRINTED,
        template: '单已撤,可以退款+已提交{keeper}上架+{staff}/{date}',
        handoff: { closes: { type: 'cancel_waybill' } },
      },
    ],
  },
  {
    id: 'cancel.waybill_not_revoked',
    title: '撤单未成功',
    writer: 'original_staff',
    flag: 1,
    schema: z.object({ reason, courierContact: text('快递联系人', 30) }).strict(),
    forms: [
      {
        variant: 'default',
        states: PRINTED,
        template: '面单未找到({reason}),已联系快递{courierContact}退回,并拜托买家拒签+已交售后登记+{staff}/{date}',
        handoff: { closes: { type: 'cancel_waybill' }, opens: { type: 'courier_followup', assignee: 'writer' } },
      },
    ],
  },
  {
    id: 'exchange.request',
    title: '拍下后换款',
    writer: 'staff',
    flag: 2,
    // keeper is who puts fromSku back on sale: kept with the entry for the notification, not part of the text.
    schema: z
      .object({
        fromSku: sku,
        toSku: sku,
        keeper: personName('上架人').optional(),
        assistant: personName('助理').optional(),
      })
      .strict(),
    forms: [
      {
        variant: 'paid_not_printed',
        states: ['paid_not_printed'],
        template: '{fromSku}不要了,可以上架,换{toSku},已拍下留货+{staff}/{date}',
      },
      {
        variant: 'printed',
        states: PRINTED,
        flag: 1,
        handoff: cancelWaybill,
        template: '{fromSku}不要了,可以上架,换{toSku},已拍下留货,待撤单,已交{assistant}处理+{staff}/{date}',
      },
    ],
    refusals: {
      unpaid: {
        field: 'state',
        message: '未支付订单的换款按“拍下后不要”处理：关闭交易，拍卖款用“拍下后不要”备注',
      },
    },
  },
  {
    // Written on the new (B) order whose price was changed to the difference: it is unpaid, or just paid.
    id: 'exchange.diff_pending',
    title: '差价支付后再下单',
    writer: 'staff',
    flag: 2,
    schema: z.object({}).strict(),
    forms: [
      { variant: 'default', states: ['unpaid', 'paid_not_printed'], template: '差价支付后再下单+{staff}/{date}' },
    ],
  },
  {
    // An exchange after delivery (退换货流程): the new item goes out by hand-written waybill, and the memo notes the
    // waybill with the yellow flag (换货的…以小黄旗备注单号). Written on the original order, paid and long shipped.
    id: 'exchange.shipped',
    title: '换货已发出',
    writer: 'staff',
    flag: 2,
    schema: z.object({ courier: text('快递公司', 20), waybill }).strict(),
    forms: [
      {
        variant: 'default',
        states: ['paid_not_printed', 'printed'],
        template: '换货已发出,{courier}单号:{waybill}+{staff}/{date}',
      },
    ],
    refusals: {
      unpaid: { field: 'state', message: '未支付的订单没有发出的货，不能登记换货单号' },
    },
  },
  {
    id: 'oos.notify',
    title: '拍下后无货',
    writer: 'staff',
    flag: 1,
    schema: z.object({ via: z.enum(['旺旺', '电话'], '联系方式必须是旺旺或电话') }).strict(),
    forms: [
      {
        variant: 'unpaid',
        states: ['unpaid'],
        flag: null,
        template: '此款无货+已{via}通知买家+{staff}/{date}',
        closesTrade: '缺货',
      },
      {
        variant: 'paid_not_printed',
        states: ['paid_not_printed'],
        template: '此款无货+不要打单,已{via}通知买家申请退款+{staff}/{date}',
      },
      { variant: 'printed', states: PRINTED, template: '此款无货+已撤单,已{via}通知买家申请退款+{staff}/{date}' },
    ],
  },
];
