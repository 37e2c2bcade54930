/**
 * copyStore: every collection and log of one store into an empty other, checked by counts and sha256 digests per
 * collection and per log on the destination as read back.
 */
import { readFile, writeFile, mkdtemp, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  canonicalJson,
  copyStore,
  CopyMismatchError,
  DestinationNotEmptyError,
  digestStore,
} from '../../../src/storage/copy/index.js';
import { createMemoryStore, openLowdbStore, type Store } from '../../../src/storage/index.js';
import { STORE_COLLECTIONS } from '../../../src/service/store-layout.js';
import { fillShop, ORDER_COUNT } from './support/shop.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'xiaoer-copy-'));
  dirs.push(d);
  return d;
};

const ids = (store: Store, c: string) => [...store.entries(c)].map(([id]) => id).sort();
async function records(store: Store, name: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const r of store.log(name).read()) out.push(r);
  return out;
}

describe('canonical JSON', () => {
  it('when two documents differ only in key order, then their text is the same; a changed value changes it', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
    // A key as JSON.parse gives it, never taken for the object's prototype.
    expect(canonicalJson(JSON.parse('{"z":[],"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1},"z":[]}');
  });
});

describe('copyStore', () => {
  it('when a store is copied in small batches, then every document under its id and every log in order arrive', async () => {
    const from = createMemoryStore();
    await fillShop(from);
    const to = createMemoryStore();
    const progress: number[] = [];
    const report = await copyStore(from, to, { batchSize: 100, onProgress: (p) => progress.push(p.overallDone) });

    expect(await digestStore(to)).toEqual(await digestStore(from));
    expect(ids(to, 'parcels')).toEqual(['sf:SF10001', 'zto:7311000001']);
    expect(to.get('buyer-profiles', '毛毛雨920402')).toEqual(from.get('buyer-profiles', '毛毛雨920402'));
    expect(await records(to, 'sync-runs')).toEqual(await records(from, 'sync-runs'));
    const orders = report.parts.find((p) => p.name === 'orders')!;
    expect(orders.destination).toEqual(orders.source);
    expect(orders.destination.count).toBe(ORDER_COUNT);
    // 250 orders in batches of 100 are three writes; three more for the three small collections.
    expect(to.stats().transactions).toBe(6);
    expect(progress.at(-1)).toBe(ORDER_COUNT + 4 + 3);
  });

  it('when the destination holds a document, then the copy is refused and the destination is as it was', async () => {
    const from = createMemoryStore();
    await fillShop(from, 5);
    const to = createMemoryStore();
    await to.transact((tx) => tx.put('orders', 'old', { tid: 'old' }));
    const before = await digestStore(to);

    const err = await copyStore(from, to).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DestinationNotEmptyError);
    expect((err as Error).message).toContain('集合 orders');
    expect(await digestStore(to)).toEqual(before);
  });

  it('when the destination holds only a log record, then the copy is refused too', async () => {
    const from = createMemoryStore();
    await fillShop(from, 5);
    const to = createMemoryStore();
    await to.log('sync-runs').append({ at: 'x' });
    await expect(copyStore(from, to)).rejects.toThrow(/日志 sync-runs/);
    expect(to.count('orders')).toBe(0);
  });

  it('when a document of the destination is changed before it is read back, then the check fails naming that collection', async () => {
    const from = createMemoryStore();
    await fillShop(from, 20);
    const to = createMemoryStore();
    const err = await copyStore(from, to, {
      readBack: async () => {
        await to.transact((tx) => tx.put('parcels', 'sf:SF10001', { waybill: 'SF10001', company: 'sf', steps: [1] }));
        return to;
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CopyMismatchError);
    expect((err as CopyMismatchError).params).toEqual({ collections: ['parcels'], logs: [] });
    expect((err as Error).message).toContain('集合 parcels（来源 2 条，目标 2 条，内容不同）');
  });

  it('when a log of the destination gains a record before it is read back, then the check names the log and both counts', async () => {
    const from = createMemoryStore();
    await fillShop(from, 3);
    const to = createMemoryStore();
    const err = await copyStore(from, to, {
      readBack: async () => {
        await to.log('sync-runs').append({ at: 'later' });
        return to;
      },
    }).catch((e: unknown) => e);
    expect((err as CopyMismatchError).params).toEqual({ collections: [], logs: ['sync-runs'] });
    expect((err as Error).message).toContain('日志 sync-runs（来源 2 条，目标 3 条）');
  });

  it('when a lowdb store is copied to lowdb and a shard file is edited on disk before the read back, then the check names orders', async () => {
    const src = await tempDir();
    const dst = await tempDir();
    const from = await openLowdbStore({ dir: src, collections: STORE_COLLECTIONS });
    await fillShop(from, 30);
    let to: Store = await openLowdbStore({ dir: dst, collections: STORE_COLLECTIONS });
    try {
      const err = await copyStore(from, to, {
        readBack: async () => {
          await to.close();
          // Checkpointed at close: the orders are in their shard files. One amount changes by a fen.
          const folder = join(dst, 'collections', 'orders');
          for (const file of await readdir(folder)) {
            const text = await readFile(join(folder, file), 'utf8');
            if (!text.includes('"payment":1007')) continue;
            await writeFile(join(folder, file), text.replace('"payment":1007', '"payment":1008'));
          }
          to = await openLowdbStore({ dir: dst, collections: STORE_COLLECTIONS });
          return to;
        },
      }).catch((e: unknown) => e);
      expect((err as CopyMismatchError).params).toEqual({ collections: ['orders'], logs: [] });
    } finally {
      await to.close();
      await from.close();
    }
  });
});
