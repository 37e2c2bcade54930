import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLowdbStore, type LowdbStore } from '../../src/storage/index.js';

/**
 * The file system as the store sees it, with two hooks: `unlinkHook` decides what an unlink does
 * (the real one unless it says otherwise), and `events` records unlinks and opens of folders for
 * reading (fsyncDir), so a test can see the order in which segments leave the disk.
 */
const hooks = vi.hoisted(() => ({
  unlinkHook: undefined as undefined | ((path: string) => Promise<void> | undefined),
  events: [] as string[],
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const unlink = async (path: string) => {
    hooks.events.push(`unlink ${String(path)}`);
    const hooked = hooks.unlinkHook?.(String(path));
    await (hooked ?? real.unlink(path));
    hooks.events.push(`unlinked ${String(path)}`);
  };
  const open = (async (path: string, flags?: string, mode?: number) => {
    if (flags === 'r') hooks.events.push(`open-dir ${String(path)}`);
    return real.open(path, flags, mode);
  }) as typeof real.open;
  return { ...real, unlink, open, default: { ...real, unlink, open } };
});

let dir: string;
let store: LowdbStore | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-segments-'));
  hooks.unlinkHook = undefined;
  hooks.events = [];
});
afterEach(async () => {
  hooks.unlinkHook = undefined;
  await store?.close().catch(() => undefined);
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

const walDir = (d: string) => join(d, 'wal');
const seg = (d: string, n: number) => join(walDir(d), `wal-${String(n).padStart(8, '0')}.jsonl`);
const segmentsOn = async (d: string) => (await readdir(walDir(d))).filter((f) => f.endsWith('.jsonl')).sort();
const failWith = (code: string) => Promise.reject(Object.assign(new Error(`${code}: simulated`), { code }));

/** The one shard file of `docs`, turned into a non-empty folder so that renaming over it fails. */
async function blockShard(d: string): Promise<() => Promise<void>> {
  const shard = join(d, 'collections', 'docs', '000.json');
  await mkdir(join(shard, 'x'), { recursive: true });
  return () => rm(shard, { recursive: true, force: true });
}

/** Makes a checkpoint fail after its rotation: the segment it covered stays, and so does the next one. */
async function failedCheckpoint(s: LowdbStore, d: string): Promise<void> {
  const unblock = await blockShard(d);
  await expect(s.checkpoint()).rejects.toThrow();
  await unblock();
}

/** What a crash at this instant leaves: a copy of the folder as it is, without the live process's lock. */
async function crashCopy(d: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'xiaoer-crashed-'));
  await cp(d, copy, { recursive: true, filter: (src) => !src.endsWith('.lock') });
  return copy;
}

async function versionAfterReopen(d: string): Promise<number | undefined> {
  const again = await openLowdbStore({ dir: d });
  try {
    return again.get<{ v: number }>('docs', 'doc')?.v;
  } finally {
    await again.close();
  }
}

const opts = (d: string) => ({ dir: d, checkpointIntervalMs: 3_600_000 });

describe('deleting the log segments a checkpoint covers', () => {
  it('when the unlink of the older of two covered segments fails and the process then dies, then reopening finds the newer version', async () => {
    store = await openLowdbStore(opts(dir));
    await store.transact((tx) => tx.put('docs', 'doc', { v: 1 })); // in wal-1
    await failedCheckpoint(store, dir); // wal-1 stays, writes go to wal-2
    await store.transact((tx) => tx.put('docs', 'doc', { v: 2 })); // in wal-2
    hooks.unlinkHook = (path) => (path === seg(dir, 1) ? failWith('EBUSY') : undefined);
    await store.checkpoint().catch(() => undefined); // covers wal-1 and wal-2; the shard file says v2
    const copy = await crashCopy(dir);
    try {
      // The older segment is still there; the newer one must be too, or replay must skip the older.
      expect(await segmentsOn(copy)).toContain('wal-00000001.jsonl');
      expect(await versionAfterReopen(copy)).toBe(2);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('when an older covered segment comes back after its newer one was deleted (a crash that kept the older unlink undone), then replay skips it', async () => {
    store = await openLowdbStore(opts(dir));
    await store.transact((tx) => tx.put('docs', 'doc', { v: 1 }));
    const older = await readFile(seg(dir, 1));
    await store.checkpoint(); // v1 into the shard file, wal-1 deleted, writes go to wal-2
    await store.transact((tx) => tx.put('docs', 'doc', { v: 2 }));
    await store.close(); // v2 into the shard file, wal-2 deleted
    store = undefined;
    await writeFile(seg(dir, 1), older);
    expect(await versionAfterReopen(dir)).toBe(2);
  });

  it('when three segments are covered and the second cannot be deleted, then they are deleted oldest first with the folder fsynced after each, the newest stays, and the next checkpoint deletes the rest', async () => {
    store = await openLowdbStore(opts(dir));
    for (let v = 1; v <= 3; v++) {
      await store.transact((tx) => tx.put('docs', 'doc', { v }));
      if (v < 3) await failedCheckpoint(store, dir);
    }
    expect(await segmentsOn(dir)).toEqual(['wal-00000001.jsonl', 'wal-00000002.jsonl', 'wal-00000003.jsonl']);
    hooks.unlinkHook = (path) => (path === seg(dir, 2) ? failWith('EBUSY') : undefined);
    hooks.events = [];
    await store.checkpoint().catch(() => undefined);
    // From the first unlink on (the rotation before it fsyncs the folder for the new segment).
    const walEvents = hooks.events.filter((e) => e.includes(walDir(dir)));
    const segmentEvents = walEvents.slice(walEvents.findIndex((e) => e.startsWith('unlink ')));
    expect(segmentEvents).toEqual([
      `unlink ${seg(dir, 1)}`,
      `unlinked ${seg(dir, 1)}`,
      `open-dir ${walDir(dir)}`,
      `unlink ${seg(dir, 2)}`,
    ]);
    expect(await segmentsOn(dir)).toEqual(['wal-00000002.jsonl', 'wal-00000003.jsonl', 'wal-00000004.jsonl']);

    hooks.unlinkHook = undefined;
    await store.checkpoint();
    expect(await segmentsOn(dir)).toEqual(['wal-00000005.jsonl']);
    await store.close();
    store = undefined;
    expect(await versionAfterReopen(dir)).toBe(3);
  });

  it('when every segment was deleted after checkpoints, then the next start numbers its segments after the covered ones, so none of its writes is skipped', async () => {
    store = await openLowdbStore(opts(dir));
    await store.transact((tx) => tx.put('docs', 'doc', { v: 1 }));
    await store.close();
    store = undefined;
    // An emptied log folder (by hand, say): numbering must not restart at 1, below what a checkpoint covered.
    for (const f of await segmentsOn(dir)) await rm(join(walDir(dir), f));
    store = await openLowdbStore(opts(dir));
    await store.transact((tx) => tx.put('docs', 'doc', { v: 2 }));
    const copy = await crashCopy(dir);
    try {
      expect(await versionAfterReopen(copy)).toBe(2);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
