import { AppError, ConflictError } from '../../shared/errors.js';
import type { Store } from '../store.js';
import { digestCollection, digestLog, EMPTY_DIGEST, type Digest, type StoreDigest } from './checksum.js';

export interface CopyProgress {
  kind: 'collection' | 'log';
  name: string;
  /** Documents (or records) of this collection (or log) written so far, of `total`. */
  done: number;
  total: number;
  /** The same over everything copied. */
  overallDone: number;
  overallTotal: number;
}

export type CopyStep = 'digest-source' | 'write' | 'check';

export interface CopyOptions {
  /** Documents (or log records) per write: bounds what is held beyond the stores themselves. Default 1000. */
  batchSize?: number;
  onProgress?: (p: CopyProgress) => void;
  /** Told as each step starts: digesting the source, writing, reading the destination back to check it. */
  onStep?: (step: CopyStep) => void;
  /**
   * The destination as read back for the check (default: `to` as it is). The CLI closes the destination and
   * opens it again, so what is compared is what reached the disk or the database, not what this process holds.
   */
  readBack?: () => Promise<Store>;
}

/** One collection or log of the copy: the source's digest, and the destination's as read back. */
export interface CopiedPart {
  kind: 'collection' | 'log';
  name: string;
  source: Digest;
  destination: Digest;
}

export interface CopyReport {
  parts: CopiedPart[];
  source: StoreDigest;
}

/** The destination already holds documents or log records: nothing was written. */
export class DestinationNotEmptyError extends ConflictError {
  constructor(readonly holding: { collections: string[]; logs: string[] }) {
    const named = [
      ...(holding.collections.length ? [`集合 ${holding.collections.join('、')}`] : []),
      ...(holding.logs.length ? [`日志 ${holding.logs.join('、')}`] : []),
    ].join('；');
    super({
      message: `目标里已经有数据（${named}），为了不覆盖它，什么也没有复制`,
      code: 'store_copy_destination_not_empty',
      params: { collections: holding.collections, logs: holding.logs },
    });
  }
}

/** The destination, read back after the copy, differs from the source in these collections or logs. */
export class CopyMismatchError extends AppError {
  constructor(readonly mismatches: CopiedPart[]) {
    const said = mismatches.map(
      (m) =>
        `${m.kind === 'collection' ? '集合' : '日志'} ${m.name}（来源 ${m.source.count} 条，目标 ${m.destination.count} 条` +
        `${m.source.count === m.destination.count ? '，内容不同' : ''}）`,
    );
    super('store_copy_mismatch', {
      message: `复制后的校验不一致：${said.join('；')}。目标里的数据不完整，不要用它`,
      params: {
        collections: mismatches.filter((m) => m.kind === 'collection').map((m) => m.name),
        logs: mismatches.filter((m) => m.kind === 'log').map((m) => m.name),
      },
    });
  }
}

/** The collections and logs of a store that hold at least one document or record (a log file may be empty). */
export async function holdings(store: Store): Promise<{ collections: string[]; logs: string[] }> {
  const inv = await store.inventory();
  const logs: string[] = [];
  for (const name of inv.logs) {
    const records = store.log(name).read()[Symbol.asyncIterator]();
    if (!(await records.next()).done) logs.push(name);
    await records.return?.();
  }
  return { collections: inv.collections.filter((c) => store.count(c) > 0), logs };
}

/**
 * Copies every collection and every append log of `from` into `to`, which must hold nothing, then reads `to`
 * back and compares counts and sha256 digests per collection and per log: a difference throws CopyMismatchError
 * naming each part. Written only against the Store contract, so lowdb, PostgreSQL and memory stores all copy
 * to each other. The source must not change meanwhile (no service running on it).
 */
export async function copyStore(from: Store, to: Store, opts: CopyOptions = {}): Promise<CopyReport> {
  const batchSize = opts.batchSize ?? 1000;
  const present = await holdings(to);
  if (present.collections.length || present.logs.length) throw new DestinationNotEmptyError(present);

  opts.onStep?.('digest-source');
  const names = await from.inventory();
  const source: StoreDigest = { collections: {}, logs: {} };
  for (const c of names.collections) source.collections[c] = digestCollection(from, c);
  for (const l of names.logs) source.logs[l] = await digestLog(from, l);
  const overallTotal = [...Object.values(source.collections), ...Object.values(source.logs)].reduce(
    (n, d) => n + d.count,
    0,
  );
  let overallDone = 0;
  opts.onStep?.('write');
  const progress = (kind: CopyProgress['kind'], name: string, done: number, total: number) =>
    opts.onProgress?.({ kind, name, done, total, overallDone, overallTotal });

  for (const c of names.collections) {
    const total = source.collections[c]!.count;
    let batch: [string, unknown][] = [];
    let done = 0;
    const write = async () => {
      const docs = batch;
      batch = [];
      // A fresh object per document: `put` hands it over to the destination, which may freeze it.
      await to.transact((tx) => {
        for (const [id, doc] of docs) tx.put(c, id, structuredClone(doc));
      });
      done += docs.length;
      overallDone += docs.length;
      progress('collection', c, done, total);
    };
    for (const entry of from.entries(c)) {
      batch.push(entry);
      if (batch.length >= batchSize) await write();
    }
    if (batch.length) await write();
  }

  for (const l of names.logs) {
    const total = source.logs[l]!.count;
    const log = to.log(l);
    let batch: unknown[] = [];
    let done = 0;
    const write = async () => {
      const records = batch;
      batch = [];
      await log.append(...records);
      done += records.length;
      overallDone += records.length;
      progress('log', l, done, total);
    };
    for await (const record of from.log(l).read()) {
      batch.push(record);
      if (batch.length >= batchSize) await write();
    }
    if (batch.length) await write();
  }
  await to.flush();

  opts.onStep?.('check');
  const back = opts.readBack ? await opts.readBack() : to;
  const parts = await compareWith(source, back);
  const mismatches = parts.filter(
    (p) => p.source.sha256 !== p.destination.sha256 || p.source.count !== p.destination.count,
  );
  if (mismatches.length) throw new CopyMismatchError(mismatches);
  return { parts, source };
}

/** The destination's digest of every part either side holds (an extra collection in the destination is a mismatch). */
async function compareWith(source: StoreDigest, back: Store): Promise<CopiedPart[]> {
  const inv = await back.inventory();
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();
  const parts: CopiedPart[] = [];
  for (const c of union(Object.keys(source.collections), inv.collections))
    parts.push({
      kind: 'collection',
      name: c,
      source: source.collections[c] ?? EMPTY_DIGEST,
      destination: digestCollection(back, c),
    });
  for (const l of union(Object.keys(source.logs), inv.logs))
    parts.push({ kind: 'log', name: l, source: source.logs[l] ?? EMPTY_DIGEST, destination: await digestLog(back, l) });
  return parts;
}
