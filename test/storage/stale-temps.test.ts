import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/storage/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-temps-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ordersDir = () => join(dir, 'collections', 'orders');
const tempsIn = async (d: string) => (await readdir(d)).filter((f) => f.includes('tmp')).sort();

describe('temp files a crash left behind', () => {
  it('when the store opens, then its own stale temp files are deleted and every other file is kept', async () => {
    const first = await openLowdbStore({ dir, collections: { orders: { shards: 2 } } });
    await first.transact((tx) => tx.put('orders', 't1', { tid: 't1' }));
    await first.close();
    // What a crash in writeFileAtomic leaves: a half-written temp file beside its target.
    const ours = [
      join(ordersDir(), '.001.json.4242.7.tmp'),
      join(dir, '.meta.json.4242.8.tmp'),
      join(dir, '..lock.4242.9.tmp'),
    ];
    const others = [
      join(dir, '.config.json.4242.1.tmp'), // another module's atomic write in the data folder
      join(dir, '.meta.json.tmp'),
      join(ordersDir(), '.notes.json.1.1.tmp'),
      join(ordersDir(), '000.json.1.1.tmp'),
      join(ordersDir(), '.000.json.abc.1.tmp'),
    ];
    for (const f of [...ours, ...others]) await writeFile(f, '{"docs":{"t');

    const s = await openLowdbStore({ dir, collections: { orders: { shards: 2 } } });
    try {
      expect(await tempsIn(dir)).toEqual(['.config.json.4242.1.tmp', '.meta.json.tmp']);
      expect(await tempsIn(ordersDir())).toEqual(['.000.json.abc.1.tmp', '.notes.json.1.1.tmp', '000.json.1.1.tmp']);
      expect(s.get('orders', 't1')).toEqual({ tid: 't1' });
    } finally {
      await s.close();
    }
  });

  it('when a second opener is refused by the lock, then it deletes no temp file (the holder may be writing it)', async () => {
    const holder = await openLowdbStore({ dir });
    try {
      await mkdir(join(dir, 'collections', 'docs'), { recursive: true });
      await writeFile(join(dir, '.meta.json.777.1.tmp'), '{');
      await writeFile(join(dir, 'collections', 'docs', '.000.json.777.2.tmp'), '{');
      await expect(openLowdbStore({ dir })).rejects.toThrow(/locked|使用/);
      expect(await tempsIn(dir)).toEqual(['.meta.json.777.1.tmp']);
      expect(await tempsIn(join(dir, 'collections', 'docs'))).toEqual(['.000.json.777.2.tmp']);
    } finally {
      await holder.close();
    }
  });
});
