/**
 * The golden table: every kind and every variant of shared/spec/remarks.md with the exact text it
 * must produce (date 11.23, staff 小丽, assistant 阿张, keeper 小周). Shared by the render and memo tests.
 */
import type { RemarkOrderState } from '../../../src/remarks/catalogue/index.js';

export const AT = Date.parse('2026-11-23T10:00:00+08:00');
export const STAFF_NAMES = ['小丽', '阿张', '小周', '蕾'];

export interface GoldenCase {
  kind: string;
  state: RemarkOrderState;
  fields: Record<string, unknown>;
  staff?: string;
  balanceFen?: number;
  text: string;
  flag: number | null;
  variant: string;
  handoff?: { opens?: { type: string; assignee: string }; closes?: { type: string } };
}

const ADDRESS = '浙江省杭州市西湖区文三路90号';

export const GOLDEN: readonly GoldenCase[] = [
  { kind: 'price.ordinary', state: 'unpaid', fields: {}, text: '小丽/11.23', flag: null, variant: 'default' },
  { kind: 'price.ordinary', state: 'paid_not_printed', fields: {}, text: '小丽/11.23', flag: null, variant: 'default' },
  { kind: 'price.review_reward', state: 'unpaid', fields: { amount: '5' }, text: '扣除好评获奖金额5元+小丽/11.23', flag: null, variant: 'default' },
  { kind: 'price.postage_overcharge', state: 'unpaid', fields: { sku: 'A1023', amount: '10' }, text: '扣除多收A1023的邮费10元+小丽/11.23', flag: null, variant: 'default' },
  { kind: 'price.discount_overcharge', state: 'unpaid', fields: { sku: 'B2046', amount: 12.05 }, text: '扣除多收B2046的折扣12.05元+小丽/11.23', flag: null, variant: 'default' },
  { kind: 'price.balance', state: 'unpaid', fields: { amount: '20' }, balanceFen: 2850, text: '扣除余额20元,还剩余额8.5元+小丽/11.23', flag: null, variant: 'some_left' },
  { kind: 'price.balance', state: 'unpaid', fields: { amount: 20 }, balanceFen: 2000, text: '扣除余额20元,余额清零+小丽/11.23', flag: null, variant: 'used_up' },
  { kind: 'print.printed', state: 'paid_not_printed', fields: {}, text: '11.23', flag: null, variant: 'default' },
  { kind: 'print.printed', state: 'printed', fields: {}, text: '11.23', flag: null, variant: 'default' },
  { kind: 'copy.ordinary', state: 'paid_not_printed', fields: {}, text: '小丽/11.23', flag: null, variant: 'default' },
  { kind: 'copy.transfer', state: 'unpaid', fields: { waybill: 'YT1234567890' }, text: '单号:YT1234567890+小丽/11.23', flag: null, variant: 'default' },
  { kind: 'address.change', state: 'paid_not_printed', fields: { field: 'address', value: ADDRESS }, text: `收件地址修改为:${ADDRESS}+小丽/11.23`, flag: 1, variant: 'not_printed' },
  { kind: 'address.change', state: 'unpaid', fields: { field: 'receiver', value: '王小明' }, text: '收件人修改为:王小明+小丽/11.23', flag: 1, variant: 'not_printed' },
  { kind: 'address.change', state: 'paid_not_printed', fields: { field: 'phone', value: '13800138000' }, text: '电话修改为:13800138000+小丽/11.23', flag: 1, variant: 'not_printed' },
  {
    kind: 'address.change', state: 'printed', fields: { field: 'address', value: ADDRESS, assistant: '阿张' },
    text: `地址须更改为:${ADDRESS},待改面单,已交阿张处理+小丽/11.23`, flag: 1, variant: 'printed',
    handoff: { opens: { type: 'fix_label', assignee: '阿张' } },
  },
  {
    kind: 'address.change', state: 'printed', fields: { field: 'receiver', value: '王小明', assistant: '阿张' },
    text: '收件人须更改为:王小明,待改面单,已交阿张处理+小丽/11.23', flag: 1, variant: 'printed',
    handoff: { opens: { type: 'fix_label', assignee: '阿张' } },
  },
  {
    kind: 'address.change', state: 'printed', fields: { field: 'phone', value: '0571-88886666', assistant: '阿张' },
    text: '电话须更改为:0571-88886666,待改面单,已交阿张处理+小丽/11.23', flag: 1, variant: 'printed',
    handoff: { opens: { type: 'fix_label', assignee: '阿张' } },
  },
  {
    kind: 'address.label_fixed', state: 'printed', fields: {}, staff: '阿张', text: '面单地址已改+阿张/11.23', flag: null, variant: 'default',
    handoff: { closes: { type: 'fix_label' } },
  },
  {
    kind: 'address.label_not_fixed', state: 'printed', fields: {}, text: '面单未找到(快递已发),已联系快递退回+小丽/11.23', flag: 1, variant: 'default',
    handoff: { closes: { type: 'fix_label' }, opens: { type: 'courier_followup', assignee: '小丽' } },
  },
  {
    kind: 'address.label_not_fixed', state: 'printed', fields: { reason: '已到中转站', courierContact: '李师傅' },
    text: '面单未找到(已到中转站),已联系快递李师傅修改+小丽/11.23', flag: 1, variant: 'default',
    handoff: { closes: { type: 'fix_label' }, opens: { type: 'courier_followup', assignee: '小丽' } },
  },
  { kind: 'refund.in_trade', state: 'paid_not_printed', fields: { sku: 'A1023', type: 'discount', amount: '8.5' }, text: 'A1023+可申请折扣8.5元+小丽/11.23', flag: 1, variant: 'default' },
  { kind: 'refund.in_trade', state: 'printed', fields: { sku: 'A1023', type: 'postage', amount: '10' }, text: 'A1023+可申请邮费10元+小丽/11.23', flag: 1, variant: 'default' },
  {
    kind: 'refund.after_trade', state: 'printed',
    fields: { sku: 'A1023', type: 'postage', amount: '10', channel: 'alipay', account: 'xt.example@163.com', realName: '李莉莉' },
    text: 'A1023+应退邮费10元,退到支付宝+xt.example@163.com 李莉莉+小丽/11.23', flag: 1, variant: 'default',
  },
  {
    kind: 'refund.after_trade', state: 'printed',
    fields: { sku: 'C3001', type: 'discount', amount: '288', channel: 'bank', bankName: '建行', account: '4367 4206 7255 0308 214', realName: '李秀兰' },
    text: 'C3001+应退折扣288元,退到银行+建行4367420672550308214 李秀兰+小丽/11.23', flag: 1, variant: 'default',
  },
  {
    kind: 'refund.after_trade', state: 'paid_not_printed',
    fields: { sku: 'C3001', type: 'discount', amount: '6.6', channel: 'alipay', account: '13900001111', realName: '周芳' },
    text: 'C3001+应退折扣6.6元,退到支付宝+13900001111 周芳+小丽/11.23', flag: 1, variant: 'default',
  },
  {
    kind: 'refund.after_trade', state: 'printed',
    fields: { sku: 'A1023', type: 'postage', amount: '15', channel: 'bank', bankName: '招商银行', account: '6225888899990000', realName: '李秀兰' },
    text: 'A1023+应退邮费15元,退到银行+招商银行6225888899990000 李秀兰+小丽/11.23', flag: 1, variant: 'default',
  },
  { kind: 'refund.registered', state: 'printed', fields: {}, text: '退款已登记+小丽/11.23', flag: null, variant: 'default' },
  { kind: 'cancel.request', state: 'unpaid', fields: { keeper: '小周', auction: true }, text: '这款不要了,已交小周上架+小丽/11.23', flag: null, variant: 'unpaid' },
  { kind: 'cancel.request', state: 'paid_not_printed', fields: { keeper: '小周' }, text: '买家不要,申请退款+已提交小周上架+小丽/11.23', flag: 1, variant: 'paid_not_printed' },
  {
    kind: 'cancel.request', state: 'printed', fields: { assistant: '阿张' }, text: '买家不要,申请退款,待撤单,已交阿张处理+小丽/11.23', flag: 1, variant: 'printed',
    handoff: { opens: { type: 'cancel_waybill', assignee: '阿张' } },
  },
  {
    kind: 'cancel.waybill_revoked', state: 'printed', fields: { keeper: '小周' }, staff: '阿张', text: '单已撤,可以退款+已提交小周上架+阿张/11.23', flag: null, variant: 'default',
    handoff: { closes: { type: 'cancel_waybill' } },
  },
  {
    kind: 'cancel.waybill_not_revoked', state: 'printed', fields: { courierContact: '王师傅' },
    text: '面单未找到(快递已发),已联系快递王师傅退回,并拜托买家拒签+已交售后登记+小丽/11.23', flag: 1, variant: 'default',
    handoff: { closes: { type: 'cancel_waybill' }, opens: { type: 'courier_followup', assignee: '小丽' } },
  },
  { kind: 'exchange.request', state: 'paid_not_printed', fields: { fromSku: 'A1023', toSku: 'B2046' }, text: 'A1023不要了,可以上架,换B2046,已拍下留货+小丽/11.23', flag: 2, variant: 'paid_not_printed' },
  {
    kind: 'exchange.request', state: 'printed', fields: { fromSku: 'A1023', toSku: 'B2046', assistant: '阿张' },
    text: 'A1023不要了,可以上架,换B2046,已拍下留货,待撤单,已交阿张处理+小丽/11.23', flag: 1, variant: 'printed',
    handoff: { opens: { type: 'cancel_waybill', assignee: '阿张' } },
  },
  { kind: 'exchange.diff_pending', state: 'unpaid', fields: {}, text: '差价支付后再下单+小丽/11.23', flag: 2, variant: 'default' },
  { kind: 'oos.notify', state: 'unpaid', fields: { via: '旺旺' }, text: '此款无货+已旺旺通知买家+小丽/11.23', flag: null, variant: 'unpaid' },
  { kind: 'oos.notify', state: 'paid_not_printed', fields: { via: '电话' }, text: '此款无货+不要打单,已电话通知买家申请退款+小丽/11.23', flag: 1, variant: 'paid_not_printed' },
  { kind: 'oos.notify', state: 'printed', fields: { via: '电话' }, text: '此款无货+已撤单,已电话通知买家申请退款+小丽/11.23', flag: 1, variant: 'printed' },
  { kind: 'balance.registered', state: 'paid_not_printed', fields: {}, text: '余额已登记+小丽/11.23', flag: null, variant: 'default' },
  { kind: 'balance.deducted', state: 'printed', fields: { amount: '12.05' }, balanceFen: 5000, text: '余额扣除12.05元,还剩下37.95元,已通知登记+小丽/11.23', flag: null, variant: 'some_left' },
  { kind: 'balance.deducted', state: 'paid_not_printed', fields: { amount: '50' }, balanceFen: 5000, text: '余额扣除50元,余额清零,已通知登记+小丽/11.23', flag: null, variant: 'used_up' },
  { kind: 'transfer.awaiting', state: 'unpaid', fields: {}, text: '银行汇款订单,待汇款,已通知登记+小丽/11.23', flag: null, variant: 'default' },
  { kind: 'sale.record', state: 'paid_not_printed', fields: {}, text: '小丽', flag: 3, variant: 'default' },
];

/** The spec's worked examples, verbatim. */
export const WORKED_EXAMPLES = [
  '扣除好评获奖金额5元+小丽/11.23',
  '扣除余额20元,还剩余额8.5元+小丽/11.23',
  '地址须更改为:浙江省杭州市西湖区文三路90号,待改面单,已交阿张处理+小丽/11.23',
  '面单地址已改+阿张/11.23',
  'A1023+应退邮费10元,退到支付宝+xt.example@163.com 李莉莉+小丽/11.23',
  '买家不要,申请退款,待撤单,已交阿张处理+小丽/11.23',
  '此款无货+不要打单,已电话通知买家申请退款+小丽/11.23',
];
