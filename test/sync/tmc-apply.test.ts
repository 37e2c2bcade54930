import { describe, expect, it } from 'vitest';
import { createOrderRepository, type Order } from '../../src/orders/index.js';
import type { ShopPlatform } from '../../src/platform/index.js';
import { NotFoundError } from '../../src/shared/errors.js';
import { silentLogger } from '../../src/shared/logger.js';
import { toInstant } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { createTmcApplier } from '../../src/sync/tmc-apply.js';
import { TID, tmcMessage, tmcOrder } from './support/tmc-fixtures.js';

const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);

/** The trade unpaid: placed an hour before T0, closing a day after. */
const order = (over: Partial<Order> = {}): Order =>
  tmcOrder(T0, { status: 'WAIT_BUYER_PAY', paidAt: null, payDeadlineAt: toInstant(T0 + 86_400_000), ...over });

const msg = tmcMessage;
const memo = (text: string, time: number) =>
  msg('taobao_trade_TradeMemoModified', `{"tid":${TID},"seller_memo":${JSON.stringify(text)},"seller_flag":2}`, time);

function rig(getOrder: (tid: string) => Promise<Order> = async () => order(), listed: Order[] = []) {
  const orders = createOrderRepository(createMemoryStore());
  let calls = 0;
  const platform = {
    getOrder: async (tid: string) => {
      calls++;
      return getOrder(tid);
    },
    async *changedOrders() {
      calls++;
      yield listed;
    },
  } as unknown as ShopPlatform;
  const applied: string[] = [];
  const applier = createTmcApplier({
    platform,
    orders,
    logger: silentLogger(),
    onApplied: (a) => applied.push(a.topic),
  });
  return { orders, applier, applied, calls: () => calls };
}

describe('applying TMC messages to the order book', () => {
  it('when a memo message is newer than the stored order, then memo, flag and modified time come from its content with no platform call', async () => {
    const r = rig();
    await r.orders.upsertMany([order()]);
    const m = memo('改发顺丰', T0 + 5000);
    const v = await r.applier.applyBatch([m]);
    expect(v.get(m)).toBe('confirm');
    expect(r.orders.get(TID)).toMatchObject({
      sellerMemo: '改发顺丰',
      sellerFlag: 2,
      modifiedAt: toInstant(T0 + 5000),
    });
    expect(r.calls()).toBe(0);
    expect(r.applied).toEqual(['taobao_trade_TradeMemoModified']);
  });

  it('when a message is a duplicate or older than the stored order, then nothing changes and it is confirmed', async () => {
    const r = rig();
    await r.orders.upsertMany([order({ sellerMemo: '新的', modifiedAt: toInstant(T0 + 9000) })]);
    const old = memo('旧的', T0 + 5000);
    const same = memo('新的', T0 + 9000);
    const v = await r.applier.applyBatch([old, same]);
    expect([v.get(old), v.get(same)]).toEqual(['confirm', 'confirm']);
    expect(r.orders.get(TID)!.sellerMemo).toBe('新的');
    expect(r.applier.stats().unchanged).toBe(2);
    expect(r.applied).toEqual([]);
  });

  it('when a payment and a close come in one window, then they apply in time order from content', async () => {
    const r = rig();
    await r.orders.upsertMany([order()]);
    const close = msg('taobao_trade_TradeClose', `{"tid":${TID},"status":"TRADE_CLOSED"}`, T0 + 8000);
    const pay = msg('taobao_trade_TradeBuyerPay', `{"tid":${TID},"payment":"199.00"}`, T0 + 4000);
    await r.applier.applyBatch([close, pay]);
    expect(r.orders.get(TID)).toMatchObject({
      status: 'TRADE_CLOSED',
      paidAt: toInstant(T0 + 4000),
      endAt: toInstant(T0 + 8000),
      payDeadlineAt: null,
    });
    expect(r.calls()).toBe(0);
  });

  it('when several messages of one order need the full trade, then it is fetched once for all of them', async () => {
    const r = rig(async () => order({ status: 'WAIT_BUYER_CONFIRM_GOODS', modifiedAt: toInstant(T0 + 7000) }));
    await r.orders.upsertMany([order()]);
    const batch = [
      // Shipped in part (which lines the message does not say), then a change it does not name: both need a read.
      msg('taobao_trade_TradeSellerShip', `{"tid":${TID},"status":"SELLER_CONSIGNED_PART"}`, T0 + 6000),
      msg('taobao_trade_TradeChanged', `{"tid":${TID}}`, T0 + 6500),
      memo('加急', T0 + 7000),
    ];
    const v = await r.applier.applyBatch(batch);
    expect([...v.values()]).toEqual(['confirm', 'confirm', 'confirm']);
    expect(r.calls()).toBe(1);
    expect(r.orders.get(TID)!.status).toBe('WAIT_BUYER_CONFIRM_GOODS');
  });

  it('when several orders need reading, then one incremental list covers them; one it brings older than its message is read alone', async () => {
    const OTHER = '3939393939393939400';
    const THIRD = '3939393939393939401';
    const shipped = (tid: string, at: number) =>
      order({ tid, status: 'WAIT_BUYER_CONFIRM_GOODS', modifiedAt: toInstant(at) });
    const r = rig(
      async (tid) => shipped(tid, T0 + 9000),
      [shipped(TID, T0 + 6000), shipped(OTHER, T0 + 6000), shipped(THIRD, T0 + 1000)],
    );
    const ship = (tid: string) => msg('taobao_trade_TradeSellerShip', `{"tid":${tid}}`, T0 + 6000);
    const v = await r.applier.applyBatch([ship(TID), ship(OTHER), ship(THIRD)]);
    expect([...v.values()]).toEqual(['confirm', 'confirm', 'confirm']);
    expect(r.calls()).toBe(2); // the list, and fullinfo for THIRD (the list's copy is older than the message)
    expect(r.applier.stats()).toMatchObject({ listed: 2, fetched: 1 });
    expect(r.orders.get(THIRD)!.modifiedAt).toBe(toInstant(T0 + 9000));
  });

  it('when the topic is unknown or the content unreadable, then it is confirmed and nothing is stored', async () => {
    const r = rig();
    const unknown = msg('taobao_item_ItemAdd', '{"num_iid":1}', T0);
    const broken = msg('taobao_trade_TradeMemoModified', '{"tid":', T0);
    const noTid = msg('taobao_trade_TradeChanged', '{"status":"X"}', T0);
    const v = await r.applier.applyBatch([unknown, broken, noTid]);
    expect([...v.values()]).toEqual(['confirm', 'confirm', 'confirm']);
    expect(r.orders.count()).toBe(0);
    expect(r.applier.stats().ignored).toBe(3);
  });

  it('when the platform cannot be reached, then the message is failed (pushed again later); a trade it does not know is confirmed', async () => {
    const down = rig(async () => {
      throw new Error('socket hang up');
    });
    const m = msg('taobao_trade_TradeCreate', `{"tid":${TID}}`, T0);
    expect((await down.applier.applyBatch([m])).get(m)).toBe('fail');
    const gone = rig(async () => {
      throw new NotFoundError('交易不存在');
    });
    expect((await gone.applier.applyBatch([m])).get(m)).toBe('confirm');
    expect(gone.orders.count()).toBe(0);
  });
});
