import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refundDayExport } from '../../src/ledger/index.js';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

describe('the 17:30 refund register export', () => {
  it("when the day is exported, then both files are written under the exports folder and the count is the day's rows", async () => {
    const root = await mkdtemp(join(tmpdir(), 'xiaoer-refunds-'));
    dirs.push(root);
    const asked: string[] = [];
    const exporter = refundDayExport({
      dir: join(root, 'exports'),
      exportRefunds: async (date, format) => {
        asked.push(`${date}:${format}`);
        return Buffer.from(`${format} of ${date}`);
      },
      count: (date) => (date === '2026-11-23' ? 3 : 0),
    });
    expect(await exporter.exportDay('2026-11-23')).toEqual({ rows: 3 });
    expect(asked).toEqual(['2026-11-23:csv', '2026-11-23:xlsx']);
    expect((await readdir(join(root, 'exports'))).sort()).toEqual([
      'refunds-2026-11-23.csv',
      'refunds-2026-11-23.xlsx',
    ]);
    expect(await readFile(join(root, 'exports', 'refunds-2026-11-23.xlsx'), 'utf8')).toBe('xlsx of 2026-11-23');
  });

  it('when building a file fails, then no file of that name is left half written', async () => {
    const root = await mkdtemp(join(tmpdir(), 'xiaoer-refunds-'));
    dirs.push(root);
    const exporter = refundDayExport({
      dir: root,
      exportRefunds: async (_date, format) => {
        if (format === 'xlsx') throw new Error('workbook failed');
        return Buffer.from('csv');
      },
      count: () => 1,
    });
    await expect(exporter.exportDay('2026-11-24')).rejects.toThrow('workbook failed');
    expect(await readdir(root)).toEqual(['refunds-2026-11-24.csv']);
  });
});
