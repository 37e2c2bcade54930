import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { loadConfig } from '../../src/config/load-config.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { silentLogger } from '../../src/shared/logger.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The real service on port 0 over a temp data folder and a small sandbox shop, synced once. */
export async function serviceRig(
  env: Record<string, string> = {},
): Promise<{ svc: RunningService; dir: string; login(u: string): Promise<string>; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'xiaoer-svc-'));
  const config = loadConfig(
    { XIAOER_DATA_DIR: dir, PORT: '0', XIAOER_SANDBOX_ORDERS: '250', XIAOER_SANDBOX_TICK_MS: '0', ...env },
    ROOT,
  );
  const svc = await startService(config, { jobs: false, initialSync: false, logger: silentLogger() });
  await svc.sync.syncAll();
  return {
    svc,
    dir,
    async login(username) {
      const res = await request(svc.url).post('/api/session').send({ username, password: 'xiaoer-demo' }).expect(201);
      return res.body.token as string;
    },
    async close() {
      await svc.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
