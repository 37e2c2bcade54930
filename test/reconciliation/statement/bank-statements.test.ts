import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../src/reconciliation/statement/index.js';
import {
  BANKS,
  fixtureFile,
  type FixtureBank,
  type FixtureEncoding,
} from '../../fixtures/statements/statement-fixtures.js';

interface Expected {
  layout: string;
  rows: number;
  debitFen: number;
  credits: {
    line: number;
    date: string;
    time: string | null;
    amountFen: number;
    counterpartyName: string;
    counterpartyAccount: string;
    noteHas: string;
    balanceFen: number | null;
    serial: string | null;
  }[];
}

const EXPECTED: Record<FixtureBank, Expected> = {
  icbc: {
    layout: 'icbc',
    rows: 3,
    debitFen: -1340,
    credits: [
      {
        line: 8,
        date: '2026-11-23',
        time: null,
        amountFen: 128800,
        counterpartyName: '张三丰',
        counterpartyAccount: '6217****0001',
        noteHas: 'K7M2QX',
        balanceFen: 1128800,
        serial: null,
      },
      {
        line: 10,
        date: '2026-11-24',
        time: null,
        amountFen: 28800,
        counterpartyName: '支付宝（中国）网络技术有限公司',
        counterpartyAccount: '2155****0001',
        noteHas: '他行汇入',
        balanceFen: 1156260,
        serial: null,
      },
    ],
  },
  ccb: {
    layout: 'ccb',
    rows: 3,
    debitFen: -5000,
    credits: [
      {
        line: 5,
        date: '2026-11-23',
        time: null,
        amountFen: 128800,
        counterpartyName: '李四',
        counterpartyAccount: '6222020200001234',
        noteHas: '网上银行 货款',
        balanceFen: 528800,
        serial: null,
      },
      {
        line: 7,
        date: '2026-11-24',
        time: null,
        amountFen: 28800,
        counterpartyName: '王小明',
        counterpartyAccount: '6228480012345678',
        noteHas: 'Q9W3ER',
        balanceFen: 552600,
        serial: null,
      },
    ],
  },
  abc: {
    layout: 'abc',
    rows: 3,
    debitFen: -1000,
    credits: [
      {
        line: 4,
        date: '2026-11-23',
        time: '10:11:12',
        amountFen: 200000,
        counterpartyName: '赵六',
        counterpartyAccount: '',
        noteHas: '订单汇款',
        balanceFen: 1200000,
        serial: '369396693',
      },
      {
        line: 6,
        date: '2026-11-24',
        time: null,
        amountFen: 28800,
        counterpartyName: '孙七',
        counterpartyAccount: '6222000011112222',
        noteHas: '转存',
        balanceFen: 1227800,
        serial: '369400001',
      },
    ],
  },
  boc: {
    layout: 'boc',
    rows: 3,
    debitFen: -32600,
    credits: [
      {
        line: 3,
        date: '2026-11-23',
        time: '09:15:00',
        amountFen: 128800,
        counterpartyName: '周八',
        counterpartyAccount: '6222******5669',
        noteHas: '货款',
        balanceFen: 328800,
        serial: null,
      },
      {
        line: 5,
        date: '2026-11-24',
        time: '16:10:21',
        amountFen: 300000,
        counterpartyName: '支付宝-张三',
        counterpartyAccount: '2088******0156',
        noteHas: '余额提现',
        balanceFen: 596200,
        serial: null,
      },
    ],
  },
  cmb: {
    layout: 'cmb',
    rows: 3,
    debitFen: -300,
    credits: [
      {
        line: 5,
        date: '2026-11-23',
        time: '10:11:12',
        amountFen: 128800,
        counterpartyName: '吴九',
        counterpartyAccount: '6214830000001111',
        noteHas: 'X4T7PB',
        balanceFen: 137166,
        serial: null,
      },
      {
        line: 7,
        date: '2026-11-24',
        time: '08:30:00',
        amountFen: 28800,
        counterpartyName: '郑十',
        counterpartyAccount: '6214830000002222',
        noteHas: '转账汇款',
        balanceFen: 165666,
        serial: null,
      },
    ],
  },
  bocom: {
    layout: 'bocom',
    rows: 3,
    debitFen: -321,
    credits: [
      {
        line: 4,
        date: '2026-11-23',
        time: '10:00:00',
        amountFen: 128800,
        counterpartyName: '陈一',
        counterpartyAccount: '6222600000001111',
        noteHas: 'K7M2QX',
        balanceFen: 228800,
        serial: null,
      },
      {
        line: 6,
        date: '2026-11-24',
        time: '09:20:43',
        amountFen: 28800,
        counterpartyName: '林二',
        counterpartyAccount: '6222600000002222',
        noteHas: '',
        balanceFen: 257279,
        serial: null,
      },
    ],
  },
  alipay: {
    layout: 'alipay',
    rows: 3,
    debitFen: -5000,
    credits: [
      {
        line: 6,
        date: '2026-11-23',
        time: '10:11:12',
        amountFen: 128800,
        counterpartyName: '何三',
        counterpartyAccount: 'he3@example.com',
        noteHas: 'K7M2QX',
        balanceFen: 128800,
        serial: '202611230001',
      },
      {
        line: 8,
        date: '2026-11-24',
        time: '09:30:00',
        amountFen: 28800,
        counterpartyName: '许四',
        counterpartyAccount: '13800000000',
        noteHas: '转账',
        balanceFen: 152600,
        serial: '202611240003',
      },
    ],
  },
};

const ENCODINGS: [FixtureEncoding, string][] = [
  ['gbk', 'gb18030'],
  ['utf-8', 'utf-8'],
  ['utf-8-bom', 'utf-8-bom'],
];

describe('parseStatement on each bank export', () => {
  for (const bank of BANKS) {
    for (const [encoding, detected] of ENCODINGS) {
      it(`when the ${bank} export comes as ${encoding} CSV, then its layout, encoding and incoming credits are read in fen`, async () => {
        const parsed = await parseStatement(fixtureFile(bank, encoding));
        const want = EXPECTED[bank];
        expect(parsed.layout).toBe(want.layout);
        expect(parsed.encoding).toBe(detected);
        expect(parsed.format).toBe('csv');
        expect(parsed.rows).toHaveLength(want.rows);
        expect(parsed.rows.filter((r) => r.amountFen < 0).map((r) => r.amountFen)).toEqual([want.debitFen]);
        expect(parsed.credits).toHaveLength(want.credits.length);
        parsed.credits.forEach((row, i) => {
          const w = want.credits[i]!;
          expect(row).toMatchObject({
            line: w.line,
            date: w.date,
            time: w.time,
            amountFen: w.amountFen,
            counterpartyName: w.counterpartyName,
            counterpartyAccount: w.counterpartyAccount,
            balanceFen: w.balanceFen,
            serial: w.serial,
          });
          expect(row.note).toContain(w.noteHas);
          expect(Number.isSafeInteger(row.amountFen)).toBe(true);
          expect(row.identity).toMatch(/^[0-9a-f]{64}$/);
        });
      });
    }
  }

  it('when the same export is read as GBK and as UTF-8, then every row has the same identity', async () => {
    for (const bank of BANKS) {
      const gbk = await parseStatement(fixtureFile(bank, 'gbk'));
      const utf8 = await parseStatement(fixtureFile(bank, 'utf-8-bom'));
      expect(gbk.rows.map((r) => r.identity)).toEqual(utf8.rows.map((r) => r.identity));
    }
  });

  it("when the keeper names the bank, then only that bank's layouts are tried", async () => {
    const parsed = await parseStatement(fixtureFile('bocom', 'utf-8'), { bank: 'bocom' });
    expect(parsed.layout).toBe('bocom');
    await expect(parseStatement(fixtureFile('bocom', 'utf-8'), { bank: 'icbc' })).rejects.toMatchObject({
      code: 'statement_layout_unknown',
    });
  });

  it('when a UTF-16 export with a BOM arrives, then it is decoded as UTF-16', async () => {
    const parsed = await parseStatement(fixtureFile('cmb', 'utf-16le'));
    expect(parsed.encoding).toBe('utf-16le');
    expect(parsed.credits.map((r) => r.amountFen)).toEqual([128800, 28800]);
  });
});
