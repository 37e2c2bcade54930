import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withApi } from '../../src/cli/with-service.js';
import { loadConfig } from '../../src/config/load-config.js';
import { readLock } from '../../src/storage/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a CLI command with no service running', () => {
  it('when it runs on its own short-lived instance, then the lock offers no port or token for another CLI to send work to', async () => {
    const config = loadConfig(
      { XIAOER_DATA_DIR: dir, XIAOER_SANDBOX_ORDERS: '20', XIAOER_SANDBOX_TICK_MS: '0', XIAOER_LOG_LEVEL: 'silent' },
      dir,
    );
    // The user is who the API says the token authenticates as: the instance serves the same routes, same auth.
    const seen = await withApi(config, async (api, where) => ({
      where: where.kind,
      lock: await readLock(config.dataDir),
      user: (await api.me()).username,
    }));
    expect(seen.where).toBe('in-process');
    expect(seen.user).toBe('admin');
    expect(seen.lock).toMatchObject({ pid: process.pid });
    expect(seen.lock?.port).toBeUndefined();
    expect(seen.lock?.token).toBeUndefined();
    expect(await readLock(config.dataDir)).toBeNull();
  });
});
