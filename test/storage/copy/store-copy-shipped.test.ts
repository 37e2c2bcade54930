/**
 * `xiaoer store copy` as shipped (dist): a copy prints its lines and exits 0; a refusal is said in Chinese on
 * stderr and exits non-zero, so a script moving a shop stops there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_COLLECTIONS } from '../../../src/service/store-layout.js';
import { openLowdbStore } from '../../../src/storage/index.js';
import { ensureBuiltCli, xiaoer } from '../../support/cli.js';
import { fillShop } from './support/shop.js';

let root: string;
let data: string;
beforeAll(async () => {
  await ensureBuiltCli();
  root = await mkdtemp(join(tmpdir(), 'xiaoer-store-copy-dist-'));
  data = join(root, 'data');
  const store = await openLowdbStore({ dir: data, collections: STORE_COLLECTIONS });
  await fillShop(store, 40);
  await store.close();
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('xiaoer store copy, shipped', () => {
  it('when a folder is copied, then the lines name each part checked and the exit code is 0; copied again, it is refused with a non-zero code', async () => {
    const to = join(root, 'copy');
    const { stdout } = await xiaoer(['store', 'copy', '--from', data, '--to', to], root);
    expect(stdout).toContain('集合 orders：40 条，校验一致');
    expect(stdout).toContain('日志 message-log：1 条，校验一致');

    const again: { code?: number; stderr: string } = await xiaoer(
      ['store', 'copy', '--from', data, '--to', to],
      root,
    ).catch((e: { code: number; stderr: string }) => e);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      '目标里已经有数据（集合 buyer-profiles、meta、orders、parcels；日志 message-log、sync-runs）',
    );
    expect(again.stderr).toContain('加上 --force');
    // Two starts of the CLI: several seconds each on a loaded two-core machine.
  }, 60_000);
});
