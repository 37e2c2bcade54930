import { encode } from '../../../fixtures/statements/statement-fixtures.js';

export interface Credit {
  date?: string;
  time?: string;
  yuan: string;
  payer: string;
  note?: string;
}

let balance = 100000;

/** A BOC-layout export with the given credits (balance runs on, so every row has its own identity). */
export function bocStatement(credits: Credit[], name = 'boc.csv'): { name: string; bytes: Buffer } {
  const lines = ['记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行'];
  for (const c of credits) {
    balance += Number(c.yuan);
    lines.push(
      `${c.date ?? '2026-11-23'},${c.time ?? '11:00:00'},人民币,${c.yuan},${balance.toFixed(2)},转账,网银,,${c.note ?? ''},${c.payer},6222000000001111,`,
    );
  }
  return { name, bytes: encode(`${lines.join('\n')}\n`, 'gbk') };
}
