import { mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStore, readLock } from '../../src/storage/index.js';
import { shardFileName, shardOf } from '../../src/storage/shards.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-fail-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('storage failure modes', () => {
  it('when a checkpoint fails on one shard, then the other dirty shards stay dirty and no acknowledged write is lost', async () => {
    const s = await openLowdbStore({ dir, collections: { orders: { shards: 4 } }, checkpointIntervalMs: 3_600_000 });
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    for (const id of ids) await s.transact((tx) => tx.put('orders', id, { id }));
    // Block one shard file: a non-empty directory where the file must be renamed.
    const blocked = join(dir, 'collections', 'orders', shardFileName(shardOf('a', 4)));
    await mkdir(join(blocked, 'x'), { recursive: true });
    await expect(s.checkpoint()).rejects.toThrow();
    await rm(blocked, { recursive: true, force: true });
    await s.checkpoint();
    await s.close();
    const again = await openLowdbStore({ dir, collections: { orders: { shards: 4 } } });
    for (const id of ids) expect(again.get('orders', id), id).toEqual({ id });
    await again.close();
  });

  it('when a log fsync fails while a checkpoint starts, then the checkpoint fails and no shard file holds the unacknowledged write', async () => {
    const s = await openLowdbStore({ dir, checkpointIntervalMs: 3_600_000 });
    await s.transact((tx) => tx.put('orders', 'acked', { v: 1 }));
    const probe = await open(join(dir, 'probe'), 'w');
    const handle = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
    await probe.close();
    const datasync = handle.datasync;
    handle.datasync = () => Promise.reject(new Error('EIO: simulated fsync failure'));
    let results: PromiseSettledResult<unknown>[];
    try {
      const write = s.transact((tx) => tx.put('orders', 'not-acked', { v: 2 }));
      results = await Promise.allSettled([write, s.checkpoint()]);
    } finally {
      handle.datasync = datasync;
    }
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const shards = await readdir(join(dir, 'collections', 'orders')).catch(() => [] as string[]);
    for (const f of shards)
      expect(Object.keys(JSON.parse(await readFile(join(dir, 'collections', 'orders', f), 'utf8')).docs)).not.toContain(
        'not-acked',
      );
    // Closing a failed store reports the failure but still frees the lock, so a restart can recover.
    await expect(s.close()).rejects.toThrow(/write-ahead log could not be written/);
    // The restart replays the log: the acknowledged write is there. The failed one's bytes did reach
    // the log (only its fsync failed), so it may come back whole, as a commit whose answer was lost.
    const again = await openLowdbStore({ dir });
    expect(again.get('orders', 'acked')).toEqual({ v: 1 });
    expect([undefined, JSON.stringify({ v: 2 })]).toContain(
      again.get('orders', 'not-acked') && JSON.stringify(again.get('orders', 'not-acked')),
    );
    await again.close();
  });

  it('when a transaction changes what tx.get returned and then throws, then the store is unchanged', async () => {
    const s = await openLowdbStore({ dir });
    await s.transact((tx) => tx.put('lists', 'l', { list: [] as string[] }));
    await expect(
      s.transact((tx) => {
        const doc = tx.get<{ list: string[] }>('lists', 'l')!;
        doc.list.push('x');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(s.get('lists', 'l')).toEqual({ list: [] });
    await s.close();
  });

  it.each([
    ['a shard file is not JSON', (d: string) => writeFile(join(d, 'collections', 'orders', '000.json'), '{"docs": {')],
    [
      'meta.json names no segment',
      (d: string) => writeFile(join(d, 'meta.json'), '{"schemaVersion":0,"shards":{},"walCovered":-1}'),
    ],
    [
      'a shard count is not a number',
      (d: string) => writeFile(join(d, 'meta.json'), '{"schemaVersion":0,"shards":{"orders":0}}'),
    ],
  ])(
    'when opening fails because %s, then the lock is freed and the same process opens the store once it is mended',
    async (_, damage) => {
      const s = await openLowdbStore({ dir });
      await s.transact((tx) => tx.put('orders', 'kept', { v: 1 }));
      await s.close();
      const meta = await readFile(join(dir, 'meta.json'), 'utf8');
      const shard = await readFile(join(dir, 'collections', 'orders', '000.json'), 'utf8');
      await damage(dir);
      await expect(openLowdbStore({ dir })).rejects.toThrow();
      expect(await readLock(dir)).toBeNull();
      // A second try still meets the damage, not a lock held by this very process.
      await expect(openLowdbStore({ dir })).rejects.not.toMatchObject({ code: 'store_locked' });
      await writeFile(join(dir, 'meta.json'), meta);
      await writeFile(join(dir, 'collections', 'orders', '000.json'), shard);
      const again = await openLowdbStore({ dir });
      expect(again.get('orders', 'kept')).toEqual({ v: 1 });
      await again.close();
    },
  );

  it('when the lock names this very pid but no store of this process holds it, then it is a previous life and is taken over', async () => {
    await writeFile(join(dir, '.lock'), JSON.stringify({ pid: process.pid, startedAt: '2026-01-01T00:00:00Z' }));
    const s = await openLowdbStore({ dir });
    await expect(openLowdbStore({ dir })).rejects.toThrow(/locked|使用/);
    await s.close();
  });

  it.runIf(process.platform === 'linux')(
    'when the lock names a live pid that started after the lock was written, then it is a reused pid and the lock is taken over',
    async () => {
      const stranger = spawn('sleep', ['30'], { stdio: 'ignore' });
      try {
        await new Promise((resolve) => stranger.once('spawn', resolve));
        await writeFile(
          join(dir, '.lock'),
          JSON.stringify({
            pid: stranger.pid,
            startedAt: new Date(Date.now() - 60_000).toISOString(),
            port: 3299,
            token: 'old',
          }),
        );
        const s = await openLowdbStore({ dir });
        await s.close();
      } finally {
        stranger.kill();
      }
    },
  );

  it.runIf(process.platform === 'linux')(
    'when the lock names a live pid that started before the lock was written, then the store is refused as locked',
    async () => {
      const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
      try {
        await new Promise((resolve) => holder.once('spawn', resolve));
        await writeFile(
          join(dir, '.lock'),
          JSON.stringify({ pid: holder.pid, startedAt: new Date(Date.now() + 1_000).toISOString() }),
        );
        await expect(openLowdbStore({ dir })).rejects.toThrow(/locked|使用/);
      } finally {
        holder.kill();
      }
    },
  );

  it('when two openers race for a stale lock, then exactly one gets the store', async () => {
    await writeFile(join(dir, '.lock'), JSON.stringify({ pid: 2 ** 22 + 7, startedAt: '2026-01-01T00:00:00Z' }));
    const results = await Promise.allSettled([openLowdbStore({ dir }), openLowdbStore({ dir })]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof openLowdbStore>>>).value.close();
  });
});

describe('the lock file while the service updates it', () => {
  it('when the lock is rewritten while a CLI reads it, then the reader always finds the holder, never an empty file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xiaoer-lock-'));
    try {
      const s = await openLowdbStore({ dir });
      let misses = 0;
      let done = false;
      const reader = (async () => {
        while (!done) if ((await readLock(dir)) === null) misses++;
      })();
      for (let i = 0; i < 200; i++) await s.advertise({ port: 40_000 + i, token: `t${i}`, cliUser: 'admin' });
      done = true;
      await reader;
      expect(misses).toBe(0);
      expect(await readLock(dir)).toMatchObject({ port: 40_199, cliUser: 'admin' });
      // It holds the CLI's token: only the owner may read it, after every rewrite too.
      expect((await stat(join(dir, '.lock'))).mode & 0o777).toBe(0o600);
      await s.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
