/**
 * Decisions made across instances (docs/postgres.md): work that checks the store, then calls the platform, then
 * writes, is safe on two instances only under the order lock they share (the composition root hands the remark
 * features' lock to returns and printing). Each test runs the same work twice at once on two real PostgreSQL
 * instances, once with the shared lock and once with a per-process lock each (what returns had before), which
 * writes the memo twice.
 */
import { describe, expect, it } from 'vitest';
import type { User } from '../../../src/accounts/index.js';
import type { LogisticsTracker } from '../../../src/logistics/index.js';
import type { Order } from '../../../src/orders/index.js';
import { createPrintingModule } from '../../../src/printing/index.js';
import { createReturnsModule } from '../../../src/returns/index.js';
import { createTaskRepository, createTaskService, TASK_NOTIFICATIONS } from '../../../src/tasks/index.js';
import { createKeyedLock, type KeyedLock } from '../../../src/shared/keyed-lock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { fixedClock, formatShanghaiDate, parseInstant } from '../../../src/shared/time.js';
import {
  createPostgresKeyedLock,
  openPostgresStore,
  type PostgresKeyedLock,
  type PostgresStore,
} from '../../../src/storage/postgres/index.js';
import { postgresPerTest } from '../../support/postgres.js';
import { DAY, paidOrder } from '../../printing/support.js';

const pg = postgresPerTest('decisions');

const urls = new WeakMap<PostgresStore, string>();

async function twoInstances(): Promise<[PostgresStore, PostgresStore]> {
  const url = await pg.database();
  const open = (id: string) => openPostgresStore({ url, instanceId: id, migrations: [], pollMs: 60_000 });
  const both: [PostgresStore, PostgresStore] = [await open('a'), await open('b')];
  both.forEach((s) => pg.closeAfter(s));
  for (const s of both) urls.set(s, url);
  return both;
}

function sharedLock(store: PostgresStore): PostgresKeyedLock {
  return pg.closeAfter(createPostgresKeyedLock({ url: urls.get(store)!, catchUp: () => store.catchUp() }));
}

/** The platform's memo as the remark service would write it: a pause for the call, every write counted. */
function memoWrites() {
  const written: { tid: string; kind: string; by: string }[] = [];
  return {
    written,
    async write(req: { tid: string; kind: string; user: User }) {
      await new Promise((r) => setTimeout(r, 20));
      written.push({ tid: req.tid, kind: req.kind, by: req.user.username });
      return { id: `e${written.length}`, status: 'written', entry: '', memo: '', flag: 3 };
    },
  };
}

const at = '2026-12-07T10:00:00+08:00';
const user = (username: string): User => ({ username, displayName: username, role: 'staff' }) as User;

describe('returns on two instances', () => {
  async function shipFromBoth(lockFor: (s: PostgresStore) => KeyedLock) {
    const [a, b] = await twoInstances();
    await a.transact((tx) =>
      tx.put('returns', 'R1', {
        id: 'R1',
        tid: 'T1',
        oid: 'O1',
        buyerNick: '小王',
        title: '毛衣',
        reason: '尺码不合适',
        refundFeeFen: 9900,
        platformStatus: 'WAIT_SELLER_CONFIRM_GOODS',
        goodStatus: 'BUYER_RETURNED_GOODS',
        companyName: '顺丰',
        parcel: null,
        purpose: 'exchange',
        createdAt: at,
        modifiedAt: at,
        waybillSeenAt: null,
        receipt: { condition: 'good', note: '', by: 'cangku', byName: '仓库', at },
        exchange: null,
        receiptTaskId: null,
        refundTaskId: null,
      }),
    );
    await b.catchUp();
    const memo = memoWrites();
    const returnsOn = (store: PostgresStore) =>
      createReturnsModule({
        store,
        platform: { receivedRefunds: async () => [] } as never,
        tracker: {} as LogisticsTracker,
        orders: { get: () => undefined },
        tasks: { open: async () => ({}) as never, get: () => undefined, closeOnBehalf: async () => ({}) as never },
        remarks: memo,
        staff: { list: () => [] },
        keeper: () => 'xiaozhou',
        clock: fixedClock(parseInstant(at)),
        logger: silentLogger(),
        schedule: '*/30 * * * *',
        lock: lockFor(store),
      }).service;
    // Two colleagues ship the same exchange at once, each on their own instance.
    const answers = await Promise.all([
      returnsOn(a).shipExchange('R1', { courier: '顺丰', waybill: 'SF1001' }, user('xiaoli')),
      returnsOn(b).shipExchange('R1', { courier: '顺丰', waybill: 'SF2002' }, user('xiaowang')),
    ]);
    await Promise.all([a.catchUp(), b.catchUp()]);
    return { memo: memo.written, answers, stored: a.get<{ exchange: { waybill: string } }>('returns', 'R1')! };
  }

  it('writes the new waybill into the memo once when two instances ship one exchange at once', async () => {
    const { memo, answers, stored } = await shipFromBoth(sharedLock);
    expect(memo).toHaveLength(1);
    expect(answers.filter((x) => x.already)).toHaveLength(1);
    // What the memo says is what the return keeps.
    const waybill = memo[0]!.by === 'xiaoli' ? 'SF1001' : 'SF2002';
    expect(stored.exchange.waybill).toBe(waybill);
  });

  it('writes it twice with a lock per process, as returns had (why it takes the shared one)', async () => {
    const { memo } = await shipFromBoth(() => createKeyedLock());
    expect(memo).toHaveLength(2);
  });
});

describe('print batches on two instances', () => {
  async function printFromBoth(lockFor: (s: PostgresStore) => KeyedLock) {
    const [a, b] = await twoInstances();
    const clock = fixedClock(parseInstant(`${DAY}T12:00:00+08:00`));
    // The order book as the platform holds it: print.printed puts the date into the memo, each write counted.
    const byTid = new Map<string, Order>(['501', '502'].map((tid) => [tid, paidOrder(tid, '09:00')]));
    const writes: string[] = [];
    const printingOn = (store: PostgresStore) =>
      createPrintingModule({
        store,
        orders: { get: (tid) => byTid.get(tid), all: () => byTid.values() },
        clock,
        config: { times: ['12:00', '15:00', '17:00'], defaultCourier: null },
        async writeRemark(req) {
          await new Promise((r) => setTimeout(r, 20));
          writes.push(req.tid);
          const o = byTid.get(req.tid)!;
          byTid.set(req.tid, { ...o, sellerMemo: formatShanghaiDate(clock.now(), 'MM.DD') });
          return { status: 'written' };
        },
        lock: lockFor(store),
      }).service;
    const batch = { date: DAY, time: '12:00' };
    await printingOn(a).build(batch);
    await b.catchUp();
    // Two colleagues press 已打印 on the same batch at once, each on their own instance.
    await Promise.all([
      printingOn(a).markPrinted(batch, user('xiaoli')),
      printingOn(b).markPrinted(batch, user('xiaolin')),
    ]);
    return writes.sort();
  }

  it('writes each order’s print remark once when two instances mark one batch printed at once', async () => {
    expect(await printFromBoth(sharedLock)).toEqual(['501', '502']);
  });

  it('writes each twice with a lock per process, as printing had', async () => {
    expect(await printFromBoth(() => createKeyedLock())).toEqual(['501', '501', '502', '502']);
  });
});

describe('tasks on two instances', () => {
  it('keeps the first close of a task when two people close it at once on two instances, as the notification says', async () => {
    const [a, b] = await twoInstances();
    const clock = fixedClock(parseInstant(at));
    const tasksOn = (store: PostgresStore) => createTaskService({ repo: createTaskRepository(store), clock });
    await tasksOn(a).open({
      id: 'k1',
      type: 'courier_followup',
      tid: 'T1',
      assignee: { username: 'xiaoli', displayName: '小丽' },
      opener: { username: 'xiaozhou', displayName: '小周' },
    });
    await b.catchUp();
    const [byA, byB] = await Promise.all([
      tasksOn(a).closeByHand('k1', { ...user('xiaoli'), displayName: '小丽' }, '已回电'),
      tasksOn(b).closeByHand('k1', { ...user('admin'), role: 'admin', displayName: '店长' }, '我来关'),
    ]);
    await Promise.all([a.catchUp(), b.catchUp()]);
    // Both people are answered with the one close that is stored; the opener's notice names that closer.
    expect(byB).toEqual(byA);
    expect(a.get('tasks', 'k1')).toEqual(byA);
    const notices = [...a.all<{ message: string }>(TASK_NOTIFICATIONS)];
    expect(notices.map((x) => x.message.includes(byA.closedByName!))).toEqual([true]);
  });
});
