import type { z } from 'zod';
import { parseInput as parseWithLabels, type FieldLabels } from '../../shared/zod-errors.js';
import { IDENTIFY_LABELS } from './transfer-types.js';

/** What staff call the fields of a transfer order, a claim and a confirmation, in the messages about them. */
export const TRANSFER_LABELS: FieldLabels = {
  buyerName: '买家姓名',
  items: '商品',
  itemNo: '货号',
  size: '尺码',
  quantity: '数量',
  priceFen: { label: '单价', yuan: true },
  address: '收货地址',
  amountDueFen: { label: '应付金额', yuan: true },
  overseas: '海外买家',
  identify: { label: '识别方式', values: IDENTIFY_LABELS },
  date: { label: '汇款日期', example: '2026-11-23' },
  method: '汇款方式',
  bankName: '银行',
  payerName: '付款人',
  amountFen: { label: '汇款金额', yuan: true },
  rows: '流水',
  waybill: { label: '运单号', example: 'SF1234567890' },
};

/** zod input → value, or one ValidationError naming the first bad field and listing every problem in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  return parseWithLabels(schema, input ?? {}, TRANSFER_LABELS);
}
