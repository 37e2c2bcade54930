import type { Config } from '../config/index.js';
import { readLock } from '../storage/index.js';
import type { ServiceTarget } from './api-client.js';

/**
 * lowdb allows one writer. When the service holds the data folder, the CLI sends its work through
 * the service's HTTP API, authenticated with the local token the service left in the 0600 lock file.
 */
export async function runningService(config: Config): Promise<(ServiceTarget & { pid: number }) | null> {
  const lock = await readLock(config.dataDir);
  if (!lock) return null;
  if (!lock.port || !lock.token) {
    throw new Error(
      `数据目录正被进程 ${lock.pid} 使用，但它没有开放 HTTP 接口（可能是另一条命令行命令）：请等它结束后再运行。`,
    );
  }
  // The token acts as the service's CLI account; remarks carry that person's name.
  if (lock.cliUser !== undefined && lock.cliUser !== config.cliUser) {
    throw new Error(
      `运行中的服务以 "${lock.cliUser}" 的身份接受命令行操作，而这里配置的是 "${config.cliUser}"：` +
        '请用服务的配置（cliUser）运行命令行，免得以别人的名字写入任何东西。',
    );
  }
  return {
    baseUrl: `http://127.0.0.1:${lock.port}`,
    token: lock.token,
    name: `小二服务（进程 ${lock.pid}）`,
    pid: lock.pid,
  };
}
