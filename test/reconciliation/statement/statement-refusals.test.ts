import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/shared/errors.js';
import { parseStatement } from '../../../src/reconciliation/statement/index.js';
import { encode, fixtureText, xlsxOf } from '../../fixtures/statements/statement-fixtures.js';

async function refusal(text: string, encoding: 'utf-8' | 'gbk' = 'utf-8'): Promise<ValidationError> {
  const err = await parseStatement({ name: 'x.csv', bytes: encode(text, encoding) }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  expect((err as ValidationError).field).toBe('file');
  return err as ValidationError;
}

/** Replaces the n-th (1-based) line of a fixture. */
function withLine(text: string, n: number, line: string): string {
  const lines = text.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}

describe('parseStatement refuses files it cannot understand, whole', () => {
  it('when an amount cell is not an amount, then the line, column and header are named', async () => {
    const text = withLine(
      fixtureText('bocom'),
      5,
      '2,2026/11/23,13:15:12,信用卡转账还款,借 Dr,"12,3a.00","2,284.79",6666,店主,其他,',
    );
    const err = await refusal(text, 'gbk');
    expect(err.message).toContain('第5行 第6列(交易金额): "12,3a.00" 不是金额');
    expect(err).toMatchObject({
      code: 'amount_not_number',
      params: { line: 5, column: 6, header: '交易金额', value: '12,3a.00' },
    });
    expect(err.message).not.toMatch(/not an amount|line 5/);
  });

  it('when a date cell in the table is not a date, then the line and column are named', async () => {
    const text = withLine(
      fixtureText('boc'),
      4,
      '2026-13-45,12:24:20,人民币,-326.00,"2,962.00",网上快捷支付,银企对接,,,李四,Z200,',
    );
    const err = await refusal(text);
    expect(err.message).toMatch(/第4行 第1列\(记账日期\): "2026-13-45" 不是日期/);
  });

  it('when a direction cell is neither debit nor credit, then it is refused rather than guessed', async () => {
    const text = withLine(
      fixtureText('bocom'),
      6,
      '3,2026/11/24,09:20:43,其他交易,待定,288.00,"2,572.79",6222,林二,网络支付,',
    );
    const err = await refusal(text);
    expect(err.message).toContain('第6行 第5列(借贷): "待定" 不是借贷方向');
  });

  it('when a balance cell is garbled, then the file is refused, not half imported', async () => {
    const text = withLine(
      fixtureText('cmb'),
      7,
      '2026-11-24,08:30:00,CNY,288.00,"xx,yyyy.zz",转账汇款,郑十 6214830000002222,',
    );
    const err = await refusal(text);
    expect(err.message).toContain('第7行 第5列(联机余额)');
  });

  it('when a time cell is garbled, then the line and column are named', async () => {
    const text = withLine(fixtureText('abc'), 5, '20261123,99:99,财付通,-10.00,11990.00,微信支付,369333999,电子商务,');
    const err = await refusal(text);
    expect(err.message).toContain('第5行 第2列(交易时间): "99:99" 不是时间');
  });

  it('when both income and expense are filled on one row, then it is refused', async () => {
    const text =
      'header\n交易日期,交易时间,收入金额（+元）,支出金额（-元）,账户余额（元）,账务流水号,对方账号,备注\n2026-11-23,10:00:00,10.00,5.00,5.00,1,x,\n';
    const err = await refusal(text);
    expect(err.message).toContain('第3行 第3列(收入金额（+元）)');
  });

  it('when no layout matches, then the headers found and the expected ones are listed', async () => {
    const err = await refusal('某银行流水\n日期,金额,说明\n2026-11-23,100.00,货款\n');
    expect(err).toMatchObject({ code: 'statement_layout_unknown', params: { line: 2, headers: '日期, 金额, 说明' } });
    expect(err.message).toContain('第2行: 日期, 金额, 说明');
    expect(err.message).toContain('工商银行');
    expect(err.message).toContain('支付宝 账务明细: 账务流水号');
  });

  it('when an old binary .xls or an empty file arrives, then it is refused with what to do', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(parseStatement({ name: 'a.xls', bytes: xls })).rejects.toThrow(/\.xlsx/);
    await expect(parseStatement({ name: 'a.csv', bytes: Buffer.alloc(0) })).rejects.toMatchObject({
      code: 'file_empty',
      message: '文件为空',
    });
  });

  it('when a file named .xlsx is not a workbook, then it is refused as unreadable', async () => {
    await expect(parseStatement({ name: 'a.xlsx', bytes: Buffer.from('交易日期,金额\n') })).rejects.toThrow(/XLSX/);
  });

  it('when an XLSX row has a bad amount, then the sheet row and column are named', async () => {
    const rows = [
      ['中国银行交易流水明细单'],
      [
        '记账日期',
        '记账时间',
        '币别',
        '金额',
        '余额',
        '交易名称',
        '渠道',
        '网点名称',
        '附言',
        '对方账户名',
        '对方卡号/账号',
      ],
      ['2026-11-23', '09:15:00', '人民币', 'abc', 100, '转账', '', '', '', '周八', '6222'],
    ];
    const err = await parseStatement({ name: 'b.xlsx', bytes: await xlsxOf(rows) }).catch((e: Error) => e);
    expect((err as Error).message).toContain('第3行 第4列(金额): "abc" 不是金额');
  });
});
