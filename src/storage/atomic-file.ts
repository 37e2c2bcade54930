import { open, rename, unlink, readFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { jsonPieces } from './json-pieces.js';
import { createTextWriter } from './text-writer.js';

let tmpCounter = 0;
/**
 * A writer lives for one file here: a checkpoint writes dozens of shard files, and a fresh 1 MiB
 * buffer for each was 64 MiB of garbage per checkpoint; 64 KiB writes cost no more.
 */
const FILE_BUFFER_BYTES = 64 * 1024;

/**
 * Writes a file (text, bytes, or text pieces) so that a crash at any moment leaves either the old or the new content:
 * write a temp file in the same folder, fsync it, rename over the target, fsync the folder.
 * Only then is the write acknowledged.
 */
export async function writeFileAtomic(path: string, data: string | Buffer | Iterable<string>): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++tmpCounter}.tmp`);
  const fh = await open(tmp, 'w', 0o600);
  try {
    try {
      // Pieces are produced while the file is open: one that cannot be serialized throws here.
      if (typeof data === 'string' || Buffer.isBuffer(data)) await fh.writeFile(data);
      else await createTextWriter(fh, FILE_BUFFER_BYTES).writeAll(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dirname(path));
}

export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** lowdb adapter over writeFileAtomic: lowdb keeps the data model, this keeps it crash-safe. */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly path: string,
    private readonly reviver?: (key: string, value: unknown) => unknown,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    try {
      return JSON.parse(text, this.reviver) as T;
    } catch (err) {
      throw new Error(
        `storage file ${this.path} is not valid JSON (${(err as Error).message}); restore it from a backup`,
        { cause: err },
      );
    }
  }

  async write(data: T): Promise<void> {
    // Streamed: a shard of 1,500 orders is megabytes of JSON, never built as one string.
    await writeFileAtomic(this.path, jsonPieces(data));
  }
}
