import axios, { type AxiosInstance } from 'axios';
import type { Config } from '../config/index.js';
import { readLock } from '../storage/index.js';

/**
 * lowdb allows one writer. When the service holds the data folder, the CLI sends its work through
 * the service's HTTP API, authenticated with the local token the service left in the 0600 lock file.
 */
export async function runningService(config: Config): Promise<AxiosInstance | null> {
  const lock = await readLock(config.dataDir);
  if (!lock) return null;
  if (!lock.port || !lock.token) {
    throw new Error(`数据目录正被进程 ${lock.pid} 使用，但它没有开放 HTTP 接口 / the data folder is locked by pid ${lock.pid}, which serves no API; wait for it to finish`);
  }
  // The token acts as the service's CLI account; remarks carry that person's name.
  if (lock.cliUser !== undefined && lock.cliUser !== config.cliUser) {
    throw new Error(
      `运行中的服务以 "${lock.cliUser}" 的身份接受命令行操作，而这里配置的是 "${config.cliUser}" / the running service acts for CLI commands as "${lock.cliUser}", ` +
        `but this CLI is configured as "${config.cliUser}": run it with the service's configuration (cliUser), so nothing is written under someone else's name`,
    );
  }
  return axios.create({
    baseURL: `http://127.0.0.1:${lock.port}/api`,
    headers: { authorization: `Bearer ${lock.token}` },
    proxy: false,
    timeout: 10 * 60_000,
  });
}

export function describeHttpError(err: unknown): string {
  if (axios.isAxiosError(err)) {
    const body = err.response?.data as { error?: { message?: string; field?: string } } | undefined;
    if (body?.error?.message) return `${body.error.message}${body.error.field ? ` [${body.error.field}]` : ''}`;
    return err.message;
  }
  return (err as Error).message;
}
