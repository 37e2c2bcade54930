/** History, idempotency and the outbox survive a restart on the real lowdb store. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/storage/index.js';
import { createFakePlatform } from './support/fake-platform.js';
import { startHarness } from './support/harness.js';
import { seedOrders } from './support/orders.js';
import { fixedClock } from '../../src/shared/time.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('remarks on the real store', () => {
  it('when the service restarts, then the history, the idempotency of an entry and a pending entry are all still there', async () => {
    dir = await mkdtemp(join(tmpdir(), 'xiaoer-remarks-'));
    const platform = createFakePlatform(seedOrders(), fixedClock('2026-11-23T10:00:00+08:00'));
    const store1 = await openLowdbStore({ dir });
    const first = await startHarness({ store: store1, platform });
    expect((await first.remark('xiaoli', '2003', 'price.review_reward', { amount: '5' })).body.status).toBe('written');
    platform.down = true;
    expect((await first.remark('xiaoli', '2001', 'sale.record')).body.status).toBe('pending');
    await store1.close();

    platform.down = false;
    const store2 = await openLowdbStore({ dir });
    const second = await startHarness({ store: store2, platform, seed: false });
    const history = (await second.as('xiaozhou').get('/orders/2003/remarks')).body;
    expect(history.history).toHaveLength(1);
    expect(history.history[0]).toMatchObject({
      text: '扣除好评获奖金额5元+小丽/11.23',
      staff: '小丽',
      status: 'written',
      kind: 'price.review_reward',
      fields: { amount: 500 },
    });
    expect(history.memo.entries[0]).toMatchObject({ kind: 'price.review_reward', staff: '小丽' });

    const writes = platform.calls.updateMemo;
    expect((await second.remark('xiaoli', '2003', 'price.review_reward', { amount: '5.00' })).body.status).toBe(
      'already_present',
    );
    expect(platform.calls.updateMemo).toBe(writes);

    expect(await second.module.service.runOutbox()).toMatchObject({ written: 1 });
    expect(platform.order('2001').sellerMemo).toBe('小丽');
    await store2.close();
  });
});
