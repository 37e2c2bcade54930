import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../src/reconciliation/statement/index.js';
import { encode, fixtureFile, fixtureText } from '../../fixtures/statements/statement-fixtures.js';

describe('bank row identity for re-import dedup', () => {
  it('when the same file is imported twice, then every row has the same identity', async () => {
    const first = await parseStatement(fixtureFile('alipay', 'gbk'));
    const second = await parseStatement(fixtureFile('alipay', 'gbk'));
    expect(second.rows.map((r) => r.identity)).toEqual(first.rows.map((r) => r.identity));
    expect(new Set(first.rows.map((r) => r.identity)).size).toBe(first.rows.length);
  });

  it('when a later export overlaps an earlier one, then the shared rows keep their identities and new rows differ', async () => {
    const lines = fixtureText('bocom').split('\n');
    // Second export: a different preamble, the last two rows of the first export, and one new row.
    const later = [
      lines[0],
      '查询账号:6222****0000,户名:某某服饰店,查询日期:2026-11-25',
      lines[2],
      lines[4],
      lines[5],
      '4,2026/11/25,11:00:00,其他交易,贷 Cr,99.00,"2,671.79",="6222600000003333",马三,网络支付,',
      '',
    ].join('\n');
    const a = await parseStatement(fixtureFile('bocom', 'utf-8'));
    const b = await parseStatement({ name: 'later.csv', bytes: encode(later, 'gbk') });
    const earlier = new Set(a.rows.map((r) => r.identity));
    expect(b.rows.map((r) => earlier.has(r.identity))).toEqual([true, true, false]);
    expect(b.rows[0]!.line).not.toBe(a.rows[1]!.line);
  });

  it('when two same-amount same-day transfers differ only by time or balance, then their identities differ', async () => {
    const ids = (await parseStatement(fixtureFile('boc', 'utf-8'))).rows.map((r) => r.identity);
    const text = [
      '记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行',
      '2026-11-23,09:15:00,人民币,100.00,200.00,转账,,,,周八,6222,',
      '2026-11-23,09:16:00,人民币,100.00,300.00,转账,,,,周八,6222,',
      '',
    ].join('\n');
    const rows = (await parseStatement({ name: 'b.csv', bytes: encode(text, 'utf-8') })).rows;
    expect(rows[0]!.identity).not.toBe(rows[1]!.identity);
    expect(ids).not.toContain(rows[0]!.identity);
  });

  it('when a bank prints no time, balance or serial, then identical rows are told apart by their order in the file', async () => {
    const text = [
      '序号,摘要,币别,钞汇,交易日期,交易金额,账户余额,交易地点/附言,对方账号与户名',
      '1,转账存入,人民币元,钞,20261123,+100.00,,货款,6222/李四',
      '2,转账存入,人民币元,钞,20261123,+100.00,,货款,6222/李四',
      '',
    ].join('\n');
    const once = (await parseStatement({ name: 'c.csv', bytes: encode(text, 'gbk') })).rows;
    const again = (await parseStatement({ name: 'c.csv', bytes: encode(text, 'utf-8') })).rows;
    expect(once).toHaveLength(2);
    expect(once[0]!.identity).not.toBe(once[1]!.identity);
    expect(again.map((r) => r.identity)).toEqual(once.map((r) => r.identity));
  });
});
