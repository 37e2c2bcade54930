import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/shared/errors.js';
import { parseStatement } from '../../../src/reconciliation/statement/index.js';
import { BANKS, csvCells, fixtureFile, fixtureText, xlsxOf } from '../../fixtures/statements/statement-fixtures.js';

/** A CCB corporate export as the bank's XLSX gives it: typed numbers and dates, a title block, a totals line. */
async function ccbCorporateXlsx(): Promise<Buffer> {
  const header = [
    '账号',
    '账户名称',
    '交易时间',
    '借方发生额（支取）',
    '贷方发生额（收入）',
    '余额',
    '币种',
    '对方户名',
    '对方账号',
    '对方开户机构',
    '记账日期',
    '摘要',
    '备注',
    '账户明细编号-交易流水号',
  ];
  return xlsxOf([
    ['中国建设银行单位客户账户明细'],
    ['账号：44050100000000000000', null, '户名：某某服饰有限公司'],
    ['起始日期：2026-11-23', null, '终止日期：2026-11-24'],
    header,
    [
      '4405',
      '某某服饰有限公司',
      '20261123 10:11:12',
      0,
      1288,
      51288,
      '人民币元',
      '钱五',
      '6222000000000005',
      '中国农业银行',
      new Date(Date.UTC(2026, 10, 23)),
      '汇款',
      '订单 K7M2QX',
      '1001',
    ],
    [
      '4405',
      '某某服饰有限公司',
      new Date(Date.UTC(2026, 10, 23, 15, 0, 0)),
      19.9,
      0,
      51268.1,
      '人民币元',
      '快递公司',
      '6222000000000009',
      '中国银行',
      new Date(Date.UTC(2026, 10, 23)),
      '运费',
      null,
      '1002',
    ],
    [
      '4405',
      '某某服饰有限公司',
      '2026-11-24 09:00:00',
      0,
      288.01,
      51556.11,
      '人民币元',
      '孙六',
      '6222000000000006',
      '招商银行',
      new Date(Date.UTC(2026, 10, 24)),
      '汇款',
      null,
      '1003',
    ],
    ['合计', null, null, 19.9, 1576.01],
  ]);
}

describe('parseStatement on XLSX exports', () => {
  it('when a CCB corporate XLSX has typed numbers and dates, then credits are read in fen with their times and serials', async () => {
    const parsed = await parseStatement({ name: '明细.xlsx', bytes: await ccbCorporateXlsx() });
    expect(parsed).toMatchObject({ layout: 'ccb-corporate', format: 'xlsx', encoding: null, headerLine: 4 });
    expect(parsed.rows.map((r) => [r.line, r.date, r.time, r.amountFen, r.balanceFen, r.serial])).toEqual([
      [5, '2026-11-23', '10:11:12', 128800, 5128800, '1001'],
      [6, '2026-11-23', '15:00:00', -1990, 5126810, '1002'],
      [7, '2026-11-24', '09:00:00', 28801, 5155611, '1003'],
    ]);
    expect(parsed.credits.map((r) => r.counterpartyName)).toEqual(['钱五', '孙六']);
    expect(parsed.credits[0]!.note).toBe('汇款 | 订单 K7M2QX');
  });

  it('when an XLSX arrives under a name without .xlsx, then the zip signature still identifies it', async () => {
    const parsed = await parseStatement({ name: 'download.dat', bytes: await ccbCorporateXlsx() });
    expect(parsed.format).toBe('xlsx');
    expect(parsed.credits).toHaveLength(2);
  });

  it("when each bank's export is saved as XLSX, then rows, lines and identities equal the CSV reading", async () => {
    for (const bank of BANKS) {
      const fromCsv = await parseStatement(fixtureFile(bank, 'utf-8'));
      const fromXlsx = await parseStatement({ name: `${bank}.xlsx`, bytes: await xlsxOf(csvCells(fixtureText(bank))) });
      expect(fromXlsx.layout).toBe(fromCsv.layout);
      expect(fromXlsx.rows).toEqual(fromCsv.rows);
    }
  });

  it.each([
    [1e308, '1e+308'],
    [1e20, '100000000000000000000'],
    // Numbers a spreadsheet cannot hold exactly, on purpose:
    // eslint-disable-next-line no-loss-of-precision
    [9007199254740993, '9007199254740992'],
    // eslint-disable-next-line no-loss-of-precision
    [80000000000000.01, '80000000000000.02'],
  ])(
    'when a credit cell holds the number %d, then the file is refused naming line, column and the cell as read',
    async (credit, text) => {
      const bytes = await xlsxOf([
        ['交易时间', '借方发生额（支取）', '贷方发生额（收入）', '余额', '对方户名'],
        ['2026-11-23 10:11:12', 0, 1288, 51288, '钱五'],
        ['2026-11-23 11:00:00', 0, credit, null, '孙六'],
      ]);
      const err = await parseStatement({ name: 'ccb.xlsx', bytes }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err).toBeInstanceOf(ValidationError);
      expect(err!.message).toContain(`第3行 第3列(贷方发生额（收入）): "${text}" 超出金额范围`);
    },
  );

  it('when a CSV credit reads 1e20 yuan in digits, then it is refused by the same rule as the XLSX number', async () => {
    const csv =
      '交易时间,借方发生额（支取）,贷方发生额（收入）,余额,对方户名\n2026-11-23 10:11:12,,100000000000000000000,,钱五\n';
    const err = await parseStatement({ name: 'ccb.csv', bytes: Buffer.from(csv) }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err!.message).toContain('第2行 第3列(贷方发生额（收入）): "100000000000000000000" 超出金额范围');
  });

  it('when the statement is on the second sheet, then that sheet is read', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本文件由网银导出']);
    const ws = wb.addWorksheet('明细');
    for (const cells of csvCells(fixtureText('boc'))) ws.addRow(cells);
    const parsed = await parseStatement({ name: 'boc.xlsx', bytes: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(parsed.layout).toBe('boc');
    expect(parsed.credits.map((r) => r.amountFen)).toEqual([128800, 300000]);
  });
});
