import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ConflictError } from '../shared/errors.js';

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
}

export function lockPath(dir: string): string {
  return join(dir, '.lock');
}

export async function readLock(dir: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await readFile(lockPath(dir), 'utf8')) as LockInfo;
    return isAlive(info.pid) ? info : null;
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

export async function acquireLock(dir: string): Promise<{ update(info: Partial<LockInfo>): Promise<void>; release(): Promise<void> }> {
  const path = lockPath(dir);
  let info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o600);
      await fh.writeFile(JSON.stringify(info));
      await fh.close();
      return {
        async update(more) {
          info = { ...info, ...more };
          const f = await open(path, 'w', 0o600);
          await f.writeFile(JSON.stringify(info));
          await f.close();
        },
        async release() {
          await unlink(path).catch(() => undefined);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = await readLock(dir);
      if (holder) {
        throw new ConflictError(
          `数据目录 ${dir} 正被进程 ${holder.pid} 使用${holder.port ? `（服务端口 ${holder.port}）` : ''}; the store is locked by pid ${holder.pid}` +
            (holder.port ? ` (xiaoer service on port ${holder.port}); CLI commands go through its HTTP API` : ''),
          'store_locked',
        );
      }
      // The holder is gone (a crash): the lock is stale.
      await unlink(path).catch(() => undefined);
    }
  }
  throw new ConflictError(`could not lock the data directory ${dir}`, 'store_locked');
}
