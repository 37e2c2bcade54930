import { mkdir, open, readFile, rmdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ConflictError } from '../shared/errors.js';
import { writeFileAtomic } from './atomic-file.js';

/**
 * lowdb is safe in one process only. The process that opens a store holds `<dir>/.lock`; a second
 * writer is refused. The running service records its port and a local token in the lock so the CLI
 * can send its work through the service's HTTP API instead of opening the store itself.
 */
export interface LockInfo {
  pid: number;
  startedAt: string;
  /** Set by the service once it listens. */
  port?: number;
  /** A local-only bearer token for the CLI (the lock file is mode 0600). */
  token?: string;
  /** The account that token acts as: a CLI configured as someone else must not borrow it. */
  cliUser?: string;
}

/** Lock files this process holds: a lock naming our own pid that is not here is a previous life's (pid reuse). */
const held = new Set<string>();

export function lockPath(dir: string): string {
  return join(dir, '.lock');
}

async function readRaw(path: string): Promise<LockInfo | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Clock ticks per second in /proc: 100 on every Linux xiaoer runs on (USER_HZ). */
const USER_HZ = 100;

/**
 * When a process started (epoch ms), from /proc on Linux; undefined where that cannot be read.
 * The holder of a lock started before it wrote the lock's `startedAt`: a live pid that started
 * later is a stranger that was handed a dead holder's pid.
 */
async function processStartMs(pid: number): Promise<number | undefined> {
  try {
    const [stat, system] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile('/proc/stat', 'utf8')]);
    // The command name may hold spaces and parentheses: fields are counted after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]); // field 22, starttime
    const bootSeconds = Number(/^btime (\d+)$/m.exec(system)?.[1]);
    return Number.isFinite(ticks) && Number.isFinite(bootSeconds)
      ? bootSeconds * 1000 + (ticks * 1000) / USER_HZ
      : undefined;
  } catch {
    return undefined;
  }
}

async function isHolder(info: LockInfo): Promise<boolean> {
  if (!isAlive(info.pid)) return false;
  const lockedAt = Date.parse(info.startedAt);
  const started = await processStartMs(info.pid);
  // Two seconds of slack for tick rounding and a clock that moved.
  return !(Number.isFinite(lockedAt) && started !== undefined && started > lockedAt + 2_000);
}

/** A lock still being written (empty or half-written, and young) counts as held. */
async function holderAlive(path: string, info: LockInfo | null): Promise<boolean> {
  if (!info)
    return stat(path).then(
      (st) => Date.now() - st.mtimeMs < 5_000,
      () => false,
    );
  return info.pid === process.pid ? held.has(path) : isHolder(info);
}

/** The live holder of a data folder's lock, or null. */
export async function readLock(dir: string): Promise<LockInfo | null> {
  const path = lockPath(dir);
  const info = await readRaw(path);
  return info && (await holderAlive(path, info)) ? info : null;
}

function lockedError(dir: string, holder: LockInfo): ConflictError {
  return new ConflictError({
    message: `数据目录 ${dir} 正被进程 ${holder.pid} 使用${holder.port ? `（服务端口 ${holder.port}），命令行命令会经由这个服务执行` : '，请等它结束后再试'}`,
    code: 'store_locked',
    params: { dir, pid: holder.pid, port: holder.port ?? null },
    detail: `the store is locked by pid ${holder.pid}${holder.port ? ` (xiaoer service on port ${holder.port}); CLI commands go through its HTTP API` : ''}`,
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Removes a stale lock (its holder crashed) under a small mkdir mutex, and only if it still holds
 * the stale content: two processes taking over at once can then never delete each other's fresh lock.
 */
async function removeStale(path: string): Promise<void> {
  const mutex = `${path}.takeover`;
  for (let i = 0; i < 100; i++) {
    try {
      await mkdir(mutex);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A takeover that crashed half-way leaves the mutex behind; it is old after a few seconds.
      const age = await stat(mutex).then(
        (st) => Date.now() - st.mtimeMs,
        () => 0,
      );
      if (age > 5_000) await rmdir(mutex).catch(() => undefined);
      else await sleep(20);
      continue;
    }
    try {
      const text = await readFile(path, 'utf8').catch(() => null);
      if (text === null) return;
      let info: LockInfo | null = null;
      try {
        info = JSON.parse(text) as LockInfo;
      } catch {
        /* unreadable: stale */
      }
      if (!(await holderAlive(path, info))) await unlink(path).catch(() => undefined);
      return;
    } finally {
      await rmdir(mutex).catch(() => undefined);
    }
  }
}

export async function acquireLock(
  dir: string,
): Promise<{ update(info: Partial<LockInfo>): Promise<void>; release(): Promise<void> }> {
  const path = lockPath(dir);
  let info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  if (held.has(path)) throw lockedError(dir, info);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o600);
      // Ours from the moment it exists, so a reader in this process never takes it for a previous life's.
      held.add(path);
      try {
        await fh.writeFile(JSON.stringify(info));
      } finally {
        await fh.close();
      }
      return {
        async update(more) {
          info = { ...info, ...more };
          // Replaced whole (temp file, rename): a CLI reading meanwhile sees the old lock or the new
          // one, never an empty file it would take for no holder.
          await writeFileAtomic(path, JSON.stringify(info));
        },
        async release() {
          held.delete(path);
          await unlink(path).catch(() => undefined);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = await readRaw(path);
      if (await holderAlive(path, holder)) throw lockedError(dir, holder ?? { pid: 0, startedAt: '' });
      await removeStale(path);
    }
  }
  throw new ConflictError({
    message: `无法锁定数据目录 ${dir}，请确认没有别的小二在运行后重试`,
    code: 'store_locked',
    params: { dir },
  });
}
