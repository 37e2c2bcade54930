import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStore, type LowdbStore } from '../../src/storage/index.js';

let dir: string;
let open: LowdbStore[] = [];

async function openAt(d = dir, extra: Partial<Parameters<typeof openLowdbStore>[0]> = {}) {
  const s = await openLowdbStore({ dir: d, collections: { orders: { shards: 8 } }, ...extra });
  open.push(s);
  return s;
}

async function closeAll() {
  for (const s of open.splice(0)) await s.close();
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-store-'));
});
afterEach(async () => {
  await closeAll();
  await rm(dir, { recursive: true, force: true });
});

async function readShards(d: string, coll: string): Promise<Record<string, unknown>> {
  const all: Record<string, unknown> = {};
  for (const f of await readdir(join(d, 'collections', coll))) {
    Object.assign(
      all,
      (JSON.parse(await readFile(join(d, 'collections', coll, f), 'utf8')) as { docs: Record<string, unknown> }).docs,
    );
  }
  return all;
}

describe('lowdb store', () => {
  it('when a transaction resolves, then its write is in the write-ahead log on disk before any checkpoint', async () => {
    const s = await openAt();
    await s.transact((tx) => tx.put('orders', 't1', { tid: 't1', memo: 'a' }));
    const segs = (await readdir(join(dir, 'wal'))).filter((f) => f.endsWith('.jsonl'));
    const text = (await Promise.all(segs.map((f) => readFile(join(dir, 'wal', f), 'utf8')))).join('');
    expect(text).toContain('"t1"');
  });

  it('when the store is closed and reopened, then every document is read back from the shard files', async () => {
    const s = await openAt();
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => s.transact((tx) => tx.put('orders', `t${i}`, { tid: `t${i}`, n: i }))),
    );
    await s.close();
    open = [];
    const onDisk = await readShards(dir, 'orders');
    expect(Object.keys(onDisk)).toHaveLength(200);
    expect((await readdir(join(dir, 'collections', 'orders'))).length).toBe(8);
    const again = await openAt();
    expect(again.count('orders')).toBe(200);
    expect(again.get<{ n: number }>('orders', 't42')?.n).toBe(42);
  });

  it('when two writers read-modify-write the same document at once, then no update is lost', async () => {
    const s = await openAt();
    await s.transact((tx) => tx.put('counters', 'c', { n: 0 }));
    await Promise.all(
      Array.from({ length: 500 }, () =>
        s.transact((tx) => {
          const cur = tx.get<{ n: number }>('counters', 'c')!;
          tx.put('counters', 'c', { n: cur.n + 1 });
        }),
      ),
    );
    expect(s.get<{ n: number }>('counters', 'c')?.n).toBe(500);
    await s.close();
    open = [];
    expect((await openAt()).get<{ n: number }>('counters', 'c')?.n).toBe(500);
  });

  it('when a transaction function throws, then none of its writes happen', async () => {
    const s = await openAt();
    await expect(
      s.transact((tx) => {
        tx.put('orders', 'a', { x: 1 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(s.get('orders', 'a')).toBeUndefined();
  });

  it('when a document cannot be stored as JSON, then the transaction is refused and memory is unchanged', async () => {
    const s = await openAt();
    await expect(s.transact((tx) => tx.put('orders', 'a', { big: 1n }))).rejects.toThrow();
    expect(s.get('orders', 'a')).toBeUndefined();
  });

  it('when the log ends in a torn line, then reopening keeps every complete transaction and skips the torn one', async () => {
    const s = await openAt();
    await s.transact((tx) => tx.put('orders', 'a', { v: 1 }));
    await s.transact((tx) => tx.put('orders', 'b', { v: 2 }));
    // Simulate a crash: copy the state as it is on disk now, without the clean close.
    const copy = await mkdtemp(join(tmpdir(), 'xiaoer-crash-'));
    await mkdir(join(copy, 'wal'), { recursive: true });
    for (const f of await readdir(join(dir, 'wal'))) {
      await writeFile(join(copy, 'wal', f), await readFile(join(dir, 'wal', f)));
    }
    const seg = (await readdir(join(copy, 'wal'))).sort().pop()!;
    await writeFile(join(copy, 'wal', seg), (await readFile(join(copy, 'wal', seg), 'utf8')) + '[["orders","c",{"v":');
    const recovered = await openAt(copy);
    expect(recovered.get('orders', 'a')).toEqual({ v: 1 });
    expect(recovered.get('orders', 'b')).toEqual({ v: 2 });
    expect(recovered.get('orders', 'c')).toBeUndefined();
    await recovered.transact((tx) => tx.put('orders', 'd', { v: 4 }));
    await recovered.close();
    open = open.filter((x) => x !== recovered);
    const third = await openAt(copy);
    expect(third.get('orders', 'd')).toEqual({ v: 4 });
    await third.close();
    open = open.filter((x) => x !== third);
    await rm(copy, { recursive: true, force: true });
  });

  it('when a checkpoint runs, then the covered log segments are removed and the shards hold the data', async () => {
    const s = await openAt(dir, { checkpointBytes: 1 });
    for (let i = 0; i < 20; i++) await s.transact((tx) => tx.put('orders', `t${i}`, { i }));
    await s.checkpoint();
    const onDisk = await readShards(dir, 'orders');
    expect(Object.keys(onDisk).length).toBe(20);
    const segs = (await readdir(join(dir, 'wal'))).filter((f) => f.endsWith('.jsonl'));
    expect(segs.length).toBe(1);
  });

  it('when a document is deleted, then it stays deleted after reopening', async () => {
    const s = await openAt();
    await s.transact((tx) => tx.put('orders', 'x', { v: 1 }));
    await s.transact((tx) => tx.delete('orders', 'x'));
    await s.close();
    open = [];
    expect((await openAt()).get('orders', 'x')).toBeUndefined();
  });

  it('when a second store opens the same folder, then it is refused with a clear message', async () => {
    await openAt();
    await expect(openLowdbStore({ dir })).rejects.toThrow(/locked|使用/);
  });

  it('when the shard count changes, then every document is still found and old files are cleaned up', async () => {
    const s = await openAt();
    for (let i = 0; i < 50; i++) await s.transact((tx) => tx.put('orders', `t${i}`, { i }));
    await s.close();
    open = [];
    const smaller = await openAt(dir, { collections: { orders: { shards: 3 } } });
    expect(smaller.count('orders')).toBe(50);
    await smaller.close();
    open = [];
    expect((await readdir(join(dir, 'collections', 'orders'))).length).toBe(3);
    const again = await openAt(dir, { collections: { orders: { shards: 3 } } });
    expect(again.count('orders')).toBe(50);
  });

  it('when records are appended to a log, then they are read back in order', async () => {
    const s = await openAt();
    const l = s.log<{ n: number }>('sync-history');
    await Promise.all(Array.from({ length: 100 }, (_, n) => l.append({ n })));
    const back: number[] = [];
    for await (const r of l.read()) back.push(r.n);
    expect(back).toHaveLength(100);
    expect(new Set(back).size).toBe(100);
  });
});

describe('append logs across restarts', () => {
  it('when a log is appended to after reopening, then old and new records read back, and a torn tail does not swallow the next record', async () => {
    const s = await openAt();
    await s.log<{ n: number }>('history').append({ n: 1 }, { n: 2 });
    await s.close();
    open = [];
    await writeFile(
      join(dir, 'logs', 'history.jsonl'),
      (await readFile(join(dir, 'logs', 'history.jsonl'), 'utf8')) + '{"n":',
    );
    const again = await openAt();
    await again.log<{ n: number }>('history').append({ n: 3 });
    const back: number[] = [];
    for await (const r of again.log<{ n: number }>('history').read()) back.push(r.n);
    expect(back).toEqual([1, 2, 3]);
  });

  it('when a log is appended to after its store closed, then it refuses instead of reopening the file behind the released lock', async () => {
    const s = await openAt();
    const log = s.log<{ n: number }>('history');
    await log.append({ n: 1 });
    await s.close();
    open = [];
    await expect(log.append({ n: 2 })).rejects.toThrow(/closed/);
    expect(await readFile(join(dir, 'logs', 'history.jsonl'), 'utf8')).toBe('{"n":1}\n');
  });
});
