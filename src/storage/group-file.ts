import { open, type FileHandle } from 'node:fs/promises';
import { createTextWriter } from './text-writer.js';

/**
 * An append-only file with group commit: every caller's text waiting while a write is in flight
 * goes out in the next write round (through one bounded encode buffer), followed by a single fsync. A caller's promise
 * resolves only
 * once its bytes are on disk, so thousands of small appends a second cost a handful of fsyncs.
 */
export interface GroupFile {
  readonly path: string;
  /** Appends the pieces in order, as one record: they are never interleaved with another caller's. */
  append(pieces: string | readonly string[]): Promise<void>;
  /** Bytes in the file so far: an append counts once its write round has gone out. */
  bytes(): number;
  /** Write + fsync rounds so far (one per group commit). */
  syncs(): number;
  /** True after a failed write: the tail may be torn, so the owner should start a new file. */
  failed(): boolean;
  /** Waits for pending appends, then closes. */
  close(): Promise<void>;
}

export async function openGroupFile(path: string): Promise<GroupFile> {
  // a+: appends, and lets us read the last byte to see whether a crash tore the tail.
  const fh: FileHandle = await open(path, 'a+', 0o600);
  let pending: string[] = [];
  let waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let running: Promise<void> | null = null;
  let size = (await fh.stat()).size;
  let broken = false;
  // A crash can leave a torn last line; start on a fresh line so it stays the only bad one.
  if (size > 0) {
    const last = Buffer.alloc(1);
    await fh.read(last, 0, 1, size - 1);
    if (last[0] !== 0x0a) pending.push('\n');
  }
  let closed = false;
  let syncCount = 0;
  const writer = createTextWriter(fh);

  async function drain(): Promise<void> {
    while (pending.length) {
      const batch = waiters;
      const pieces = pending;
      pending = [];
      waiters = [];
      if (broken) {
        // The tail may be torn: nothing more goes into this file.
        for (const w of batch) w.reject(new Error(`${path}: an earlier write failed`));
        continue;
      }
      try {
        size += await writer.writeAll(pieces);
        await fh.datasync();
        syncCount++;
        for (const w of batch) w.resolve();
      } catch (err) {
        broken = true;
        for (const w of batch) w.reject(err);
      }
    }
  }

  return {
    path,
    append(pieces) {
      if (closed) return Promise.reject(new Error(`${path} is closed`));
      if (typeof pieces === 'string') pending.push(pieces);
      else for (const p of pieces) pending.push(p);
      const done = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
      if (!running)
        running = drain().finally(() => {
          running = null;
        });
      return done;
    },
    bytes: () => size,
    syncs: () => syncCount,
    failed: () => broken,
    async close() {
      closed = true;
      while (running) await running;
      await fh.close();
    },
  };
}
