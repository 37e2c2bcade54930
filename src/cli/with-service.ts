import type { AxiosInstance } from 'axios';
import type { User } from '../accounts/index.js';
import { loadAccounts, toUser } from '../accounts/index.js';
import type { Config } from '../config/index.js';
import { startService, type RunningService } from '../service/index.js';
import { silentLogger } from '../shared/logger.js';
import { runningService } from './service-client.js';

/**
 * Runs a CLI command against the one writer of the data folder: through the running service's API
 * when there is one, otherwise on a private instance of the same composition root (no jobs, no
 * initial sync), acting as the configured CLI user.
 */
export async function withService<T>(
  config: Config,
  viaApi: (api: AxiosInstance) => Promise<T>,
  local: (svc: RunningService, user: User) => Promise<T>,
): Promise<T> {
  const api = await runningService(config);
  if (api) return viaApi(api);
  const accounts = await loadAccounts(config);
  const account = accounts.get(config.cliUser);
  if (!account) throw new Error(`cliUser "${config.cliUser}" is not a configured staff account (set cliUser in data/config.json)`);
  const svc = await startService({ ...config, port: 0, host: '127.0.0.1' }, { jobs: false, initialSync: false, advertise: false, logger: silentLogger() });
  try {
    return await local(svc, toUser(account));
  } finally {
    await svc.close();
  }
}

/** `--field amount=5 --field sku=A1023` → { amount: '5', sku: 'A1023' } */
export function collectFields(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new Error(`--field takes key=value, got "${value}"`);
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}
