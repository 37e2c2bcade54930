/**
 * 汇款销售记录表: every transfer order with activity on the day (created, claimed, verified, shipped or
 * cancelled), as JSON, CSV (UTF-8 with BOM, CRLF, for Excel on Chinese Windows) or XLSX; and the sales
 * supervisor's mark that the day was reviewed.
 */
import ExcelJS from 'exceljs';
import type { User } from '../../accounts/index.js';
import { ValidationError } from '../../shared/errors.js';
import { isShopDate } from '../../shared/shop-date.js';
import { formatYuanFixed } from '../../shared/money.js';
import { formatTopTime, parseInstant, shanghaiDate, toInstant, type Clock } from '../../shared/time.js';
import { TRANSFER_REVIEWS, type TransferRepository } from './transfer-repository.js';
import { STATE_LABELS, type TransferOrder } from './transfer-types.js';
import { excelCsv } from '../../shared/excel-csv.js';

export type RegisterFormat = 'csv' | 'xlsx';
export const REGISTER_HEADERS = [
  '订单',
  '平台订单号',
  '买家',
  '商品',
  '金额(元)',
  '接单客服',
  '创建时间',
  '申报时间',
  '核实时间',
  '发货时间',
  '运单号',
  '状态',
] as const;

export interface RegisterLine {
  transferId: string;
  tid: string | null;
  buyerNick: string;
  items: string;
  amountFen: number;
  staff: string;
  createdAt: string;
  claimedAt: string | null;
  verifiedAt: string | null;
  shippedAt: string | null;
  waybill: string | null;
  state: TransferOrder['state'];
}

export interface Register {
  date: string;
  lines: RegisterLine[];
  reviewed: { by: string; at: string } | null;
}

const onDay = (instant: string | null, date: string) =>
  instant !== null && shanghaiDate(parseInstant(instant)) === date;
const time = (instant: string | null) => (instant ? formatTopTime(parseInstant(instant)) : '');

export function checkDate(date: string): string {
  if (!isShopDate(date))
    throw new ValidationError({
      message: '日期格式不对，应该像这样：2026-11-23',
      code: 'field_bad_format',
      field: 'date',
      params: { format: 'date' },
    });
  return date;
}

export function registerLines(orders: readonly TransferOrder[], date: string): RegisterLine[] {
  return orders
    .filter((t) =>
      [t.createdAt, t.paidAt, t.shippedAt, t.cancelledAt, ...t.claims.map((c) => c.recordedAt)].some((i) =>
        onDay(i, date),
      ),
    )
    .map((t) => ({
      transferId: t.id,
      tid: t.tid,
      buyerNick: t.buyerNick,
      items: t.items.map((i) => `${i.itemNo}${i.size ? ` ${i.size}` : ''} ×${i.quantity}`).join('; '),
      amountFen: t.amountDueFen,
      staff: t.staff.displayName,
      createdAt: t.createdAt,
      claimedAt: t.claims[0]?.recordedAt ?? null,
      verifiedAt: t.paidAt,
      shippedAt: t.shippedAt,
      waybill: t.waybill,
      state: t.state,
    }));
}

function cells(l: RegisterLine): string[] {
  return [
    l.transferId,
    l.tid ?? '',
    l.buyerNick,
    l.items,
    formatYuanFixed(l.amountFen),
    l.staff,
    time(l.createdAt),
    time(l.claimedAt),
    time(l.verifiedAt),
    time(l.shippedAt),
    l.waybill ?? '',
    STATE_LABELS[l.state],
  ];
}

const AMOUNT = REGISTER_HEADERS.indexOf('金额(元)');

export async function exportRegister(
  lines: readonly RegisterLine[],
  date: string,
  format: RegisterFormat,
): Promise<Buffer> {
  if (format === 'csv') {
    return excelCsv(REGISTER_HEADERS, lines.map(cells), [AMOUNT]);
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xiaoer';
  const sheet = wb.addWorksheet(`汇款销售记录 ${date}`);
  sheet.addRow([...REGISTER_HEADERS]).font = { bold: true };
  for (const l of lines) {
    const row: (string | number)[] = cells(l);
    row[AMOUNT] = l.amountFen / 100;
    sheet.addRow(row);
  }
  [18, 22, 16, 30, 10, 8, 20, 20, 20, 20, 18, 8].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getColumn(AMOUNT + 1).numFmt = '0.00';
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function createRegister(deps: { repo: TransferRepository; clock: Clock }) {
  return {
    dailyRegister(date: string): Register {
      const day = checkDate(date);
      const review = deps.repo.review(day);
      return {
        date: day,
        lines: registerLines(deps.repo.all(), day),
        reviewed: review ? { by: review.by, at: review.at } : null,
      };
    },
    registerExport(date: string, format: RegisterFormat = 'csv'): Promise<Buffer> {
      const day = checkDate(date);
      return exportRegister(registerLines(deps.repo.all(), day), day, format);
    },
    async markReviewed(date: string, user: User): Promise<{ date: string; by: string; at: string }> {
      const day = checkDate(date);
      const mark = { date: day, by: user.displayName, at: toInstant(deps.clock.now()) };
      await deps.repo.write((w) => {
        if (!w.tx.get(TRANSFER_REVIEWS, day)) w.tx.put(TRANSFER_REVIEWS, day, mark);
      });
      return deps.repo.review(day) ?? mark;
    },
  };
}
