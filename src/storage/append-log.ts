import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { AppendLog } from './store.js';
import { fsyncDir } from './atomic-file.js';
import { openGroupFile, type GroupFile } from './group-file.js';

/**
 * Reads a JSONL file. A line that is not valid JSON can only be the torn tail of an append that a
 * crash interrupted (appends are acknowledged after fsync and a reopened file starts on a fresh
 * line), so it was never acknowledged: it is skipped and reported through `onBadLine`.
 */
export async function* readJsonLines<T>(path: string, onBadLine?: (lineNo: number) => void): AsyncGenerator<T> {
  try {
    await access(path);
  } catch {
    return;
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.length) continue;
    let value: T;
    try {
      value = JSON.parse(line) as T;
    } catch {
      onBadLine?.(lineNo);
      continue;
    }
    yield value;
  }
}

/** An AppendLog on a JSONL file with group commit; opened lazily on the first append. */
export function createAppendLog<T>(path: string): AppendLog<T> & { close(): Promise<void> } {
  let file: Promise<GroupFile> | null = null;
  let closed = false;
  return {
    async append(...records) {
      // After close the store may belong to another process: reopening here would make two writers.
      if (closed) throw new Error(`${path} is closed`);
      if (!records.length) return;
      // A new file's name is durable only once its folder is fsynced (as the write-ahead log does for a segment):
      // without it a crash could keep the folder without the file whose appends were acknowledged.
      file ??= openGroupFile(path).then(async (f) => {
        await fsyncDir(dirname(path));
        return f;
      });
      const f = await file;
      await f.append(records.flatMap((r) => [JSON.stringify(r), '\n']));
    },
    read: () => readJsonLines<T>(path),
    async close() {
      closed = true;
      if (file) await (await file).close();
      file = null;
    },
  };
}
