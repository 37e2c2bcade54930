/**
 * The sandbox shop sells clothing and shoes: a reply that speaks of taste or shelf life reads as a mistake to a
 * buyer. Every template file is read as text, so a new template cannot bring food wording back unnoticed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from './fixtures.js';

const FOOD_WORDS = ['好吃', '吃得', '食用', '食品', '零食', '保质期', '生产日期', '口味', '口感', '新鲜', '坚果', '芒果'];

async function templateFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await templateFiles(path)));
    else if (e.name.endsWith('.hbs') || e.name.endsWith('.md')) out.push(path);
  }
  return out;
}

describe('templates for a clothing and shoe shop', () => {
  it('when every template is read, then none speaks of food', async () => {
    const files = await templateFiles(TEMPLATES_DIR);
    expect(files.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const f of files) {
      const text = await readFile(f, 'utf8');
      for (const w of FOOD_WORDS) if (text.includes(w)) found.push(`${f}: ${w}`);
    }
    expect(found).toEqual([]);
  });

  it('when the size, exchange and washing questions come up, then a quick reply answers each', async () => {
    const files = (await templateFiles(join(TEMPLATES_DIR, 'quick-replies'))).map((f) => f.split('/').pop());
    expect(files).toEqual(expect.arrayContaining(['size-chart.hbs', 'exchange-size.hbs', 'washing.hbs']));
  });
});
