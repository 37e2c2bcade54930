/**
 * Moving a shop between lowdb and a real PostgreSQL (`xiaoer store copy`): there and back with equal counts and
 * digests, a non-empty database refused without --force and replaced with it, a row changed in the database
 * before the read back caught by name.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyStoreBetween } from '../../../src/service/index.js';
import { MIGRATIONS } from '../../../src/service/migrations.js';
import { STORE_COLLECTIONS } from '../../../src/service/store-layout.js';
import { copyStore, CopyMismatchError, digestStore, type StoreDigest } from '../../../src/storage/copy/index.js';
import { openLowdbStore, type Store } from '../../../src/storage/index.js';
import { openPostgresStore, type PostgresStore } from '../../../src/storage/postgres/index.js';
import { startPostgres, type TestPostgres } from '../../support/postgres.js';
import { fillShop, ORDER_COUNT } from './support/shop.js';

let pg: TestPostgres;
let root: string;
let n = 0;

beforeAll(async () => {
  pg = await startPostgres();
  root = await mkdtemp(join(tmpdir(), 'xiaoer-copy-pg-'));
}, 120_000);
afterAll(async () => {
  await pg?.stop();
  await rm(root, { recursive: true, force: true });
});

const database = () => pg.createDatabase(`copy_${++n}`);
const openPg = (url: string) =>
  openPostgresStore({ url, instanceId: `test-${++n}`, migrations: MIGRATIONS, pollMs: 60_000 });

async function using<S extends Store, R>(open: Promise<S>, fn: (s: S) => Promise<R>): Promise<R> {
  const store = await open;
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
const openFolder = (dir: string) => openLowdbStore({ dir, collections: STORE_COLLECTIONS, migrations: MIGRATIONS });
const folderDigest = (dir: string): Promise<StoreDigest> => using(openFolder(dir), (s) => digestStore(s));
const pgDigest = (url: string): Promise<StoreDigest> => using(openPg(url), (s) => digestStore(s));

async function shopFolder(name: string): Promise<string> {
  const dir = join(root, name);
  await using(openFolder(dir), (s) => fillShop(s));
  return dir;
}

describe('store copy with PostgreSQL', () => {
  it('when a lowdb shop goes to PostgreSQL and back, then every step digests the same and the orders are in their table', async () => {
    const data = await shopFolder('data');
    const url = await database();
    const there = await copyStoreBetween({ from: data, to: url });
    expect(there.parts.find((p) => p.name === 'orders')!.destination.count).toBe(ORDER_COUNT);

    const back = join(root, 'back');
    await copyStoreBetween({ from: url, to: back });

    const original = await folderDigest(data);
    expect(await pgDigest(url)).toEqual(original);
    expect(await folderDigest(back)).toEqual(original);
    // In the shaped table the domain's queries read, not a blob.
    const rows = await using(openPg(url), (s: PostgresStore) => s.pool.query('select count(*)::int as n from orders'));
    expect(rows.rows[0]).toEqual({ n: ORDER_COUNT });
  });

  it('when the database already holds a store, then without --force it is refused and unchanged; with it, replaced', async () => {
    const data = await shopFolder('data-2');
    const url = await database();
    await using(openPg(url), async (s) => {
      await s.transact((tx) => tx.put('notes', 'n1', { text: '别的店' }));
      await s.log('old-log').append({ old: true });
    });
    const before = await pgDigest(url);

    await expect(copyStoreBetween({ from: data, to: url })).rejects.toThrow(
      /目标里已经有数据（集合 notes；日志 old-log）/,
    );
    expect(await pgDigest(url)).toEqual(before);

    await copyStoreBetween({ from: data, to: url, force: true });
    const replaced = await pgDigest(url);
    expect(replaced).toEqual(await folderDigest(data));
    expect(Object.keys(replaced.collections)).not.toContain('notes');
  });

  it('when an instance still serves the database, then even --force is refused and the database keeps its store', async () => {
    const data = await shopFolder('data-4');
    const url = await database();
    await using(openPg(url), async (s) => {
      await s.transact((tx) => tx.put('notes', 'n1', { text: '别的店' }));
      await s.pool.query(`insert into instances (id, host, pid, port) values ('i1', 'shop-1', 4242, 3000)`);
    });

    await expect(copyStoreBetween({ from: data, to: url, force: true })).rejects.toThrow(
      '目标数据库上还有 1 个小二实例在运行（shop-1 进程 4242 端口 3000）：请先停止它们，再搬家',
    );
    expect(Object.keys((await pgDigest(url)).collections)).toEqual(['notes']);
  });

  it('when a row is changed in the database before the read back, then the check names the collection', async () => {
    const url = await database();
    const from = await openFolder(await shopFolder('data-3'));
    let to: PostgresStore = await openPg(url);
    try {
      const err = await copyStore(from, to, {
        readBack: async () => {
          await to.close();
          to = await openPg(url);
          await to.pool.query(
            `update orders set doc = jsonb_set(doc::jsonb, '{payment}', '1', false)::json where tid = (select min(tid) from orders)`,
          );
          await to.close();
          to = await openPg(url);
          return to;
        },
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CopyMismatchError);
      expect((err as CopyMismatchError).params).toEqual({ collections: ['orders'], logs: [] });
    } finally {
      await to.close();
      await from.close();
    }
  });
});
