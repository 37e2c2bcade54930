/** A day people type must exist: 2026-02-30 would otherwise read as 3 March in every report it reaches. */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { isShopDate, shopDate } from '../../src/shared/shop-date.js';
import { parseInput } from '../../src/shared/zod-errors.js';
import { type ValidationError } from '../../src/shared/errors.js';

const query = z.object({ date: shopDate });

function refusal(date: string): ValidationError {
  try {
    parseInput(query, { date });
  } catch (err) {
    return err as ValidationError;
  }
  throw new Error(`accepted ${date}`);
}

describe('shop dates', () => {
  it.each(['2026-11-23', '2028-02-29', '2000-02-29', '2026-12-31'])('when %s is typed, then it is a day', (d) => {
    expect(isShopDate(d)).toBe(true);
    expect(parseInput(query, { date: d }).date).toBe(d);
  });

  it.each(['2026-02-30', '2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10'])(
    'when %s is typed, then it is refused naming the day that does not exist',
    (d) => {
      expect(isShopDate(d)).toBe(false);
      const err = refusal(d);
      expect(err.code).toBe('date_invalid');
      expect(err.message).toBe(`没有 ${d} 这一天`);
    },
  );

  it.each(['2026-2-3', '23.11.2026', '', '2026-11-23T00:00'])(
    'when "%s" is typed, then it is a format error with an example',
    (d) => {
      expect(isShopDate(d)).toBe(false);
      const err = refusal(d);
      expect(err.code).toBe('field_bad_format');
      expect(err.message).toContain('2026-11-23');
    },
  );

  it('when any module checks a typed day, then it uses this schema: no other file spells the pattern', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const root = new URL('../../src/', import.meta.url).pathname;
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
    const copies: string[] = [];
    for (const f of files)
      if (f !== 'shared/shop-date.ts' && (await readFile(root + f, 'utf8')).includes('\\d{4}-\\d{2}-\\d{2}$/'))
        copies.push(f);
    expect(copies).toEqual([]);
  });
});
