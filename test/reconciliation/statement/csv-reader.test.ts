import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_OPTIONS, readCsvText } from '../../../src/reconciliation/statement/csv-reader.js';

type Delimiter = ',' | '\t' | ';';

/** What csv-parse itself makes of the text: rows with the line each starts on, or its error code and line. */
type Reading = { rows: { line: number; cells: string[] }[] } | { error: string; lines: number | undefined };

function reference(text: string, delimiter: Delimiter): Reading {
  try {
    const records = parse(text, { ...CSV_OPTIONS, delimiter, trim: delimiter !== '\t', info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return {
      rows: records.map(({ record, info }) => ({
        line: info.lines - record.reduce((s, f) => s + (f.match(/\n/g)?.length ?? 0), 0),
        cells: record,
      })),
    };
  } catch (err) {
    return { error: (err as { code: string }).code, lines: (err as { lines?: number }).lines };
  }
}

function ours(text: string, delimiter: Delimiter): Reading {
  try {
    return { rows: readCsvText(text, delimiter).map((r) => ({ line: r.line, cells: r.cells as string[] })) };
  } catch (err) {
    return { error: (err as { code: string }).code, lines: (err as { lines?: number }).lines };
  }
}

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Weighted towards the characters whose handling differs: quotes, delimiters, spaces of several kinds, line ends.
const ALPHABET = [
  'a',
  'b',
  '中',
  '1',
  '.',
  '"',
  '"',
  '"',
  ',',
  ',',
  ';',
  '\t',
  '\t',
  ' ',
  ' ',
  '\u3000',
  '\u00a0',
  '\n',
  '\n',
  '\n',
  '""',
];

describe('the CSV reader reads exactly what csv-parse reads', () => {
  it('on 1,500 random texts of quotes, delimiters, spaces and line ends, with each delimiter', () => {
    let compared = 0;
    let errors = 0;
    let quoted = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const next = random(seed);
      const length = 1 + Math.floor(next() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
      for (const delimiter of [',', '\t', ';'] as const) {
        const expected = reference(text, delimiter);
        expect(
          ours(text, delimiter),
          `seed ${seed}, delimiter ${JSON.stringify(delimiter)}, text ${JSON.stringify(text)}`,
        ).toEqual(expected);
        compared++;
        if ('error' in expected) errors++;
        else if (expected.rows.some((r) => r.cells.some((c) => c.includes('\n')))) quoted++;
      }
    }
    // The generator must reach both the refusals and the quoted line breaks, or the comparison proves little.
    expect(compared).toBe(1500);
    expect(errors).toBeGreaterThan(75);
    expect(quoted).toBeGreaterThan(25);
  });

  it('on bank-like rows: quoted thousands, padded tabs, Excel text cells, a quoted note over two lines', () => {
    const text =
      [
        '交易日期,金额,余额,摘要',
        '2026-11-23,"1,288.00","3,288.00",货款',
        '2026-11-23\t, 326.00 ,\t"2,962.00"\t,="0012"',
        '2026-11-24,"3,000.00","5,962.00","第一行',
        '第二行 ""引号"""',
        '',
        '合计,,,',
      ].join('\n') + '\n';
    expect(ours(text, ',')).toEqual(reference(text, ','));
    const rows = readCsvText(text, ',');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 6, 7]);
    expect(rows[3]!.cells[3]).toBe('第一行\n第二行 "引号"');
  });

  it('when a row has more than 200 cells, then it keeps 200 and says how many it had; the top rows alone can be read', () => {
    const text = `${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',')}\n"a,b",c\nd\n`;
    const [wide, second] = readCsvText(text, ',');
    expect(wide!.cells).toHaveLength(200);
    expect(wide!.width).toBe(5000);
    expect(second).toEqual({ line: 2, cells: ['a,b', 'c'] });
    expect(readCsvText(text, ',', 2)).toHaveLength(2);
    expect(readCsvText('a\n"b\n', ',', 1)).toEqual([{ line: 1, cells: ['a'] }]);
  });
});
