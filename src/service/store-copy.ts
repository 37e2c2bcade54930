import { randomUUID } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { AppError, ConflictError, ValidationError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { copyStore, holdings, type CopyProgress, type CopyReport, type CopyStep } from '../storage/copy/index.js';
import { openLowdbStore, readLock, type Store } from '../storage/index.js';
import { MIGRATIONS } from './migrations.js';
import { STORE_COLLECTIONS } from './store-layout.js';

/** Where a store is: a lowdb data folder, or a PostgreSQL database by its URL. */
export type StoreLocation = { kind: 'lowdb'; dir: string } | { kind: 'postgres'; url: string };

export function storeLocation(text: string): StoreLocation {
  if (/^postgres(ql)?:\/\//i.test(text)) return { kind: 'postgres', url: text };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
    throw new ValidationError(`“${text}” 既不是数据目录，也不是以 “postgres://” 开头的数据库地址`, 'location');
  return { kind: 'lowdb', dir: resolve(text) };
}

/** What a lowdb data folder holds of its store: removed by --force, nothing else of the folder is touched. */
const STORE_PARTS = ['meta.json', 'collections', 'wal', 'logs'];
/** Files a data folder holds beside its store: a folder with only these takes a copy without --force. */
const FOLDER_FILES = ['config.json', 'README.md', 'sandbox', 'exports'];

/** The folder's entries, or [] when it does not exist yet. */
async function entriesOf(dir: string): Promise<string[]> {
  return readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
}

const isStoreFolder = (entries: string[]) => ['meta.json', 'collections', 'wal'].some((e) => entries.includes(e));

async function refuseIfInUse(dir: string, role: string): Promise<void> {
  const holder = await readLock(dir);
  if (holder) throw inUse(dir, role, holder.pid);
}

function inUse(dir: string, role: string, pid: unknown): ConflictError {
  return new ConflictError({
    message: `${role}数据目录 ${dir} 正被进程 ${String(pid)} 使用（小二服务可能还在运行）：请先停止它，再搬家`,
    code: 'store_in_use',
    params: { dir, pid: typeof pid === 'number' ? pid : null },
  });
}

async function openLowdb(dir: string, role: string, logger: Logger | undefined): Promise<Store> {
  try {
    return await openLowdbStore({ dir, collections: STORE_COLLECTIONS, migrations: MIGRATIONS, logger });
  } catch (err) {
    // The lock's own message sends CLI commands to the running service; a copy must wait for it to stop instead.
    if (err instanceof AppError && err.code === 'store_locked') throw inUse(dir, role, err.params?.pid);
    throw err;
  }
}

/**
 * Opens a database's store, refused while an instance serves it: one writing during the copy would make the source
 * and its copy differ, and --force would empty a database under a running service. Running instances are those
 * the instance registry holds with a fresh heartbeat.
 */
async function openPostgres(url: string, role: string, logger: Logger | undefined) {
  // Loaded only here: a shop on lowdb never loads pg.
  const { openPostgresStore, INSTANCE_STALE_MS } = await import('../storage/postgres/index.js');
  const store = await openPostgresStore({
    url,
    instanceId: `store-copy-${randomUUID().slice(0, 8)}`,
    logger,
    migrations: MIGRATIONS,
  });
  try {
    const running = await store.db
      .selectFrom('instances')
      .select(['host', 'pid', 'port'])
      .where('heartbeat_at', '>', sql<Date>`now() - make_interval(secs => ${INSTANCE_STALE_MS / 1000})`)
      .execute();
    if (running.length)
      throw new ConflictError({
        message:
          `${role}数据库上还有 ${running.length} 个小二实例在运行（` +
          running.map((r) => `${r.host} 进程 ${r.pid}${r.port ? ` 端口 ${r.port}` : ''}`).join('、') +
          '）：请先停止它们，再搬家',
        code: 'store_in_use',
        params: { instances: running.map((r) => ({ host: r.host, pid: r.pid, port: r.port })) },
      });
    return store;
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
}

async function openSource(at: StoreLocation, logger: Logger | undefined): Promise<Store> {
  if (at.kind === 'postgres') return openPostgres(at.url, '来源', logger);
  if (!isStoreFolder(await entriesOf(at.dir)))
    throw new ValidationError(
      `来源目录 “${at.dir}” 里没有小二的数据（没有 “meta.json”、“collections”、“wal”）`,
      'from',
    );
  return openLowdb(at.dir, '来源', logger);
}

/**
 * Opens the destination; with `force`, whatever it holds is removed first (a folder's store parts only, a
 * database's store tables), so the copy replaces it and never merges into it.
 */
async function openDestination(at: StoreLocation, force: boolean, logger: Logger | undefined): Promise<Store> {
  if (at.kind === 'postgres') {
    const store = await openPostgres(at.url, '目标', logger);
    const held = await holdings(store);
    if (force && (held.collections.length || held.logs.length)) await store.truncateAll();
    return store;
  }
  const entries = await entriesOf(at.dir);
  const strangers = entries.filter((e) => !STORE_PARTS.includes(e) && !FOLDER_FILES.includes(e) && e !== '.lock');
  if (!isStoreFolder(entries) && strangers.length)
    throw new ValidationError(
      `目标目录 ${at.dir} 不是小二的数据目录，里面已有别的文件（${strangers.slice(0, 5).join('、')}）：请换一个空目录`,
      'to',
    );
  if (force && isStoreFolder(entries)) {
    await refuseIfInUse(at.dir, '目标');
    for (const part of STORE_PARTS) await rm(join(at.dir, part), { recursive: true, force: true });
  }
  return openLowdb(at.dir, '目标', logger);
}

export interface StoreCopyOptions {
  from: string;
  to: string;
  /** Replace what the destination holds (never merge into it). */
  force?: boolean;
  onProgress?: (p: CopyProgress) => void;
  onStep?: (step: CopyStep) => void;
  logger?: Logger;
}

/** `xiaoer store copy`: opens both stores, copies, reads the destination back from disk or database, checks. */
export async function copyStoreBetween(opts: StoreCopyOptions): Promise<CopyReport> {
  const from = storeLocation(opts.from);
  const to = storeLocation(opts.to);
  if ((from.kind === 'lowdb' ? from.dir : from.url) === (to.kind === 'lowdb' ? to.dir : to.url))
    throw new ValidationError('来源和目标是同一个位置', 'to');
  const source = await openSource(from, opts.logger);
  let destination: Store | undefined;
  try {
    destination = await openDestination(to, opts.force === true, opts.logger);
    return await copyStore(source, destination, {
      onProgress: opts.onProgress,
      onStep: opts.onStep,
      // Closed and opened again: the check reads what reached the folder or the database.
      readBack: async () => {
        const written = destination!;
        destination = undefined;
        await written.close();
        destination = await openDestination(to, false, opts.logger);
        return destination;
      },
    });
  } finally {
    await destination?.close().catch(() => undefined);
    await source.close().catch(() => undefined);
  }
}
