import { describe, expect, it } from 'vitest';
import { formatYuan, formatYuanFixed, parseYuan } from '../../src/shared/money.js';

describe('money in integer fen', () => {
  it('when amounts come in the platform form or as people type them, then they become exact fen', () => {
    expect(parseYuan('128.00')).toBe(12_800);
    expect(parseYuan('0.01')).toBe(1);
    expect(parseYuan('1,288.00')).toBe(128_800);
    expect(parseYuan('1,234,567.8')).toBe(123_456_780);
    expect(parseYuan(' 12.30 ')).toBe(1230);
    expect(Object.is(parseYuan('-0.00'), 0)).toBe(true);
    for (const bad of ['1 2.30', '12. 30', '1,2,3', '12,30', '1,288,00'])
      expect(() => parseYuan(bad), bad).toThrow(/not an amount/);
    expect(parseYuan('+288.00')).toBe(28_800);
    expect(parseYuan('288.00\t')).toBe(28_800);
    expect(parseYuan('２８８．５')).toBe(28_850);
    expect(parseYuan('-12.5')).toBe(-1_250);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('12.05')).toBe(1_205);
  });

  it('when text is not an amount, then it is refused rather than guessed', () => {
    for (const bad of ['', 'abc', '1.234', '12,3a.00', '1e3', '.5', '1.2.00', '12.0a', '-.00'])
      expect(() => parseYuan(bad), bad).toThrow(/not an amount/);
  });

  it('when any platform-form amount up to 13 digits of yuan is read, then it comes back as the exact fen it was printed from', () => {
    const samples = [0, 1, 99, 100, 12_800, 999_999_999_999_999, 900_719_925_474_099];
    for (let k = 0; k < 2_000; k++) samples.push(Math.floor(Math.random() * 10 ** (1 + (k % 15))));
    for (const fen of samples) expect(parseYuan(formatYuanFixed(fen))).toBe(fen);
  });

  it('when fen are shown, then yuan have no trailing zeros (or exactly two decimals for the platform)', () => {
    expect([50, 1_205, 10_000, 199_990, 1_500, 1_550].map(formatYuan)).toEqual([
      '0.5',
      '12.05',
      '100',
      '1999.9',
      '15',
      '15.5',
    ]);
    expect(formatYuanFixed(1_205)).toBe('12.05');
    expect(formatYuanFixed(-50)).toBe('-0.50');
    expect(() => formatYuan(1.5)).toThrow(/integer/);
  });
});
