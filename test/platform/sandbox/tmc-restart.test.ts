import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSandboxSide, type SandboxSide } from '../../../src/service/sandbox-side.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { fixedClock } from '../../../src/shared/time.js';
import { NOW } from './fixtures.js';
import { connectConsumer } from './tmc-client.js';
import { serveTmc } from './tmc-server.js';

/** The sandbox as the service (and `xiaoer sandbox`) opens and closes it: its own folder, its own store. */
let dir: string;
let side: SandboxSide | null = null;
const open = async () =>
  (side = await openSandboxSide({
    dir,
    seed: 6,
    orders: 200,
    tickMs: 0,
    clock: fixedClock(NOW),
    logger: silentLogger(),
  }));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-sandbox-side-'));
});
afterEach(async () => {
  await side?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('sandbox TMC across a restart of the sandbox side', () => {
  it('when the sandbox closes with a message nobody confirmed, then after it opens again a consumer receives that message', async () => {
    let s = await open();
    const tid = s.shop.tradesByCreated(0, NOW, {}, { pageNo: 1, pageSize: 1 }).items[0]!.tid;
    await s.shop.updateMemo(tid, { memo: '重启前的备注' });
    expect(s.tmc.stats().queued).toBe(1);
    await s.close();
    side = null;

    s = await open();
    const srv = await serveTmc(s.tmc);
    const c = await connectConsumer(srv.url);
    try {
      const m = await c.next((x) => x.topic === 'taobao_trade_TradeMemoModified');
      expect(m.content).toContain('重启前的备注');
    } finally {
      await c.close();
      await srv.close();
    }
  });
});
