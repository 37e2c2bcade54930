import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppendLog } from '../../src/storage/append-log.js';

/** Opens as the append log makes them: files for appending (a+) and folders for fsync (r), in order. */
const hooks = vi.hoisted(() => ({ events: [] as string[] }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const open = (async (path: string, flags?: string, mode?: number) => {
    const handle = await real.open(path, flags, mode);
    if (flags === 'r' || flags === 'a+') hooks.events.push(`open-${flags} ${String(path)}`);
    return handle;
  }) as typeof real.open;
  return { ...real, open, default: { ...real, open } };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-applog-'));
  hooks.events = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an append log file', () => {
  it('when its first append is acknowledged, then the new file was created and its folder fsynced before', async () => {
    const path = join(dir, 'job-runs.jsonl');
    const log = createAppendLog<{ n: number }>(path);
    await log.append({ n: 1 });
    expect(hooks.events).toEqual([`open-a+ ${path}`, `open-r ${dir}`]);
    await log.append({ n: 2 });
    // The file stays open: later appends need no folder fsync.
    expect(hooks.events).toHaveLength(2);
    const read: number[] = [];
    for await (const r of log.read()) read.push(r.n);
    expect(read).toEqual([1, 2]);
    await log.close();
  });
});
