import { describe, expect, it } from 'vitest';
import { createSandboxShop } from '../../../src/platform/sandbox/shop.js';
import { rateEvent, tradeEvents, type TmcEvent } from '../../../src/platform/sandbox/tmc/events.js';
import { createTraceWatch } from '../../../src/platform/sandbox/tmc/trace-watch.js';
import { closeUnpaid, finish, pay, requestRefund, refundAll, ship } from '../../../src/platform/sandbox/transitions.js';
import type { SandboxTrade } from '../../../src/platform/sandbox/types.js';
import { fixedClock, HOUR } from '../../../src/shared/time.js';
import { NOW } from './fixtures.js';

const shop = createSandboxShop({ seed: 3, orders: 200, clock: fixedClock(NOW) });
const unpaid = () =>
  structuredClone(
    shop.tradesByCreated(0, NOW, { statuses: new Set(['WAIT_BUYER_PAY' as const]) }, { pageNo: 1, pageSize: 1 })
      .items[0]!,
  );
const step = (t: SandboxTrade, change: (t: SandboxTrade) => void) => {
  const before = structuredClone(t);
  change(t);
  return tradeEvents(before, t, shop).map((e) => e.topic);
};

describe('sandbox TMC: which messages a change publishes', () => {
  it('when a trade is paid, shipped and finished, then BuyerPay, SellerShip with the courier trace, and Success', () => {
    const t = unpaid();
    expect(tradeEvents(undefined, t, shop).map((e) => e.topic)).toEqual(['taobao_trade_TradeCreate']);
    expect(step(t, (x) => pay(x, NOW + 1000))).toEqual(['taobao_trade_TradeBuyerPay']);
    expect(
      step(t, (x) => ship(x, { company: 'yuantong', waybill: 'YT1234567890', fate: 'normal' }, NOW + 2000)),
    ).toEqual(['taobao_trade_TradeSellerShip', 'taobao_logistics_LogsticDetailTrace']);
    expect(step(t, (x) => finish(x, NOW + 3000))).toEqual(['taobao_trade_TradeSuccess']);
  });

  it('when an unpaid trade closes, then TradeClose; when a memo changes, then TradeMemoModified with its fields', () => {
    const t = unpaid();
    expect(step(t, (x) => closeUnpaid(x, NOW + 1000))).toEqual(['taobao_trade_TradeClose']);
    const before = structuredClone(t);
    t.memo = '客户要求改地址';
    t.flag = 4;
    const [m] = tradeEvents(before, t, shop);
    expect(m!.topic).toBe('taobao_trade_TradeMemoModified');
    expect(m!.content).toMatchObject({ seller_memo: '客户要求改地址', seller_flag: 4, tid: BigInt(t.tid) });
  });

  it('when a refund is asked for and then paid, then RefundCreated (with TradeChanged) and RefundSuccess with TradeClose', () => {
    const t = unpaid();
    pay(t, NOW + 1000);
    expect(step(t, (x) => requestRefund(x, x.lines[0]!, '88000000000000001', NOW + 2000))).toEqual([
      'taobao_refund_RefundCreated',
      'taobao_trade_TradeChanged',
    ]);
    let n = 1;
    const topics = step(t, (x) => refundAll(x, () => `8800000000000000${++n}`, NOW + 3000));
    expect(topics).toContain('taobao_trade_TradeClose');
    expect(topics).toContain('taobao_refund_RefundSuccess');
  });

  it("when a buyer reviews, then TradeRated for the review's order", () => {
    const r = shop.rates({ start: 0, end: NOW }, { pageNo: 1, pageSize: 1 }).items[0]!;
    const ev = rateEvent(r, shop)!;
    expect(ev.topic).toBe('taobao_trade_TradeRated');
    expect(ev.content).toMatchObject({ tid: BigInt(r.tid), oid: BigInt(r.oid), rater: 'buyer' });
  });
});

describe('sandbox TMC: no receiver in any message', () => {
  it("when the shop lives for two days and the back office changes addresses, then no message carries a receiver's name, phone or street, and the address change carries only tid and buyer_nick", async () => {
    const living = createSandboxShop({ seed: 8, orders: 300, clock: fixedClock(NOW) });
    const events: TmcEvent[] = [];
    const parcels = createTraceWatch(living);
    const receivers = new Map<string, string[]>();
    const seen = (t: SandboxTrade) => {
      const r = living.receiverOf(t);
      receivers.set(`${t.tid} ${r.address}`, [r.name, r.mobile, r.address]);
    };
    living.observe({
      trade: (before, after) => {
        if (before) seen(before);
        seen(after);
        events.push(...tradeEvents(before, after, living));
        if (after.parcel && !before?.parcel) parcels.shipped(after.tid);
      },
      rate: (r) => void events.push(rateEvent(r, living)!),
      ticked: (since, now) => void events.push(...parcels.due(since, now)),
    });
    for (let h = 3; h <= 48; h += 3) living.tick(NOW + h * HOUR);
    const waiting = new Set(['WAIT_BUYER_PAY', 'WAIT_SELLER_SEND_GOODS'] as const);
    const open = living.tradesByCreated(0, NOW + 48 * HOUR, { statuses: waiting }, { pageNo: 1, pageSize: 3 }).items;
    expect(open).toHaveLength(3);
    for (const t of open) {
      const res = await living.changeAddress(t.tid, {
        ...living.receiverOf(t),
        address: `新街口 ${t.tid.slice(-3)} 号`,
      });
      expect(res.ok).toBe(true);
    }
    const changed = events.filter((e) => e.topic === 'taobao_trade_TradeLogisticsAddressChanged');
    expect(changed).toHaveLength(3);
    for (const e of changed) expect(Object.keys(e.content).sort()).toEqual(['buyer_nick', 'tid']);
    const plain = new Set([...receivers.values()].flat().filter((v) => v.length >= 2));
    const texts = events.flatMap((e) => Object.values(e.content).filter((v): v is string => typeof v === 'string'));
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.filter((v) => [...plain].some((p) => v.includes(p)))).toEqual([]);
  });
});
