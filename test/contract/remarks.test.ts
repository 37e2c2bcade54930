/**
 * Remarks on lowdb and on PostgreSQL: the remark repository (src/remarks/remark-repository.ts: an order's history,
 * the outbox beside it, print marks) and the remark service's exactly-once path (POST /api/orders/:tid/remarks, on
 * the test harness of test/remarks): the same entry written twice lands once, also after a restart; on PostgreSQL,
 * two instances writing to one order both land, once each, in the memo's order — each instance with the order lock
 * the service takes across instances (src/storage/postgres/keyed-lock.ts).
 */
import { setTimeout } from 'node:timers/promises';
import { expect, it } from 'vitest';
import type { RemarkEntry } from '../../src/remarks/index.js';
import { createRemarkRepository } from '../../src/remarks/remark-repository.js';
import { fixedClock } from '../../src/shared/time.js';
import type { Store } from '../../src/storage/index.js';
import { createPostgresKeyedLock, type PostgresStore } from '../../src/storage/postgres/index.js';
import { describeEachStore } from '../support/each-store.js';
import { createFakePlatform } from '../remarks/support/fake-platform.js';
import { NOW, startHarness, type Username } from '../remarks/support/harness.js';
import { seedOrders } from '../remarks/support/orders.js';

function entry(id: string, over: Partial<RemarkEntry> = {}): RemarkEntry {
  return {
    id,
    tid: '2001',
    kind: 'copy.ordinary',
    variant: 'default',
    fields: {},
    text: `小丽/11.23 ${id}`,
    flag: null,
    staff: '小丽',
    username: 'xiaoli',
    at: '2026-11-23T10:00:00.000+08:00',
    day: '2026-11-23',
    status: 'written',
    platform: { attempts: 1, lastError: null, landedAt: '2026-11-23T10:00:01.000+08:00', flagAfter: 0 },
    taskId: null,
    ...over,
  };
}

const WANTED = { reason: '买家不想买了', state: 'wanted', attempts: 0, status: null, error: null, at: null } as const;

/**
 * The remark tests' fake platform answering a memo read after 30 ms, as the real one takes its time: without the
 * order lock across instances, a write on the other instance reads the memo in that gap and one entry is lost.
 */
function slowPlatform() {
  const platform = createFakePlatform(seedOrders(), fixedClock(NOW));
  const read = platform.getOrder.bind(platform);
  platform.getOrder = async (tid) => {
    await setTimeout(30);
    return read(tid);
  };
  return platform;
}

/** One service instance over `store`, the platform shared (it is an outside system), the lock across instances. */
async function serviceOn(
  url: string,
  store: PostgresStore,
  platform: ReturnType<typeof createFakePlatform>,
  seed: boolean,
  users: Username[],
) {
  const lock = createPostgresKeyedLock({ url, catchUp: () => store.catchUp() });
  const h = await startHarness({ store, platform, seed, lock });
  // Logged in beforehand, so the writes a test sends together reach the service together.
  for (const user of users) await h.token(user);
  return { h, close: () => lock.close() };
}

describeEachStore('remarks', (s) => {
  it('keeps an order’s entries in the order written, one per id, and queues exactly the pending ones', async () => {
    const repo = createRemarkRepository(s.store);
    expect(repo.forOrder('2001')).toEqual([]);
    await repo.save(entry('r-1', { status: 'pending', at: '2026-11-23T10:05:00.000+08:00' }));
    await repo.save(entry('r-2'));
    await repo.save(entry('r-3', { tid: '2002', status: 'pending', at: '2026-11-23T09:00:00.000+08:00' }));
    // r-1 lands later: replaced in its place, unqueued; a close still wanted keeps r-2 queued.
    await repo.save(entry('r-1', { status: 'written', at: '2026-11-23T10:05:00.000+08:00' }));
    await repo.save(entry('r-2', { close: { ...WANTED, followUpId: null } }));
    const again = createRemarkRepository(await s.reopen());
    expect(again.forOrder('2001').map((e) => [e.id, e.status])).toEqual([
      ['r-1', 'written'],
      ['r-2', 'written'],
    ]);
    expect(again.find('2001', 'r-2')!.close).toMatchObject({ state: 'wanted' });
    expect(again.find('2001', 'r-3')).toBeUndefined();
    expect(again.outbox().map((o) => [o.id, o.tid])).toEqual([
      ['r-3', '2002'],
      ['r-2', '2001'],
    ]);
    expect([...again.all()].map((e) => e.id).sort()).toEqual(['r-1', 'r-2', 'r-3']);
  });

  it('keeps an entry’s first place in the outbox when it is saved pending again', async () => {
    const repo = createRemarkRepository(s.store);
    await repo.save(entry('r-1', { status: 'pending', at: '2026-11-23T10:05:00.000+08:00' }));
    await repo.save(entry('r-2', { status: 'pending', at: '2026-11-23T10:06:00.000+08:00' }));
    await repo.save(entry('r-1', { status: 'pending', at: '2026-11-23T10:09:00.000+08:00' }));
    expect(repo.outbox().map((o) => [o.id, o.queuedAt])).toEqual([
      ['r-1', '2026-11-23T10:05:00.000+08:00'],
      ['r-2', '2026-11-23T10:06:00.000+08:00'],
    ]);
  });

  it('sets an order’s print mark once: a second mark does not move it', async () => {
    const repo = createRemarkRepository(s.store);
    await repo.setPrintMark({ tid: '2001', at: '2026-11-23T10:00:00.000+08:00', by: 'xiaoli' });
    await repo.setPrintMark({ tid: '2001', at: '2026-11-23T11:00:00.000+08:00', by: 'azhang' });
    expect(createRemarkRepository(await s.reopen()).printMark('2001')).toEqual({
      tid: '2001',
      at: '2026-11-23T10:00:00.000+08:00',
      by: 'xiaoli',
    });
  });

  it('lands the same entry once however often it is written, at once or after a restart', async () => {
    const platform = createFakePlatform(seedOrders(), fixedClock(NOW));
    const h = await startHarness({ store: s.store, platform });
    const write = () => h.remark('xiaoli', '2003', 'price.review_reward', { amount: '5' });
    const answers = await Promise.all([write(), write(), write()]);
    expect(answers.map((r) => r.body.status).sort()).toEqual(['already_present', 'already_present', 'written']);
    expect((await write()).body.status).toBe('already_present');
    const restarted = await startHarness({ store: await s.reopen(), platform, seed: false });
    const repeat = await restarted.remark('xiaoli', '2003', 'price.review_reward', { amount: '5.00' });
    expect(repeat.body.status).toBe('already_present');
    expect(platform.calls.updateMemo).toBe(1);
    expect(platform.order('2003').sellerMemo).toBe('扣除好评获奖金额5元+小丽/11.23');
    expect(createRemarkRepository(restarted.store).forOrder('2003')).toHaveLength(1);
  });

  if (s.kind === 'postgres') {
    it('lands every entry two instances save to one order at once, each instance’s in its order', async () => {
      const [a, b] = await s.instances();
      const [repoA, repoB] = [createRemarkRepository(a), createRemarkRepository(b)];
      const saves: Promise<void>[] = [];
      for (let i = 0; i < 8; i++)
        saves.push(repoA.save(entry(`a-${i}`, { status: 'pending' })), repoB.save(entry(`b-${i}`)));
      await Promise.all(saves);
      await Promise.all([a.catchUp(), b.catchUp()]);
      const ids = repoA.forOrder('2001').map((e) => e.id);
      expect(ids).toHaveLength(16);
      expect(ids.filter((id) => id.startsWith('a'))).toEqual(Array.from({ length: 8 }, (_, i) => `a-${i}`));
      expect(ids.filter((id) => id.startsWith('b'))).toEqual(Array.from({ length: 8 }, (_, i) => `b-${i}`));
      expect(repoB.forOrder('2001').map((e) => e.id)).toEqual(ids);
      expect(
        repoB
          .outbox()
          .map((o) => o.id)
          .sort(),
      ).toEqual(ids.filter((id) => id.startsWith('a')).sort());
    });

    it('lands the same entry once when two instances write it at the same moment', async () => {
      const [a, b] = await s.instances();
      const platform = slowPlatform();
      const one = await serviceOn(s.place, a, platform, true, ['xiaoli']);
      await b.catchUp();
      const two = await serviceOn(s.place, b, platform, false, ['xiaoli']);
      try {
        const answers = await Promise.all([
          one.h.remark('xiaoli', '2003', 'price.review_reward', { amount: '5' }),
          two.h.remark('xiaoli', '2003', 'price.review_reward', { amount: '5' }),
        ]);
        expect(answers.map((r) => r.body.status).sort()).toEqual(['already_present', 'written']);
        expect(platform.calls.updateMemo).toBe(1);
        await Promise.all([a.catchUp(), b.catchUp()]);
        for (const st of [a, b] as Store[]) expect(createRemarkRepository(st).forOrder('2003')).toHaveLength(1);
      } finally {
        await Promise.all([one.close(), two.close()]);
      }
    });

    it('lands two staff’s entries written on two instances to one order at once, in the memo’s order', async () => {
      const [a, b] = await s.instances();
      const platform = slowPlatform();
      const one = await serviceOn(s.place, a, platform, true, ['xiaoli', 'azhang']);
      await b.catchUp();
      const two = await serviceOn(s.place, b, platform, false, ['admin']);
      try {
        const answers = await Promise.all([
          one.h.remark('xiaoli', '2001', 'refund.in_trade', { sku: 'A1023', type: 'postage', amount: '10' }),
          two.h.remark('admin', '2001', 'copy.ordinary'),
          one.h.remark('azhang', '2001', 'sale.record'),
        ]);
        expect(answers.map((r) => r.body.status)).toEqual(['written', 'written', 'written']);
        const memo = platform.order('2001').sellerMemo.split('；');
        expect([...memo].sort()).toEqual(['A1023+可申请邮费10元+小丽/11.23', '管理员/11.23', '阿张'].sort());
        await Promise.all([a.catchUp(), b.catchUp()]);
        for (const st of [a, b] as Store[]) {
          // Each instance's history holds every entry once, in the order they reached the memo.
          expect(
            createRemarkRepository(st)
              .forOrder('2001')
              .map((e) => e.text),
          ).toEqual(memo);
          expect(st.get<{ sellerMemo: string }>('orders', '2001')!.sellerMemo).toBe(memo.join('；'));
        }
      } finally {
        await Promise.all([one.close(), two.close()]);
      }
    });
  }
});
