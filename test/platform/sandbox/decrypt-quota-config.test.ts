import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/load-config.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-quota-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the sandbox decrypt quota setting', () => {
  it('when nothing sets it, then the sandbox grants a generous 5000 decrypts a day', () => {
    expect(loadConfig({}, dir).platform).toMatchObject({ kind: 'sandbox', decryptQuotaPerDay: 5000 });
  });

  it('when XIAOER_SANDBOX_DECRYPT_QUOTA is 0, then the quota is 0 (every decrypt refused); a negative one is refused', () => {
    expect(loadConfig({ XIAOER_SANDBOX_DECRYPT_QUOTA: '0' }, dir).platform).toMatchObject({ decryptQuotaPerDay: 0 });
    expect(() => loadConfig({ XIAOER_SANDBOX_DECRYPT_QUOTA: '-1' }, dir)).toThrow(ConfigError);
  });
});
