import { describe, expect, it, vi } from 'vitest';
import { createOrderRepository, type Order } from '../../src/orders/index.js';
import type { ShopPlatform } from '../../src/platform/index.js';
import type { TmcMessage } from '../../src/platform/tmc/index.js';
import { tmcHandoffs } from '../../src/service/wire-tmc-handoffs.js';
import { silentLogger } from '../../src/shared/logger.js';
import { fixedClock, toInstant } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { createTmcApplier } from '../../src/sync/tmc-apply.js';
import { createHandoffRunner } from '../../src/sync/tmc-handoff-log.js';
import { createTaskRepository, createTaskService } from '../../src/tasks/index.js';
import { TID, tmcOrder, tmcReceiver } from './support/tmc-fixtures.js';

/** Issue 19, part 2: the hand-offs of pushed messages, each once however often the message comes. */
const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);
const receiver = (address: string) =>
  tmcReceiver({ mobile: '13800000000', state: '浙江省', city: '杭州市', district: '西湖区', address });
const order = (at: number, address: string): Order => ({
  ...tmcOrder(T0),
  modifiedAt: toInstant(at),
  receiver: receiver(address),
});

let nextId = 2n ** 60n;
const msg = (topic: string, time: number): TmcMessage => ({
  id: nextId++,
  topic,
  content: `{"tid":${TID},"buyer_nick":"tb_小雨"}`,
  time,
  nick: '拾光衣橱',
  retried: 0,
});

async function rig() {
  const store = createMemoryStore();
  const orders = createOrderRepository(store);
  await orders.upsertMany([order(T0, '文三路 90 号')]);
  let platformOrder = order(T0 + 1000, '文一西路 969 号');
  const platform = { getOrder: async () => platformOrder } as unknown as ShopPlatform;
  const tasks = createTaskService({ repo: createTaskRepository(store), clock: fixedClock(T0 + 2000) });
  let opened = 0;
  const checked: string[] = [];
  let refundReads = 0;
  const handler = tmcHandoffs({
    orders,
    returns: {
      syncRefunds: async () => {
        refundReads++;
        return { refunds: 0, tracked: 0, returned: 0, errors: 0 };
      },
    },
    labels: {
      labelOutdated: (o) => {
        checked.push(o.modifiedAt);
        return true;
      },
    },
    tasks: {
      open: async (t) => {
        const task = await tasks.open(t);
        opened++;
        return task;
      },
    },
    staff: () => [
      { username: 'admin', displayName: '店长', role: 'admin' },
      { username: 'azhang', displayName: '阿张', role: 'assistant' },
    ],
    onDuty: () => [],
    logger: silentLogger(),
    delayMs: 0,
  });
  const runner = createHandoffRunner({ store, logger: silentLogger() });
  runner.setHandler(handler);
  const applier = createTmcApplier({ platform, orders, logger: silentLogger(), handoffs: runner });
  const handOn = (topic: string, at: number) =>
    handler.run({ id: `${TID}:${topic}:${at}`, topic, tid: TID, at: toInstant(at), content: {} });
  return {
    applier,
    handOn,
    orders,
    tasks,
    checked,
    opened: () => opened,
    refundReads: () => refundReads,
    fixLabels: () => tasks.list({ tid: TID }).filter((t) => t.type === 'fix_label'),
    platformChanges: (at: number, address: string) => void (platformOrder = order(at, address)),
  };
}

const ADDRESS = 'taobao_trade_TradeLogisticsAddressChanged';

describe('pushed messages handed on once', () => {
  it('when the same address-change message comes again, then no second label-fix task opens; a later change opens its own', async () => {
    const r = await rig();
    const m = msg(ADDRESS, T0 + 1000);
    await r.applier.applyBatch([m]);
    await vi.waitFor(() => expect(r.opened()).toBe(1));
    expect(r.fixLabels()).toMatchObject([{ assignee: 'azhang', openedBy: 'xiaoer', state: 'open' }]);

    // Pushed again (a reconnect, a failed ack): no newer than the stored order, so not handed on at all.
    await r.applier.applyBatch([{ ...m, retried: 1 }]);
    expect(r.checked).toHaveLength(1);

    r.platformChanges(T0 + 5000, '教工路 18 号');
    await r.applier.applyBatch([msg(ADDRESS, T0 + 5000)]);
    await vi.waitFor(() => expect(r.opened()).toBe(2));
    expect(r.fixLabels()).toHaveLength(2);
  });

  it('when a change reaches the hand-off twice (a crash between the write and the confirm), then its task is still one', async () => {
    const r = await rig();
    await r.orders.upsertMany([order(T0 + 1000, '文一西路 969 号')]);
    await r.handOn(ADDRESS, T0 + 1000);
    await r.handOn(ADDRESS, T0 + 1000);
    await vi.waitFor(() => expect(r.opened()).toBe(2));
    expect(r.fixLabels()).toHaveLength(1);
  });

  it('when a burst of refund messages is applied, then the returns read the platform once', async () => {
    const r = await rig();
    await Promise.all(
      ['taobao_refund_RefundCreated', 'taobao_refund_RefundSuccess', 'taobao_refund_RefundClosed'].map((topic) =>
        r.handOn(topic, T0 + 1000),
      ),
    );
    expect(r.refundReads()).toBe(1);
    await r.handOn('taobao_trade_TradeMemoModified', T0 + 1000);
    expect(r.refundReads()).toBe(1);
  });
});
