import { describe, expect, it } from 'vitest';
import { createOrderRepository, type Order, type OrderItem } from '../../src/orders/index.js';
import type { ShopPlatform } from '../../src/platform/index.js';
import { silentLogger } from '../../src/shared/logger.js';
import { toInstant } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { refundTimes } from '../../src/sync/index.js';
import { createTmcApplier } from '../../src/sync/tmc-apply.js';
import { createDetailReader, TMC_DETAILS } from '../../src/sync/tmc-details.js';
import { TID, tmcMessage, tmcOrder } from './support/tmc-fixtures.js';

/** Issue 19: more topics applied from the message's content alone, with no platform call. */
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0); // 10:00 in Shanghai
const OID = '3939393939393939394';

const line = (over: Partial<OrderItem> = {}): OrderItem => ({
  oid: OID,
  numIid: '1',
  title: '羊毛大衣',
  outerIid: 'A1',
  skuId: '',
  skuProperties: '',
  price: 19900,
  num: 1,
  totalFee: 19900,
  payment: 19900,
  discountFee: 0,
  status: 'WAIT_SELLER_SEND_GOODS',
  refundStatus: 'NO_REFUND',
  refundId: '',
  logisticsCompany: '',
  invoiceNo: '',
  ...over,
});
const order = (over: Partial<Order> = {}): Order => tmcOrder(T0, { items: [line()], ...over });

const msg = tmcMessage;

function rig(platformOrders: Order[] = []) {
  const store = createMemoryStore();
  const orders = createOrderRepository(store);
  const calls: string[] = [];
  const platform = {
    getOrder: async (tid: string) => {
      calls.push('fullinfo');
      return platformOrders.find((o) => o.tid === tid)!;
    },
    async *changedOrders() {
      calls.push('increment');
      yield platformOrders;
    },
    async *createdOrders() {
      calls.push('created');
      yield platformOrders;
    },
  } as unknown as ShopPlatform;
  const details = createDetailReader({ platform, orders, store, logger: silentLogger(), everyMs: 3_600_000 });
  const applier = createTmcApplier({ platform, orders, logger: silentLogger(), details });
  return { store, orders, applier, details, calls };
}

describe('messages applied from their content', () => {
  it('when a shipment and its CONSIGN trace come in separate windows, then status, consign time, waybill and company show with no platform call', async () => {
    const r = rig();
    await r.orders.upsertMany([order()]);
    const at = T0 + 60_000;
    await r.applier.applyBatch([
      msg('taobao_trade_TradeSellerShip', `{"tid":${TID},"status":"WAIT_BUYER_CONFIRM_GOODS"}`, at),
    ]);
    // The trace of the same change, at the same time, in the next window: its part is filled in.
    const trace = `{"tid":${TID},"action":"CONSIGN","company_name":"中通快递","out_sid":"ZT7788","time":"2026-11-23 10:01:00"}`;
    await r.applier.applyBatch([msg('taobao_logistics_LogsticDetailTrace', trace, at)]);
    expect(r.orders.get(TID)).toMatchObject({
      status: 'WAIT_BUYER_CONFIRM_GOODS',
      consignedAt: toInstant(at),
      modifiedAt: toInstant(at),
      items: [{ status: 'WAIT_BUYER_CONFIRM_GOODS', invoiceNo: 'ZT7788', logisticsCompany: '中通快递' }],
    });
    expect(r.calls).toEqual([]);
    expect(r.details.count()).toBe(0);
  });

  it('when a later courier step comes, then the order is left as it is (no newer modified time, nothing to read) and a trade change after it still applies', async () => {
    const r = rig();
    await r.orders.upsertMany([order({ status: 'WAIT_BUYER_CONFIRM_GOODS' })]);
    const step = `{"tid":${TID},"action":"SIGNED","company_name":"中通快递","out_sid":"ZT7788","desc":"已签收","time":"2026-11-23 12:00:00"}`;
    await r.applier.applyBatch([msg('taobao_logistics_LogsticDetailTrace', step, T0 + 7_200_000)]);
    expect(r.orders.get(TID)!.modifiedAt).toBe(toInstant(T0));
    expect(r.details.count()).toBe(0);
    // The buyer confirms at 11:00, published after the 12:00 step reached xiaoer: still newer than the stored order.
    await r.applier.applyBatch([
      msg('taobao_trade_TradeSuccess', `{"tid":${TID},"status":"TRADE_FINISHED"}`, T0 + 3_600_000),
    ]);
    expect(r.orders.get(TID)).toMatchObject({ status: 'TRADE_FINISHED', modifiedAt: toInstant(T0 + 3_600_000) });
    expect(r.calls).toEqual([]);
  });

  it("when a refund is asked for, then the line's refund status and id come from the message and its time is kept for the open item", async () => {
    const r = rig();
    await r.orders.upsertMany([order()]);
    const content = `{"tid":${TID},"oid":${OID},"refund_id":7001234567890123,"refund_fee":"199.00","modified":"2026-11-23 10:05:00"}`;
    const at = T0 + 300_000;
    await r.applier.applyBatch([
      msg('taobao_refund_RefundCreated', content, at),
      // The platform tells the same change as TradeChanged too: no read for it.
      msg('taobao_trade_TradeChanged', `{"tid":${TID},"status":"WAIT_SELLER_SEND_GOODS"}`, at),
    ]);
    expect(r.orders.get(TID)!.items[0]).toMatchObject({
      refundStatus: 'WAIT_SELLER_AGREE',
      refundId: '7001234567890123',
    });
    expect(refundTimes(r.store)('7001234567890123')).toBe(toInstant(Date.UTC(2026, 10, 23, 2, 5, 0)));
    expect(r.calls).toEqual([]);
    expect(r.details.count()).toBe(0);
  });

  it('when a buyer rates, then the order says so with no platform call', async () => {
    const r = rig();
    await r.orders.upsertMany([order({ status: 'TRADE_FINISHED', items: [line({ status: 'TRADE_FINISHED' })] })]);
    await r.applier.applyBatch([msg('taobao_trade_TradeRated', `{"tid":${TID},"rater":"buyer"}`, T0 + 1000)]);
    expect(r.orders.get(TID)).toMatchObject({ buyerRated: true, modifiedAt: toInstant(T0 + 1000) });
    expect(r.calls).toEqual([]);
  });
});

describe('orders whose details the message leaves out', () => {
  const OTHER = '3939393939393939500';
  const created = (tid: string, at: number) =>
    msg(
      'taobao_trade_TradeCreate',
      `{"tid":${tid},"buyer_nick":"tb_阿木","status":"WAIT_BUYER_PAY","type":"fixed","payment":"259.00"}`,
      at,
    );

  it('when new orders are created, then they show at once from the content and their lines come with one list call later', async () => {
    const full = (tid: string) =>
      order({ tid, status: 'WAIT_BUYER_PAY', paidAt: null, buyerNick: 'tb_阿木', modifiedAt: toInstant(T0 + 2000) });
    const r = rig([full(TID), full(OTHER)]);
    await r.applier.applyBatch([created(TID, T0 + 2000), created(OTHER, T0 + 2000)]);
    expect(r.orders.get(TID)).toMatchObject({
      status: 'WAIT_BUYER_PAY',
      buyerNick: 'tb_阿木',
      payment: 25900,
      createdAt: toInstant(T0 + 2000),
      items: [],
    });
    expect(r.calls).toEqual([]);
    expect(r.details.pending(TID)).toBe(true);
    expect(r.store.count(TMC_DETAILS)).toBe(2);

    await r.details.flush();
    expect(r.calls).toEqual(['created']);
    expect(r.orders.get(TID)!.items).toHaveLength(1);
    expect(r.orders.get(OTHER)!.items).toHaveLength(1);
    expect(r.details.count()).toBe(0);
  });

  it('when a message newer than the platform copy was applied meanwhile, then the details come from the copy and the message keeps its part', async () => {
    const r = rig([order({ status: 'WAIT_BUYER_PAY', paidAt: null, modifiedAt: toInstant(T0 + 2000) })]);
    await r.applier.applyBatch([created(TID, T0 + 2000)]);
    const memo = `{"tid":${TID},"seller_memo":"送小样","seller_flag":1}`;
    await r.applier.applyBatch([msg('taobao_trade_TradeMemoModified', memo, T0 + 9000)]);
    await r.details.readNow(TID);
    expect(r.calls).toEqual(['fullinfo']);
    expect(r.orders.get(TID)).toMatchObject({
      sellerMemo: '送小样',
      sellerFlag: 1,
      modifiedAt: toInstant(T0 + 9000),
      items: [{ oid: OID, title: '羊毛大衣' }],
    });
    expect(r.details.pending(TID)).toBe(false);
  });

  it('when a TradeChanged does not say what changed, then its status shows at once and the order is read later', async () => {
    const r = rig([order({ status: 'WAIT_BUYER_CONFIRM_GOODS', modifiedAt: toInstant(T0 + 4000) })]);
    await r.orders.upsertMany([order({ status: 'SELLER_CONSIGNED_PART' })]);
    await r.applier.applyBatch([
      msg('taobao_trade_TradeChanged', `{"tid":${TID},"status":"WAIT_BUYER_CONFIRM_GOODS"}`, T0 + 4000),
    ]);
    expect(r.orders.get(TID)!.status).toBe('WAIT_BUYER_CONFIRM_GOODS');
    expect(r.calls).toEqual([]);
    expect(r.details.pending(TID)).toBe(true);
    await r.details.flush();
    expect(r.calls).toEqual(['fullinfo']); // one order: reading it alone costs no more than a list
    expect(r.details.pending(TID)).toBe(false);
  });

  it('when several changed orders wait and one list over their time costs fewer calls than reading each, then one list reads them', async () => {
    const tids = [TID, '3939393939393939601', '3939393939393939602'];
    const shipped = (tid: string) =>
      order({ tid, status: 'WAIT_BUYER_CONFIRM_GOODS', modifiedAt: toInstant(T0 + 4000) });
    const r = rig(tids.map(shipped));
    await r.orders.upsertMany(tids.map((tid) => order({ tid, status: 'SELLER_CONSIGNED_PART' })));
    const changed = (tid: string) =>
      msg('taobao_trade_TradeChanged', `{"tid":${tid},"status":"WAIT_BUYER_CONFIRM_GOODS"}`, T0 + 4000);
    await r.applier.applyBatch(tids.map(changed));
    expect(r.details.count()).toBe(3);
    await r.details.flush();
    expect(r.calls).toEqual(['increment']); // the list brings about 3 orders: one call, not three
    expect(r.details.count()).toBe(0);
  });
});
