import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/shared/errors.js';
import { parseStatement } from '../../../src/reconciliation/statement/index.js';
import { BANKS, csvCells, encode, fixtureText, xlsxOf } from '../../fixtures/statements/statement-fixtures.js';

const csv = (lines: string[]) => ({ name: 'x.csv', bytes: encode([...lines, ''].join('\n'), 'gbk') });

async function refusal(file: { name: string; bytes: Buffer }): Promise<string> {
  const err = await parseStatement(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).message;
}

const BOC = '记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行';
const boc = (date: string, time: string, amount: string, balance: string) =>
  `${date},${time},人民币,${amount},${balance},转账,网银,,,周八,6222000000001111,`;

/** The fixture with its data rows in the opposite order, as banks that list newest first export it. */
async function newestFirst(bank: (typeof BANKS)[number]): Promise<string> {
  const text = fixtureText(bank);
  const rowLines = (await parseStatement({ name: 'x.csv', bytes: Buffer.from(text) })).rows.map((r) => r.line);
  const lines = text.split('\n');
  const reversed = rowLines.map((n) => lines[n - 1]!).reverse();
  rowLines.forEach((n, i) => {
    lines[n - 1] = reversed[i]!;
  });
  return lines.join('\n');
}

describe('a statement whose balances do not add up is refused whole', () => {
  it('when an ICBC header swaps 余额 and 记账金额(收入), then the file is refused naming the line and the figures in 元', async () => {
    const swapped = '交易日期,摘要,交易详情,余额,记账金额(支出),记账金额(收入),对方户名,对方账户';
    const message = await refusal(
      csv([
        swapped,
        '2026-11-23,他行汇入,货款,100.00,,10100.00,周八,6217000000001111',
        '2026-11-23,他行汇入,货款,288.00,,10388.00,张三丰,6217000000009999',
      ]),
    );
    expect(message).toContain(
      '第3行 余额对不上：上一笔余额（第2行）100.00 元 + 收入 10388.00 元 − 支出 0.00 元 = 10488.00 元，本行余额却是 288.00 元',
    );
  });

  it('when the same swap arrives as XLSX, then it is refused by the same check', async () => {
    const bytes = await xlsxOf([
      ['交易日期', '摘要', '余额', '记账金额(支出)', '记账金额(收入)', '对方户名'],
      ['2026-11-23', '他行汇入', 100, null, 10100, '周八'],
      ['2026-11-24', '他行汇入', 288, null, 10388, '张三丰'],
    ]);
    expect(await refusal({ name: 'icbc.xlsx', bytes })).toMatch(/^第3行 余额对不上/);
  });

  it('when one balance in an oldest-first export is off, then that line is named with its three figures', async () => {
    const message = await refusal(
      csv([
        BOC,
        boc('2026-11-23', '09:00:00', '1288.00', '3288.00'),
        boc('2026-11-23', '10:00:00', '-326.00', '2926.00'),
        boc('2026-11-23', '11:00:00', '100.00', '3062.00'),
        boc('2026-11-24', '09:00:00', '3000.00', '6062.00'),
      ]),
    );
    expect(message).toContain(
      '第3行 余额对不上：上一笔余额（第2行）3288.00 元 + 收入 0.00 元 − 支出 326.00 元 = 2962.00 元，本行余额却是 2926.00 元',
    );
  });

  it('when a newest-first export has its newest balance off, then the direction comes from the other rows and the top line is named', async () => {
    const message = await refusal(
      csv([
        BOC,
        boc('2026-11-24', '09:00:00', '3000.00', '6026.00'),
        boc('2026-11-23', '11:00:00', '100.00', '3062.00'),
        boc('2026-11-23', '10:00:00', '-326.00', '2962.00'),
        boc('2026-11-23', '09:00:00', '1288.00', '3288.00'),
      ]),
    );
    expect(message).toContain(
      '第2行 余额对不上：上一笔余额（第3行）3062.00 元 + 收入 3000.00 元 − 支出 0.00 元 = 6062.00 元，本行余额却是 6026.00 元',
    );
  });

  it('when rows leave the balance empty, then their amounts count toward the next balance', async () => {
    const rows = (last: string) =>
      csv([
        BOC,
        boc('2026-11-23', '09:00:00', '1000.00', '2000.00'),
        boc('2026-11-23', '10:00:00', '100.00', ''),
        boc('2026-11-23', '11:00:00', '-50.00', last),
      ]);
    expect((await parseStatement(rows('2050.00'))).rows.map((r) => r.balanceFen)).toEqual([200000, null, 205000]);
    expect(await refusal(rows('1950.00'))).toContain(
      '第4行 余额对不上：上一笔余额（第2行）2000.00 元 + 收入 100.00 元 − 支出 50.00 元 = 2050.00 元，本行余额却是 1950.00 元',
    );
  });

  it('when a row is booked 不计收支, then the balance may move there without the file being refused', async () => {
    const text = fixtureText('bocom')
      .replace('借 Dr,3.21,"2,284.79"', '不计收支,3.21,"2,000.00"')
      .replace('"2,572.79"', '"2,288.00"');
    const parsed = await parseStatement({ name: 'bocom.csv', bytes: encode(text, 'gbk') });
    expect(parsed.rows.map((r) => [r.amountFen, r.balanceFen])).toEqual([
      [128800, 228800],
      [0, 200000],
      [28800, 228800],
    ]);
  });

  it("when every bank's export lists its rows oldest or newest first, then both read, with the same rows", async () => {
    for (const bank of BANKS) {
      const oldest = await parseStatement({ name: `${bank}.csv`, bytes: Buffer.from(fixtureText(bank)) });
      const newest = await parseStatement({ name: `${bank}.csv`, bytes: Buffer.from(await newestFirst(bank)) });
      expect(newest.rows.map((r) => r.identity).sort(), bank).toEqual(oldest.rows.map((r) => r.identity).sort());
      const fromXlsx = await parseStatement({
        name: `${bank}.xlsx`,
        bytes: await xlsxOf(csvCells(await newestFirst(bank))),
      });
      expect(fromXlsx.rows.length, bank).toBe(oldest.rows.length);
    }
  });
});
