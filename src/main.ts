import { ConfigError, loadConfig } from './config/index.js';
import { startService } from './service/index.js';

/** `npm start`: load the config, serve, and shut down cleanly on a signal so no write is cut short. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exit(2);
    }
    throw err;
  }
  const service = await startService(config);
  const shown = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  process.stdout.write(`小二 xiaoer is serving at http://${shown}:${service.port} (${config.platform.kind} shop)\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: finishing writes and stopping…\n`);
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: Error & { code?: string }) => {
  process.stderr.write(`小二无法启动：${err.message}\n`);
  process.exit(1);
});
