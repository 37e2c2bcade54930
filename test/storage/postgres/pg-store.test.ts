/**
 * The Store contract on PostgreSQL (src/storage/postgres/store): what lowdb promises one process, for several
 * instances on one database — writes of all instances serialized, each instance seeing the others' writes.
 */
import { describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../../../src/shared/errors.js';
import { openPostgresStore, type PostgresStore } from '../../../src/storage/postgres/index.js';
import type { Migration, ExternalChange } from '../../../src/storage/index.js';
import { postgresPerTest } from '../../support/postgres.js';
import { startTcpProxy } from '../../support/tcp-proxy.js';

const pg = postgresPerTest('store');

const database = () => pg.database();

async function instance(
  url: string,
  id: string,
  migrations: Migration[] = [],
  tombstoneKeepMs?: number,
): Promise<PostgresStore> {
  return pg.closeAfter(await openPostgresStore({ url, instanceId: id, migrations, pollMs: 60_000, tombstoneKeepMs }));
}

describe('the PostgreSQL store', () => {
  it('keeps documents and logs across a reopen, in their own tables', async () => {
    const url = await database();
    const a = await instance(url, 'a');
    await a.transact((tx) => {
      tx.put('orders', 't1', { tid: 't1', status: 'WAIT_BUYER_PAY', buyerNick: '小王', items: [{ invoiceNo: 'SF1' }] });
      tx.put('tasks', 'k1', { id: 'k1', title: '回电' });
    });
    await a.transact((tx) => tx.delete('tasks', 'k1'));
    await a.log<{ n: number }>('sync-runs').append({ n: 1 }, { n: 2 });
    expect(a.get('orders', 't1')).toMatchObject({ buyerNick: '小王' });
    await a.close();

    const b = await instance(url, 'b');
    expect(b.get('orders', 't1')).toMatchObject({ tid: 't1' });
    expect(b.get('tasks', 'k1')).toBeUndefined();
    expect(b.count('tasks')).toBe(0);
    const logged: unknown[] = [];
    for await (const r of b.log('sync-runs').read()) logged.push(r);
    expect(logged).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await b.inventory()).toEqual({ collections: ['orders'], logs: ['sync-runs'] });
    // The order's own table answers the domain's queries by its generated columns.
    const { rows } = await b.pool.query(
      "select tid from orders where waybills @> '\"SF1\"' and status = 'WAIT_BUYER_PAY'",
    );
    expect(rows).toEqual([{ tid: 't1' }]);
  });

  it('lets a transaction read its own writes at once, and refuses one that throws without keeping anything', async () => {
    const a = await instance(await database(), 'a');
    const written = a.transact((tx) => tx.put('tasks', 'k', { v: 1 }));
    expect(a.get('tasks', 'k')).toEqual({ v: 1 });
    await written;
    await expect(
      a.transact((tx) => {
        tx.put('tasks', 'k', { v: 2 });
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(a.get('tasks', 'k')).toEqual({ v: 1 });
  });

  it('shows a write of one instance on the other once it catches up, and tells its listeners', async () => {
    const url = await database();
    const [a, b] = [await instance(url, 'a'), await instance(url, 'b')];
    const told: ExternalChange[] = [];
    b.onExternalChange((c) => told.push(...c));
    await a.transact((tx) => tx.put('orders', 't9', { tid: 't9', status: 'TRADE_FINISHED' }));
    await b.catchUp();
    expect(b.get('orders', 't9')).toMatchObject({ status: 'TRADE_FINISHED' });
    expect(told).toEqual([
      { collection: 'orders', id: 't9', before: undefined, after: expect.objectContaining({ tid: 't9' }) },
    ]);
  });

  it('takes in another instance’s write by its notification, without being asked', async () => {
    const url = await database();
    const [a, b] = [await instance(url, 'a'), await instance(url, 'b')];
    await new Promise((r) => setTimeout(r, 300)); // b's listener connects
    const seen = new Promise<void>((resolve) => b.onExternalChange(() => resolve()));
    await a.transact((tx) => tx.put('tasks', 'x', { v: 1 }));
    await seen;
    expect(b.get('tasks', 'x')).toEqual({ v: 1 });
  });

  it('never loses an update when two instances change one document at once', async () => {
    const url = await database();
    const [a, b] = [await instance(url, 'a'), await instance(url, 'b')];
    const bump = (s: PostgresStore, who: string) =>
      s.transact((tx) => {
        const doc = tx.get<{ entries: string[] }>('remark-entries', 't1') ?? { entries: [] };
        tx.put('remark-entries', 't1', { entries: [...doc.entries, who] });
      });
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) writes.push(bump(a, `a${i}`), bump(b, `b${i}`));
    await Promise.all(writes);
    await Promise.all([a.catchUp(), b.catchUp()]);
    const entries = a.get<{ entries: string[] }>('remark-entries', 't1')!.entries;
    expect(entries).toHaveLength(80);
    expect(new Set(entries).size).toBe(80);
    // Each instance's own entries landed in the order it wrote them.
    expect(entries.filter((e) => e.startsWith('a'))).toEqual(Array.from({ length: 40 }, (_, i) => `a${i}`));
    expect(b.get('remark-entries', 't1')).toEqual({ entries });
  });

  it('runs a transaction again when another instance changed what it read, so a claim is won once', async () => {
    const url = await database();
    const [a, b] = [await instance(url, 'a'), await instance(url, 'b')];
    await a.transact((tx) => tx.put('messages', 'm1', { id: 'm1', key: 'k:1', state: 'queued' }));
    await b.catchUp();
    const claim = (s: PostgresStore) =>
      s.transact((tx) => {
        const m = tx.get<{ state: string }>('messages', 'm1')!;
        if (m.state !== 'queued') return false;
        tx.put('messages', 'm1', { ...m, state: 'sending', claimedBy: s.instanceId });
        return true;
      });
    const won = await Promise.all([claim(a), claim(b)]);
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  it('runs the store migrations once when two instances start at once', async () => {
    const url = await database();
    await instance(url, 'seed');
    let runs = 0;
    const migration: Migration = {
      version: 1,
      description: 'count',
      up: (tx) => {
        runs++;
        tx.put('meta-test', 'x', { runs });
      },
    };
    await Promise.all([instance(url, 'a', [migration]), instance(url, 'b', [migration])]);
    expect(runs).toBe(1);
  });

  it('answers a write during a database outage with a clear 503 error, keeps nothing, and writes again after', async () => {
    const proxy = await startTcpProxy(pg.cluster.port);
    try {
      const url = (await database()).replace(`:${pg.cluster.port}/`, `:${proxy.port}/`);
      const a = await instance(url, 'a');
      await a.transact((tx) => tx.put('tasks', 'before', { v: 1 }));
      await proxy.cut();
      const refused = a.transact((tx) => tx.put('tasks', 'during', { v: 2 }));
      await expect(refused).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(refused).rejects.toThrow('数据库暂时连不上');
      expect(a.get('tasks', 'during')).toBeUndefined();
      await expect(a.catchUp()).rejects.toBeInstanceOf(StorageUnavailableError);
      await proxy.restore();
      await a.transact((tx) => tx.put('tasks', 'after', { v: 3 }));
      const { rows } = await a.pool.query("select id from documents where collection = 'tasks' order by id");
      expect(rows.map((r) => r.id)).toEqual(['after', 'before']);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('prunes the rows of deleted documents, and an instance cut off past them reads everything again', async () => {
    const proxy = await startTcpProxy(pg.cluster.port);
    try {
      const url = await database();
      const a = await instance(url, 'a', [], 1);
      const b = await instance(url.replace(`:${pg.cluster.port}/`, `:${proxy.port}/`), 'b');
      await a.transact((tx) => tx.put('remark-outbox', 'e1', { id: 'e1', tid: 't1', queuedAt: 'x' }));
      await b.catchUp();
      expect(b.get('remark-outbox', 'e1')).toBeDefined();
      const told: ExternalChange[] = [];
      b.onExternalChange((c) => told.push(...c));
      await proxy.cut(); // b hears nothing of what follows
      await a.transact((tx) => tx.delete('remark-outbox', 'e1'));
      await new Promise((r) => setTimeout(r, 5));
      // The next commits prune the tombstone b never saw.
      await a.transact((tx) => tx.put('tasks', 'k', { v: 1 }));
      await new Promise((r) => setTimeout(r, 5));
      await a.transact((tx) => tx.put('tasks', 'k', { v: 2 }));
      const { rows } = await a.pool.query('select count(*)::int as n from remark_outbox');
      expect(rows[0].n).toBe(0);
      expect(b.get('remark-outbox', 'e1')).toBeDefined();
      await proxy.restore();
      await b.catchUp();
      expect(b.get('remark-outbox', 'e1')).toBeUndefined();
      expect(b.get('tasks', 'k')).toEqual({ v: 2 });
      expect(told).toContainEqual(expect.objectContaining({ collection: 'remark-outbox', id: 'e1', after: undefined }));
    } finally {
      await proxy.close();
    }
  }, 60_000);
});
