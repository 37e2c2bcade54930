import { describe, expect, it } from 'vitest';
import {
  type AmountCellError,
  cellText,
  parseAmountCell,
  parseDateCell,
  parseDirection,
  parseTimeText,
  splitCounterparty,
} from '../../../src/reconciliation/statement/cell-values.js';

describe('statement cell values', () => {
  it.each([
    ['1,288.00', 128800],
    ['+288.00', 28800],
    ['288.00\t', 28800],
    ['￥288.00', 28800],
    ['¥1,288.5', 128850],
    ['２８８．００', 28800],
    ['１，２８８．００', 128800],
    ['(288.00)', -28800],
    ['-3.21', -321],
    ['0.00', 0],
    ['RMB 12', 1200],
    ['="288.00"', 28800],
    ['288.00元', 28800],
  ])('when an amount cell reads %j, then it is %i fen', (text, fen) => {
    expect(parseAmountCell(text)).toBe(fen);
  });

  it('when a spreadsheet gives a number, then it becomes whole fen without float drift', () => {
    expect(parseAmountCell(1288)).toBe(128800);
    expect(parseAmountCell(0.1 + 0.2)).toBe(30);
    expect(parseAmountCell(19.99)).toBe(1999);
    expect(() => parseAmountCell(1.234)).toThrow(RangeError);
  });

  it('when a spreadsheet number is no finite whole fen, or beyond a safe integer of fen, then it is refused with the reason', () => {
    const reason = (cell: number | string) => {
      try {
        parseAmountCell(cell);
        return null;
      } catch (e) {
        return (e as AmountCellError).zh;
      }
    };
    expect(reason(1e308)).toBe('超出金额范围'); // its fen are Infinity
    expect(reason(1e20)).toBe('超出金额范围'); // 1e22 fen
    // eslint-disable-next-line no-loss-of-precision -- the point: a spreadsheet number past a safe integer
    expect(reason(9007199254740993)).toBe('超出金额范围'); // a double holds it as …992
    // eslint-disable-next-line no-loss-of-precision -- the point: one double that spells two amounts
    expect(reason(80000000000000.01)).toBe('超出金额范围'); // the same double as 80000000000000.02
    expect(reason(Number.NaN)).toBe('不是有限的数');
    expect(reason(1.005)).toBe('不是整分（最多两位小数）');
    // The text path draws the line at the same place: parseYuan's safe integer of fen.
    expect(reason('100000000000000000000')).toBe('超出金额范围');
    expect(reason('90071992547409.92')).toBe('超出金额范围');
    expect(parseAmountCell('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('when a spreadsheet number is a large but exact amount, then it is kept to the fen', () => {
    expect(parseAmountCell(1234567890.12)).toBe(123456789012); // × 100 drifts by 1.5e-5 fen
    expect(parseAmountCell(70000000000000.01)).toBe(7000000000000001);
    expect(parseAmountCell(-12.5)).toBe(-1250);
    expect(Object.is(parseAmountCell(-0), 0)).toBe(true);
  });

  it.each(['', '-', '----------', '  \t', null])(
    'when an amount cell is a placeholder (%j), then it is empty',
    (cell) => {
      expect(parseAmountCell(cell)).toBeNull();
    },
  );

  it.each(['12,3a.00', '1.234', '二百', '288.00.00'])('when an amount cell reads %j, then it is refused', (text) => {
    expect(() => parseAmountCell(text)).toThrow(RangeError);
  });

  it.each([
    ['2026-11-23', '2026-11-23', null],
    ['2026/11/23', '2026-11-23', null],
    ['20261123', '2026-11-23', null],
    ['2026年11月23日', '2026-11-23', null],
    ['2026-11-23 10:11:12', '2026-11-23', '10:11:12'],
    ['20260105 18:22:21', '2026-01-05', '18:22:21'],
    ['2026.1.5', '2026-01-05', null],
    ['２０２６－１１－２３', '2026-11-23', null],
    ['2026-11-23T08:05', '2026-11-23', '08:05:00'],
  ])('when a date cell reads %j, then the Shanghai calendar day is %s', (text, date, time) => {
    expect(parseDateCell(text)).toEqual({ date, time });
  });

  it('when a date cell holds a spreadsheet Date, then its wall-clock fields are kept whatever the host zone', () => {
    expect(parseDateCell(new Date(Date.UTC(2026, 10, 23, 23, 30, 0)))).toEqual({
      date: '2026-11-23',
      time: '23:30:00',
    });
    expect(parseDateCell(new Date(Date.UTC(2026, 10, 23)))).toEqual({ date: '2026-11-23', time: null });
  });

  it.each(['2026-02-30', '2026-13-01', '交易日期', '11/23/2026', '2026-11-23 25:00:00'])(
    'when a date cell reads %j, then it is not a date',
    (text) => {
      expect(parseDateCell(text)).toBeNull();
    },
  );

  it('when a time reads 10:11:12, 101112 or 9:05, then it becomes HH:mm:ss', () => {
    expect(parseTimeText('10:11:12')).toBe('10:11:12');
    expect(parseTimeText('101112')).toBe('10:11:12');
    expect(parseTimeText('9:05')).toBe('09:05:00');
    expect(parseTimeText('246060')).toBeNull();
  });

  it('when a direction reads 贷 Cr, 收入, 借 Dr or a profile marker, then credit and debit are told apart', () => {
    expect(parseDirection('贷 Cr')).toBe('credit');
    expect(parseDirection('收入')).toBe('credit');
    expect(parseDirection('借 Dr')).toBe('debit');
    expect(parseDirection('不计收支')).toBe('neutral');
    expect(parseDirection('转账')).toBeNull();
    expect(parseDirection('进账', '进账')).toBe('credit');
    expect(parseDirection('出账', '进账')).toBe('debit');
  });

  it('when one cell holds name and account, then both are split out', () => {
    expect(splitCounterparty('陈晶 (a@example.com)')).toEqual({ name: '陈晶', account: 'a@example.com' });
    expect(splitCounterparty('张三 66666666666666')).toEqual({ name: '张三', account: '66666666666666' });
    expect(splitCounterparty('6222020200001234/李四')).toEqual({ name: '李四', account: '6222020200001234' });
    expect(splitCounterparty('12341234123412341')).toEqual({ name: '', account: '12341234123412341' });
    expect(splitCounterparty('微信支付')).toEqual({ name: '微信支付', account: '' });
  });

  it('when a cell is an Excel text cell or tab-padded, then its plain text is kept', () => {
    expect(cellText('="0012"')).toBe('0012');
    expect(cellText('  张三丰   \t')).toBe('张三丰');
  });
});
