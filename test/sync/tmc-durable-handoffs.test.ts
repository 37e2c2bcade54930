import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrderRepository, ORDER_COLLECTION, ORDERS, type Order } from '../../src/orders/index.js';
import type { ShopPlatform } from '../../src/platform/index.js';
import type { TmcMessage } from '../../src/platform/tmc/index.js';
import { tmcHandoffs } from '../../src/service/wire-tmc-handoffs.js';
import { silentLogger } from '../../src/shared/logger.js';
import { fixedClock, toInstant } from '../../src/shared/time.js';
import { openLowdbStore, type LowdbStore } from '../../src/storage/index.js';
import { createTmcApplier } from '../../src/sync/tmc-apply.js';
import { createDetailReader } from '../../src/sync/tmc-details.js';
import { createHandoffRunner, TMC_HANDOFFS } from '../../src/sync/tmc-handoff-log.js';
import { createTaskRepository, createTaskService } from '../../src/tasks/index.js';
import { TID, tmcOrder, tmcReceiver } from './support/tmc-fixtures.js';

/**
 * Issue 19: what a pushed change hands on is recorded with the change, in its transaction, so a service stopped
 * between the write and the hand-off hands it on at the next start; and which orders still wait for their details
 * survives a restart too.
 */
const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);
const ADDRESS = 'taobao_trade_TradeLogisticsAddressChanged';
const order = (at: number, address: string, over: Partial<Order> = {}): Order =>
  tmcOrder(T0, {
    modifiedAt: toInstant(at),
    receiver: tmcReceiver({ state: '浙江省', city: '杭州市', address }),
    ...over,
  });
const msg = (topic: string, content: string, time: number): TmcMessage => ({
  id: 2n ** 62n + BigInt(time),
  topic,
  content,
  time,
  nick: '拾光衣橱',
  retried: 0,
});

let dir: string;
let store: LowdbStore;
const open = () => openLowdbStore({ dir, collections: { [ORDERS]: ORDER_COLLECTION }, logger: silentLogger() });
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-tmc-handoff-'));
  store = await open();
});
afterEach(async () => {
  await store.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const platform = (o: Order) => ({ getOrder: async () => o }) as unknown as ShopPlatform;

/** The service's label hand-off over this store: a printed label (always outdated here), tasks in the store. */
function handler(opened: string[]) {
  const tasks = createTaskService({ repo: createTaskRepository(store), clock: fixedClock(T0 + 5000) });
  return tmcHandoffs({
    orders: createOrderRepository(store),
    returns: { syncRefunds: async () => ({ refunds: 0, tracked: 0, returned: 0, errors: 0 }) },
    labels: { labelOutdated: () => true },
    tasks: {
      open: async (t) => {
        opened.push(t.id!);
        return tasks.open(t);
      },
    },
    staff: () => [{ username: 'azhang', displayName: '阿张', role: 'assistant' }],
    onDuty: () => [],
    logger: silentLogger(),
    delayMs: 0,
  });
}

describe('hand-offs durable with the change', () => {
  it('when the service stops after storing an address change but before handing it on, then the label-fix task opens once at the next start', async () => {
    const orders = createOrderRepository(store);
    await orders.upsertMany([order(T0, '文三路 90 号')]);
    const runner = createHandoffRunner({ store, logger: silentLogger() });
    // The process dies inside the hand-off: it never returns, so its record is never removed.
    const h = handler([]);
    runner.setHandler({ topics: h.topics, run: () => new Promise<void>(() => undefined) });
    const applier = createTmcApplier({
      platform: platform(order(T0 + 1000, '文一西路 969 号')),
      orders,
      logger: silentLogger(),
      handoffs: runner,
    });
    const m = msg(ADDRESS, `{"tid":${TID},"buyer_nick":"tb_小雨"}`, T0 + 1000);
    expect((await applier.applyBatch([m])).get(m)).toBe('confirm');
    await store.close();

    store = await open();
    expect(createOrderRepository(store).get(TID)!.receiver.address).toBe('文一西路 969 号');
    expect(store.count(TMC_HANDOFFS)).toBe(1);
    const opened: string[] = [];
    const restarted = createHandoffRunner({ store, logger: silentLogger() });
    restarted.setHandler(handler(opened));
    expect(await restarted.runLeftovers()).toBe(1);
    expect(opened).toEqual([`tmc-fix-label:${TID}:${toInstant(T0 + 1000)}`]);
    expect(
      createTaskRepository(store)
        .list({ tid: TID })
        .filter((t) => t.type === 'fix_label'),
    ).toHaveLength(1);
    expect(store.count(TMC_HANDOFFS)).toBe(0);
    // Nothing left: a second start hands nothing on.
    expect(await restarted.runLeftovers()).toBe(0);
  });

  it('when a hand-off ran but the service stopped before its record was removed, then running it again opens no second task', async () => {
    const orders = createOrderRepository(store);
    await orders.upsertMany([order(T0 + 1000, '文一西路 969 号')]);
    const opened: string[] = [];
    const h = handler(opened);
    const rec = { id: 'x', topic: ADDRESS, tid: TID, at: toInstant(T0 + 1000), content: {} };
    await h.run(rec);
    await h.run(rec);
    expect(opened).toHaveLength(2);
    expect(
      createTaskRepository(store)
        .list({ tid: TID })
        .filter((t) => t.type === 'fix_label'),
    ).toHaveLength(1);
  });

  it('when the service stops while a new order waits for its details, then they are read after the restart', async () => {
    const full = order(T0 + 2000, '文三路 90 号', { status: 'WAIT_BUYER_PAY', paidAt: null });
    const details = createDetailReader({
      platform: platform(full),
      orders: createOrderRepository(store),
      store,
      logger: silentLogger(),
      everyMs: 3_600_000,
    });
    const applier = createTmcApplier({
      platform: platform(full),
      orders: createOrderRepository(store),
      logger: silentLogger(),
      details,
    });
    const create = `{"tid":${TID},"buyer_nick":"tb_小雨","status":"WAIT_BUYER_PAY","payment":"199.00"}`;
    await applier.applyBatch([msg('taobao_trade_TradeCreate', create, T0 + 2000)]);
    await details.stop();
    await store.close();

    store = await open();
    const orders = createOrderRepository(store);
    expect(orders.get(TID)!.receiver.address).toBe('');
    const again = createDetailReader({ platform: platform(full), orders, store, logger: silentLogger(), everyMs: 1 });
    expect(again.pending(TID)).toBe(true);
    await again.flush();
    expect(orders.get(TID)!.receiver.address).toBe('文三路 90 号');
    expect(again.pending(TID)).toBe(false);
  });
});
