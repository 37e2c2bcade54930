/**
 * `xiaoer store copy` between lowdb data folders, in process: the per-collection lines, a non-empty destination
 * refused without --force and replaced (not merged) with it, a folder that is not a data folder refused even with
 * --force, a source in use refused in Chinese.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { shownLocation } from '../../../src/cli/commands/store.js';
import { buildProgram } from '../../../src/cli/program.js';
import { STORE_COLLECTIONS } from '../../../src/service/store-layout.js';
import { digestStore, type StoreDigest } from '../../../src/storage/copy/index.js';
import { openLowdbStore } from '../../../src/storage/index.js';
import { fillShop, ORDER_COUNT } from './support/shop.js';

let root: string;
let printed: string[];
// The command loads the service's modules when it runs: loaded once here (seconds on a loaded machine), so each
// test's time is its own copy's.
beforeAll(async () => {
  await import('../../../src/service/index.js');
}, 120_000);
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'xiaoer-store-copy-'));
  printed = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

const xiaoer = (...args: string[]) =>
  buildProgram(() => {
    throw new Error('store copy reads no config');
  })
    .exitOverride()
    .parseAsync(['node', 'xiaoer', ...args]);

/** A data folder with a shop in it (or with what `fill` writes), closed again. */
async function folder(name: string, fill: Parameters<typeof withStore>[1] = (s) => fillShop(s)): Promise<string> {
  const dir = join(root, name);
  await withStore(dir, fill);
  return dir;
}

async function withStore<R>(
  dir: string,
  fn: (s: Awaited<ReturnType<typeof openLowdbStore>>) => Promise<R>,
): Promise<R> {
  const store = await openLowdbStore({ dir, collections: STORE_COLLECTIONS });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const digestOf = (dir: string): Promise<StoreDigest> => withStore(dir, (s) => digestStore(s));

describe('xiaoer store copy', () => {
  it('when a data folder is copied into a new folder, then each collection and log is said checked and the copy digests the same', async () => {
    const from = await folder('data');
    const to = join(root, 'copy');
    await xiaoer('store', 'copy', '--from', from, '--to', to);

    const out = printed.join('');
    // Each step said, in order, before the lines of the check.
    const steps = ['正在读取来源', '正在写入目标', '正在重新打开目标', '集合 buyer-profiles'].map((w) =>
      out.indexOf(w),
    );
    expect(steps.every((at, i) => at >= 0 && (i === 0 || at > steps[i - 1]!))).toBe(true);
    expect(out).toContain(`集合 orders：${ORDER_COUNT} 条，校验一致`);
    expect(out).toContain('集合 parcels：2 条，校验一致');
    expect(out).toContain('日志 sync-runs：2 条，校验一致');
    expect(out).toContain(`共 ${ORDER_COUNT + 7} 条`);
    expect(await digestOf(to)).toEqual(await digestOf(from));
    // Laid out as the service opens it: the orders spread over the service's shard files.
    expect((await readdir(join(to, 'collections', 'orders'))).length).toBe(STORE_COLLECTIONS.orders!.shards);
  });

  it('when the destination folder holds a store, then without --force it is refused and left as it was', async () => {
    const from = await folder('data');
    const to = await folder('other', (s) => s.transact((tx) => tx.put('notes', 'n1', { text: '别的店' })));
    const before = await digestOf(to);

    await expect(xiaoer('store', 'copy', '--from', from, '--to', to)).rejects.toThrow(
      /目标里已经有数据（集合 notes），为了不覆盖它，什么也没有复制。确认要用来源替换目标时，加上 --force/,
    );
    expect(await digestOf(to)).toEqual(before);
  });

  it('when --force is given, then the destination is replaced by the source, not merged with it', async () => {
    const from = await folder('data');
    const to = await folder('other', async (s) => {
      await s.transact((tx) => tx.put('notes', 'n1', { text: '别的店' }));
      await s.log('old-log').append({ old: true });
    });
    await writeFile(join(to, 'config.json'), '{"port":3001}');

    await xiaoer('store', 'copy', '--from', from, '--to', to, '--force');
    const copied = await digestOf(to);
    expect(copied).toEqual(await digestOf(from));
    expect(Object.keys(copied.collections)).not.toContain('notes');
    expect(Object.keys(copied.logs)).not.toContain('old-log');
    // The folder's own files are not the store's to remove.
    expect(await readFile(join(to, 'config.json'), 'utf8')).toBe('{"port":3001}');
  });

  it('when the destination folder holds other files and no store, then it is refused even with --force and untouched', async () => {
    const from = await folder('data');
    const to = join(root, 'documents');
    await mkdir(to);
    await writeFile(join(to, 'accounts.xlsx'), 'x');

    await expect(xiaoer('store', 'copy', '--from', from, '--to', to, '--force')).rejects.toThrow(
      /不是小二的数据目录，里面已有别的文件（accounts\.xlsx）/,
    );
    expect(await readdir(to)).toEqual(['accounts.xlsx']);
  });

  it('when the source folder is in use by a running store, then the copy is refused in Chinese and nothing is written', async () => {
    const from = await folder('data');
    const to = join(root, 'copy');
    await withStore(from, async () => {
      await expect(xiaoer('store', 'copy', '--from', from, '--to', to)).rejects.toThrow(
        new RegExp(`来源数据目录 ${from} 正被进程 ${process.pid} 使用（小二服务可能还在运行）：请先停止它，再搬家`),
      );
    });
    expect(await readdir(root)).toEqual(['data']);
  });

  it('when --from names no data folder, then it says so and the destination is not created', async () => {
    await expect(xiaoer('store', 'copy', '--from', join(root, 'nothing'), '--to', join(root, 'copy'))).rejects.toThrow(
      /来源目录 “.*” 里没有小二的数据/,
    );
    expect(await readdir(root)).toEqual([]);
  });

  it('when a database address carries a password, then the line shows *** in its place', () => {
    expect(shownLocation('postgres://xiaoer:s3cr@t:x@db.example:5432/shop')).toBe(
      'postgres://xiaoer:***@db.example:5432/shop',
    );
    expect(shownLocation('postgresql://xiaoer@db.example/shop')).toBe('postgresql://xiaoer@db.example/shop');
    expect(shownLocation('data/')).toBe('data/');
  });

  it('when the help is asked for, then it is Chinese and names both kinds of place', () => {
    const copy = buildProgram(() => {
      throw new Error('help reads no config');
    })
      .commands.find((c) => c.name() === 'store')!
      .commands.find((c) => c.name() === 'copy')!;
    const help = copy.helpInformation();
    expect(help).toContain('用法：');
    expect(help).toContain('<postgres://…>');
    expect(help).toContain('--force');
    expect(help).not.toContain('--server');
  });
});
