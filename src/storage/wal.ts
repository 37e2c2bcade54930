import { readdir, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readJsonLines } from './append-log.js';
import { fsyncDir } from './atomic-file.js';
import { openGroupFile, type GroupFile } from './group-file.js';
import { ownEntry } from '../shared/own-entry.js';
import { decodeRow, type RowCodec, type RowLayout } from './row-layout.js';

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
  /**
   * Starts a new segment; resolves once the older segments' writes are on disk, with those segments
   * and `upTo`, the sequence number of the newest of them (every segment at or below it is covered).
   */
  rotate(): Promise<{ covered: string[]; upTo: number }>;
  /**
   * Deletes covered segments oldest first, one at a time, fsyncing the folder after each, and stops
   * at the first that cannot be deleted (rejecting with its error): the segments left on disk are
   * then always the newest ones, never an older one behind a deleted newer one.
   */
  remove(segments: string[]): Promise<void>;
  close(): Promise<void>;
}

const SEGMENT = /^wal-(\d{8})\.jsonl$/;

/** Documents per stringified slice of a line: a slice of orders stays well under V8's 128 KiB large-object size. */
const OPS_PER_SLICE = 16;

/**
 * The longest line a transaction may make, in UTF-16 code units: replay reads a line as one string,
 * and V8's strings stop at 2^29 − 24. A transaction that could be written but never read back would
 * stop the store from opening after the next crash.
 */
export const MAX_LINE_CHARS = 256 * 1024 * 1024;

/** A line carries the layout of its rows: that pays only with several documents of a collection. */
export const ROWS_FROM = 4;

/** An op whose document is a row of the line's layout for its collection. */
type RowOp = [collection: string, id: string, row: unknown[], rows: 1];
type WalLine = WalOp[] | { layouts: Record<string, RowLayout>; ops: (WalOp | RowOp)[] };

/** [`[op,op,…]`] as pieces, sliced so that no piece is a large object (see walLine). */
function arrayPieces(ops: readonly unknown[], pieces: string[]): void {
  if (ops.length <= OPS_PER_SLICE) {
    pieces.push(JSON.stringify(ops));
    return;
  }
  pieces.push('[');
  for (let i = 0; i < ops.length; i += OPS_PER_SLICE) {
    if (i) pieces.push(',');
    pieces.push(JSON.stringify(ops.slice(i, i + OPS_PER_SLICE)).slice(1, -1));
  }
  pieces.push(']');
}

/**
 * One transaction as the pieces of its log line, ending in a newline: a JSON array of ops, or, when
 * documents of a collection with a row codec are written as rows, `{"layouts":{…},"ops":[…]}`.
 * A page of a hundred orders stringified at once is a ~270 KB string that V8 puts straight into
 * the old generation, where only a full collection frees it; a backfill writes a thousand of them,
 * and that garbage set the process's peak memory. Slices die young instead.
 */
export function walLine(
  ops: readonly WalOp[],
  rowsOf?: (collection: string) => RowCodec | undefined,
  maxChars = MAX_LINE_CHARS,
): string[] {
  const pieces = linePieces(ops, rowsOf);
  let chars = 0;
  for (const p of pieces) chars += p.length;
  if (chars > maxChars) {
    throw new RangeError(
      `a transaction of ${ops.length} changes makes a ${chars}-character log line; at most ${maxChars} can be read back, so it is refused (split it)`,
    );
  }
  return pieces;
}

function linePieces(ops: readonly WalOp[], rowsOf?: (collection: string) => RowCodec | undefined): string[] {
  const pieces: string[] = [];
  const layouts = new Map<string, RowLayout>();
  let out: readonly (WalOp | RowOp)[] = ops;
  if (rowsOf && ops.length >= ROWS_FROM) {
    const docs = new Map<string, number>();
    for (const [c, , doc] of ops) if (doc !== null) docs.set(c, (docs.get(c) ?? 0) + 1);
    const encoded: (WalOp | RowOp)[] = [];
    for (const op of ops) {
      const codec = op[2] !== null && docs.get(op[0])! >= ROWS_FROM ? rowsOf(op[0]) : undefined;
      const row = codec?.encode(op[2]);
      if (!codec || !row) {
        encoded.push(op);
        continue;
      }
      encoded.push([op[0], op[1], row, 1]);
      layouts.set(op[0], codec.layout);
    }
    out = encoded;
  }
  if (!layouts.size) {
    arrayPieces(out, pieces);
    pieces.push('\n');
    return pieces;
  }
  // fromEntries defines own properties, whatever the collection is called.
  pieces.push(`{"layouts":${JSON.stringify(Object.fromEntries(layouts))},"ops":`);
  arrayPieces(out, pieces);
  pieces.push('}\n');
  return pieces;
}

/** The changes of one log line, rows decoded by the layouts the line carries. */
export function lineOps(line: unknown, where: string): WalOp[] {
  if (Array.isArray(line)) return line as WalOp[];
  const l = line as Exclude<WalLine, WalOp[]> | null;
  if (!l || typeof l !== 'object' || !Array.isArray(l.ops) || !l.layouts || typeof l.layouts !== 'object') {
    throw new Error(`${where}: a log line that is neither a list of changes nor changes with their row layouts`);
  }
  return l.ops.map((op) => {
    if (op.length !== 4) return op as WalOp;
    const [c, id, row] = op;
    const layout = ownEntry(l.layouts, c);
    if (!layout) throw new Error(`${where}: ${c}/${id} is a row, but the line has no layout for ${c}`);
    return [c, id, decodeRow(layout, row, `${where}: ${c}/${id}`)];
  });
}

/** A segment's sequence number, from its file name. */
export function segmentSeq(path: string): number {
  const m = SEGMENT.exec(basename(path));
  if (!m) throw new Error(`${path} is not a write-ahead log segment`);
  return Number(m[1]);
}

export async function listSegments(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => SEGMENT.test(n))
    .sort()
    .map((n) => join(dir, n));
}

export async function* replaySegments(
  segments: string[],
  onBadLine: (file: string, line: number) => void,
): AsyncGenerator<WalOp> {
  for (const file of segments) {
    for await (const line of readJsonLines<unknown>(file, (n) => onBadLine(file, n))) yield* lineOps(line, file);
  }
}

/**
 * Opens the log in a new segment. `coveredUpTo` is the last sequence a checkpoint recorded as covered:
 * numbering continues above it even when the folder is empty, since replay skips every segment at or
 * below it (a new segment numbered 1 would never be read back).
 */
export async function openWal(dir: string, coveredUpTo = 0): Promise<Wal> {
  const existing = await listSegments(dir);
  let seq = Math.max(coveredUpTo, existing.length ? segmentSeq(existing[existing.length - 1]!) : 0);
  const segmentPath = (n: number) => join(dir, `wal-${String(n).padStart(8, '0')}.jsonl`);
  // A new file's name is durable only once its folder is fsynced: its fdatasyncs alone do not keep it.
  const openSegment = async (n: number) => {
    const file = await openGroupFile(segmentPath(n));
    await fsyncDir(dir);
    return file;
  };
  let current: GroupFile = await openSegment(++seq);
  let retiredSyncs = 0;

  let chain: Promise<unknown> = Promise.resolve();
  // Rotations are serialized: a checkpoint and a failed append may ask at the same time.
  function rotate(): Promise<{ covered: string[]; upTo: number }> {
    const next = chain.then(rotateNow);
    chain = next.catch(() => undefined);
    return next;
  }

  async function rotateNow(): Promise<{ covered: string[]; upTo: number }> {
    const old = current;
    current = await openSegment(++seq);
    await old.close();
    retiredSyncs += old.syncs();
    // Also segments an earlier checkpoint failed to delete: this one retries them.
    const covered = (await listSegments(dir)).filter((p) => segmentSeq(p) < seq);
    return { covered, upTo: seq - 1 };
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
      // In parallel, a crash (or an unlink that failed for the older one only) could leave an older
      // segment behind a deleted newer one, and replaying it would bring back older documents.
      for (const s of [...segments].sort((a, b) => segmentSeq(a) - segmentSeq(b))) {
        await unlink(s).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOENT') throw err; // gone already: a retry after a crash
        });
        await fsyncDir(dir);
      }
    },
    async close() {
      await current.close();
    },
  };
}
