import type { Config } from '../config/index.js';
import type { StartOptions } from '../service/index.js';
import { createLogger, silentLogger } from '../shared/logger.js';
import { createApiClient, type XiaoerApi } from './api-client.js';
import { serverApi } from './server-target.js';
import { runningService } from './service-client.js';

const DEBUG_LEVELS = new Set(['debug', 'trace']);

/** Where a command's work is done: the running service, or the instance this CLI started for itself. */
export type Where = { kind: 'service'; pid: number } | { kind: 'in-process' } | { kind: 'server'; url: string };

/** What a command needs to find where its work is done; both are read only when the command runs. */
export interface CliContext {
  /** This machine's config (data folder, cliUser): used only without a chosen server. */
  config: () => Config;
  /** The server chosen with --server (or XIAOER_SERVER), normalised; undefined: this machine's data folder. */
  server: () => string | undefined;
}

/**
 * Every command's way to its API: a chosen server as the person logged in to it (server-target.ts), otherwise the
 * data folder's one writer as below, exactly as before there were several instances.
 */
export async function withCommandApi<T>(
  cli: CliContext,
  work: (api: XiaoerApi, where: Where) => Promise<T>,
  opts: Pick<StartOptions, 'onSyncProgress'> = {},
): Promise<T> {
  const server = cli.server();
  if (server) return work(await serverApi(server), { kind: 'server', url: server });
  return withApi(cli.config(), work, opts);
}

/**
 * Runs a CLI command against the one writer of the data folder, always through its HTTP API: the
 * running service's when there is one, otherwise the same composition root started here (no jobs,
 * no initial sync, on 127.0.0.1 port 0, advertising nothing), with a token for config.cliUser that
 * lives in this process only. The command is written once, against `api`.
 */
export async function withApi<T>(
  config: Config,
  work: (api: XiaoerApi, where: Where) => Promise<T>,
  opts: Pick<StartOptions, 'onSyncProgress'> = {},
): Promise<T> {
  const service = await runningService(config);
  if (service) return work(createApiClient(service), { kind: 'service', pid: service.pid });
  // Loaded only here: a command sent to the running service needs none of the service's modules.
  const { startService } = await import('../service/index.js');
  const svc = await startService(
    { ...config, port: 0, host: '127.0.0.1' },
    {
      jobs: false,
      initialSync: false,
      advertise: false,
      onSyncProgress: opts.onSyncProgress,
      // The service's log is English JSON for whoever runs it, not for a shop person's terminal: it stays quiet
      // unless asked for (XIAOER_LOG_LEVEL=debug), e.g. to see what lies behind an HTTP 500 "服务器内部错误".
      logger: DEBUG_LEVELS.has(config.logLevel)
        ? createLogger({ level: config.logLevel, destination: process.stderr })
        : silentLogger(),
    },
  );
  try {
    let token: string;
    try {
      token = svc.issueCliToken();
    } catch {
      throw new Error(
        `cliUser "${config.cliUser}" 不是已配置的员工账号：请在 data/config.json 里把 cliUser 设为命令行代表的账号。`,
      );
    }
    return await work(createApiClient({ baseUrl: svc.url, token, name: '小二服务' }), { kind: 'in-process' });
  } finally {
    await svc.close();
  }
}

/** `--field amount=5 --field sku=A1023` → { amount: '5', sku: 'A1023' } */
export function collectFields(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new Error(`--field 要写成 key=value，收到的是 "${value}"`);
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}
