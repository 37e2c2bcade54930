import { describe, expect, it } from 'vitest';
import { parseStatement, type StatementRow } from '../../../src/reconciliation/statement/index.js';
import { BANKS, encode, fixtureText, type FixtureEncoding } from '../../fixtures/statements/statement-fixtures.js';

const content = (r: StatementRow) => JSON.stringify({ ...r, line: 0 });

async function parsedOrRefused(bytes: Buffer) {
  try {
    return await parseStatement({ name: 'cut.csv', bytes });
  } catch (err) {
    if ((err as Error).name === 'ValidationError') return null;
    throw err;
  }
}

describe('a statement download cut off at any byte', () => {
  for (const encoding of ['utf-8', 'gbk', 'utf-16le'] as FixtureEncoding[]) {
    it(`when a ${encoding} export of any bank is cut at any byte, then every row it yields is a complete row of the whole file`, async () => {
      let cuts = 0;
      let heldBack = 0;
      for (const bank of BANKS) {
        const whole = encode(fixtureText(bank), encoding);
        const complete = new Map(
          (await parseStatement({ name: 'whole.csv', bytes: whole })).rows.map((r) => [r.identity, content(r)]),
        );
        for (let end = 1; end < whole.length; end++) {
          const parsed = await parsedOrRefused(whole.subarray(0, end));
          cuts++;
          if (!parsed) continue;
          if (parsed.heldBack) heldBack++;
          for (const row of parsed.rows) {
            expect(complete.get(row.identity), `${bank} cut at byte ${end}, line ${row.line}`).toBe(content(row));
          }
        }
      }
      expect(cuts).toBeGreaterThan(4000);
      // The property would hold trivially if every cut file were refused: most cuts land inside a data row.
      expect(heldBack).toBeGreaterThan(cuts / 3);
    }, 60_000);
  }

  it('when the file stops inside the last row, then that row is held back with its line and the rows before it are read', async () => {
    const text = [
      '记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行',
      '2026-11-23,09:15:00,人民币,100.00,200.00,转账,,,,周八,6217000000001111,',
      '2026-11-23,09:16:00,人民币,288.00,488.00,转账,,,,张三丰,6217000',
    ].join('\n');
    const parsed = await parseStatement({ name: 'cut.csv', bytes: encode(text, 'gbk') });
    expect(parsed.rows.map((r) => r.line)).toEqual([2]);
    expect(parsed.heldBack).toMatchObject({ line: 3 });
    expect(parsed.heldBack!.reason).toContain('不完整');
  });

  it('when the same file ends with its line end, then the last row is read like any other', async () => {
    const text = [
      '记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行',
      '2026-11-23,09:16:00,人民币,288.00,488.00,转账,,,,张三丰,6217000000002222,',
      '',
    ].join('\r\n');
    const parsed = await parseStatement({ name: 'whole.csv', bytes: encode(text, 'utf-8') });
    expect(parsed.rows.map((r) => r.counterpartyAccount)).toEqual(['6217000000002222']);
    expect(parsed.heldBack).toBeNull();
  });

  it('when a UTF-8 file is cut inside a Chinese character, then it is still read as UTF-8 and only the cut row is held back', async () => {
    const text = [
      '记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行',
      '2026-11-23,09:15:00,人民币,100.00,200.00,转账,,,,周八,6217000000001111,',
      '2026-11-23,09:16:00,人民币,288.00,488.00,转账,,,,张三丰',
    ].join('\n');
    const bytes = Buffer.from(text, 'utf8');
    const parsed = await parseStatement({ name: 'cut.csv', bytes: bytes.subarray(0, bytes.length - 1) });
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.rows.map((r) => r.counterpartyName)).toEqual(['周八']);
    expect(parsed.heldBack).toMatchObject({ line: 3 });
  });

  it('when the file stops inside a quoted cell, then it is refused as cut off, naming the line', async () => {
    const text = [
      '记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行',
      '2026-11-23,09:15:00,人民币,"1,100.00",200.00,转账,,,,周八,6217000000001111,',
      '2026-11-23,09:16:00,人民币,"1,28',
    ].join('\n');
    await expect(parseStatement({ name: 'cut.csv', bytes: encode(text, 'utf-8') })).rejects.toThrow(
      /第3行.*下载不完整/,
    );
  });
});

describe('a statement damaged on its way', () => {
  const header = '记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行';
  it('when a byte of a GBK name is flipped so it no longer decodes, then the file is refused naming the line and column', async () => {
    const bytes = encode(
      [header, '2026-11-23,09:15:00,人民币,100.00,200.00,转账,,,,周八,6217000000001111,', ''].join('\n'),
      'gbk',
    );
    const at = bytes.indexOf(encode('周八', 'gbk'));
    bytes[at + 1] = 0x7f; // the second byte of 周 is no longer a GBK trail byte
    await expect(parseStatement({ name: 'flip.csv', bytes })).rejects.toMatchObject({
      code: 'file_damaged',
      params: { line: 2, column: 10 },
    });
  });

  it('when a cell holds a control character, then the file is refused; a tab in the padding is not one', async () => {
    const damaged = encode(
      [header, '2026-11-23,09:15:00,人民币,100.00,200.00,转账,,,,周\u001d八,6217000000001111,', ''].join('\n'),
      'utf-8',
    );
    await expect(parseStatement({ name: 'ctl.csv', bytes: damaged })).rejects.toMatchObject({ code: 'file_damaged' });
    const padded = encode(
      [header, '2026-11-23,09:15:00,人民币,100.00\t,200.00\t,转账,,,,周八\t,6217000000001111,', ''].join('\n'),
      'utf-8',
    );
    expect((await parseStatement({ name: 'tab.csv', bytes: padded })).rows).toHaveLength(1);
  });
});
