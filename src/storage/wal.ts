import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonLines } from './append-log.js';
import { openGroupFile, type GroupFile } from './group-file.js';

/** One change: put a document (doc) or delete it (doc null). Always the whole document, so replay is idempotent. */
export type WalOp = [collection: string, id: string, doc: unknown];

/**
 * The write-ahead log: every transaction is one JSON line, fsynced (with group commit) before the
 * transaction is acknowledged. Shard files are rewritten later by a checkpoint, which starts a new
 * segment and deletes the older ones once the shards are safely written.
 */
export interface Wal {
  /** Appends one transaction: the pieces of a JSON array of WalOp, then a newline. */
  append(pieces: readonly string[]): Promise<void>;
  /** Group commits (write + fsync rounds) since the log was opened. */
  syncs(): number;
  /** Bytes in the current segment. */
  bytes(): number;
  /** Starts a new segment; resolves with the finished older segments once their writes are on disk. */
  rotate(): Promise<string[]>;
  remove(segments: string[]): Promise<void>;
  close(): Promise<void>;
}

const SEGMENT = /^wal-(\d{8})\.jsonl$/;

/** Documents per stringified slice of a line: a slice of orders stays well under V8's 128 KiB large-object size. */
const OPS_PER_SLICE = 16;

/**
 * One transaction as the pieces of its log line (`[op,op,…]` and a newline). A page of a hundred
 * orders stringified at once is a ~270 KB string that V8 puts straight into the old generation,
 * where only a full collection frees it; a backfill writes a thousand of them, and that garbage set
 * the process's peak memory. Slices die young instead. The bytes are the same as one stringify.
 */
export function walLine(ops: readonly WalOp[]): string[] {
  if (ops.length <= OPS_PER_SLICE) return [JSON.stringify(ops), '\n'];
  const pieces = ['['];
  for (let i = 0; i < ops.length; i += OPS_PER_SLICE) {
    if (i) pieces.push(',');
    pieces.push(JSON.stringify(ops.slice(i, i + OPS_PER_SLICE)).slice(1, -1));
  }
  pieces.push(']\n');
  return pieces;
}

export async function listSegments(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => SEGMENT.test(n)).sort().map((n) => join(dir, n));
}

export async function* replaySegments(segments: string[], onBadLine: (file: string, line: number) => void): AsyncGenerator<WalOp> {
  for (const file of segments) {
    for await (const line of readJsonLines<WalOp[]>(file, (n) => onBadLine(file, n))) yield* line;
  }
}

export async function openWal(dir: string): Promise<Wal> {
  const existing = await listSegments(dir);
  let seq = existing.length ? Number(SEGMENT.exec(existing[existing.length - 1]!.split('/').pop()!)![1]) : 0;
  const segmentPath = (n: number) => join(dir, `wal-${String(n).padStart(8, '0')}.jsonl`);
  let current: GroupFile = await openGroupFile(segmentPath(++seq));
  let retiredSyncs = 0;

  let chain: Promise<unknown> = Promise.resolve();
  // Rotations are serialized: a checkpoint and a failed append may ask at the same time.
  function rotate(): Promise<string[]> {
    const next = chain.then(rotateNow);
    chain = next.catch(() => undefined);
    return next;
  }

  async function rotateNow(): Promise<string[]> {
    const old = current;
    current = await openGroupFile(segmentPath(++seq));
    await old.close();
    retiredSyncs += old.syncs();
    const olderOnDisk = (await listSegments(dir)).filter((p) => p < current.path);
    return olderOnDisk;
  }

  return {
    async append(pieces) {
      // A failed write may have torn the segment's tail: continue in a fresh segment.
      if (current.failed()) await rotate();
      await current.append(pieces);
    },
    bytes: () => current.bytes(),
    syncs: () => retiredSyncs + current.syncs(),
    rotate,
    async remove(segments) {
      await Promise.all(segments.map((s) => unlink(s).catch(() => undefined)));
    },
    async close() {
      await current.close();
    },
  };
}
