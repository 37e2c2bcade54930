/**
 * The daily refund register as a file for the refund keeper: CSV (UTF-8 with BOM and CRLF, so Excel
 * on a Chinese Windows opens it without mojibake) or XLSX. Order numbers and digit-only accounts are
 * text: Excel would otherwise turn a 19-digit tid into 1.23E+18 and lose its last digits.
 */
import ExcelJS from 'exceljs';
import { formatYuanFixed } from '../shared/money.js';
import { bankCardText } from './bank-card.js';
import { REFUND_STATE_LABELS, type RefundRecord } from './refund-register.js';
import { excelCsv } from '../shared/excel-csv.js';

export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_HEADERS = [
  '登记日期',
  '订单号',
  '买家',
  '收款方式',
  '收款账号',
  '实名',
  '原因',
  '金额(元)',
  '客服',
  '状态',
  '登记行',
] as const;

export function exportAccount(r: Pick<RefundRecord, 'channel' | 'account' | 'bankName'>): string {
  return r.channel === 'bank' ? bankCardText(r.bankName ?? '', r.account) : r.account;
}

function row(r: RefundRecord): string[] {
  return [
    r.day,
    r.tid,
    r.buyerNick,
    r.channel === 'bank' ? '银行' : '支付宝',
    exportAccount(r),
    r.realName,
    r.reason,
    formatYuanFixed(r.amountFen),
    r.staff,
    REFUND_STATE_LABELS[r.state],
    r.line,
  ];
}

const AMOUNT_COLUMN = EXPORT_HEADERS.indexOf('金额(元)');

export function refundsCsv(records: readonly RefundRecord[]): Buffer {
  return excelCsv(EXPORT_HEADERS, records.map(row), [AMOUNT_COLUMN]);
}

export async function refundsXlsx(records: readonly RefundRecord[], day: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'xiaoer';
  const sheet = workbook.addWorksheet(`退款登记 ${day}`);
  sheet.addRow([...EXPORT_HEADERS]).font = { bold: true };
  for (const r of records) {
    const cells: (string | number)[] = row(r);
    // Fen → yuan only for display in the sheet; the keeper sums this column.
    cells[AMOUNT_COLUMN] = r.amountFen / 100;
    sheet.addRow(cells);
  }
  const widths = [12, 22, 16, 8, 30, 10, 6, 10, 8, 8, 60];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getColumn(AMOUNT_COLUMN + 1).numFmt = '0.00';
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportRefundRecords(
  records: readonly RefundRecord[],
  day: string,
  format: ExportFormat,
): Promise<Buffer> {
  return format === 'csv' ? refundsCsv(records) : refundsXlsx(records, day);
}
