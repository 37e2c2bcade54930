/**
 * The month's commission as a CSV for Excel on Chinese Windows: one line per sale, then the total. It goes
 * through the shop's Excel-safe writer (UTF-8 with BOM, CRLF, order numbers kept as text, a cell that starts like
 * a formula written as text), because names and the keeper's notes are typed by people.
 */
import { excelCsv } from '../shared/excel-csv.js';
import { formatYuanFixed } from '../shared/money.js';
import { formatTopTime, parseInstant } from '../shared/time.js';
import { SOURCE_LABELS, type CommissionMonth, type CommissionSale } from './commission.js';

const HEADERS = ['月份', '员工', '账号', '订单号', '付款时间', '金额（元）', '依据', '备注里的名字', '更正说明'];
const AMOUNT_COLUMN = 5;

function line(month: string, who: string, username: string, s: CommissionSale): string[] {
  const c = s.correction;
  return [
    month,
    who,
    username,
    s.tid,
    s.paidAt ? formatTopTime(parseInstant(s.paidAt)).slice(0, 16) : '',
    formatYuanFixed(s.amountFen),
    c
      ? `${SOURCE_LABELS.correction}（${c.byName} ${formatTopTime(parseInstant(c.at)).slice(0, 16)}）`
      : SOURCE_LABELS[s.source],
    s.memoName ?? '',
    c?.note ?? '',
  ];
}

export function commissionCsv(m: CommissionMonth): Buffer {
  const rows: string[][] = [];
  for (const s of m.staff) for (const sale of s.sales) rows.push(line(m.month, s.staffName, s.username, sale));
  for (const u of m.unknownNames)
    for (const sale of u.sales) rows.push(line(m.month, `未对应的名字：${u.name}`, '', sale));
  for (const sale of m.unnamed) rows.push(line(m.month, '备注里没有名字', '', sale));
  rows.push([m.month, `合计 ${m.totals.orders} 单`, '', '', '', formatYuanFixed(m.totals.amountFen), '', '', '']);
  return excelCsv(HEADERS, rows, [AMOUNT_COLUMN]);
}
