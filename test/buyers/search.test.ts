/**
 * Finding a buyer: each kind of key (order number, waybill, nick start and part, receiver name, phone tail), the
 * ranking between kinds, grouping by buyer, masking, and the index following the order book and the parcels.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createSearchIndex, searchBuyers } from '../../src/buyers/index.js';
import { createParcelRepository } from '../../src/logistics/index.js';
import { createOrderRepository } from '../../src/orders/index.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { buyerOrder } from './support/buyer-orders.js';

function world() {
  const store = createMemoryStore();
  const orders = createOrderRepository(store);
  const parcels = createParcelRepository(store);
  const index = createSearchIndex(
    { orders, parcels },
    { onOrders: (l) => orders.onChange(l), onParcel: (l) => parcels.onSave(l) },
  );
  const search = (q: string) => searchBuyers({ index, orders }, q);
  return { orders, parcels, index, search };
}

let w: ReturnType<typeof world>;
beforeEach(async () => {
  w = world();
  await w.orders.upsertMany([
    buyerOrder({ tid: '4100000000000001', nick: '小丽的衣橱', waybill: 'YT2026000111', mobile: '13812345678' }),
    buyerOrder({ tid: '4100000000000002', nick: '爱小丽', name: '王芳芳', mobile: '13900005678' }),
    buyerOrder({ tid: '4100000000000003', nick: '小丽', mobile: '13700001111' }),
    buyerOrder({ tid: '4100000000000004', nick: 'tb2026shoes', mobile: '13600002222' }),
    buyerOrder({ tid: '4100000000000005', nick: 'yt2026000', phone: '0571-88882026', mobile: '' }),
    buyerOrder({
      tid: '4100000000000006',
      nick: '爱小丽',
      mobile: '18800005678',
      createdAt: '2026-11-22T09:00:00.000+08:00',
    }),
  ]);
});

describe('buyer search by each key', () => {
  it('when the query is an order number, then its buyer is found first, by the order number', () => {
    const a = w.search('4100000000000003');
    expect(a.buyers[0]).toMatchObject({ nick: '小丽', best: 'tid' });
    expect(a.buyers[0]!.matches[0]).toMatchObject({ kind: 'tid', label: '订单号', tid: '4100000000000003' });
  });

  it('when the query is a waybill typed in lower case with spaces, then its buyer is found by the waybill', () => {
    const a = w.search('yt2026 000111');
    expect(a.buyers[0]).toMatchObject({ nick: '小丽的衣橱', best: 'waybill' });
    expect(a.buyers[0]!.matches[0]).toMatchObject({ kind: 'waybill', value: 'YT2026000111', tid: '4100000000000001' });
  });

  it('when the query is part of a nick, then nicks starting with it come before nicks holding it, closest first', () => {
    const a = w.search('小丽');
    expect(a.buyers.map((b) => [b.nick, b.best])).toEqual([
      ['小丽', 'nick_prefix'],
      ['小丽的衣橱', 'nick_prefix'],
      ['爱小丽', 'nick_part'],
    ]);
  });

  it("when the query is a receiver's full name, then buyers whose masked name could be it are found, shown masked", () => {
    // The platform shows 王*: only the surname can be compared, so 王芳芳 finds the 王 receivers and no 李.
    const a = w.search('王芳芳');
    expect(a.buyers).toHaveLength(1);
    expect(a.buyers[0]!.matches).toEqual([{ kind: 'name', label: '收货人', value: '王*', tid: '4100000000000002' }]);
    expect(w.search('王*').buyers.map((b) => b.nick)).toEqual(['爱小丽']);
    // One character is a surname, not a name: it would list half the shop.
    expect(w.search('王').total).toBe(0);
  });

  it('when an order stored before masking holds the name in full, then part of it still finds the buyer, shown masked', async () => {
    await w.orders.upsertMany([
      buyerOrder({ tid: '4100000000000007', nick: '老顾客', name: '欧阳娜娜', mobile: '13500001234', plain: true }),
    ]);
    const a = w.search('阳娜');
    expect(a.buyers.map((b) => b.nick)).toEqual(['老顾客']);
    expect(a.buyers[0]!.matches[0]).toMatchObject({ kind: 'name', value: '欧***' });
  });

  it("when the query is a phone's last four digits, then each buyer is listed once with every order, phones masked", () => {
    const a = w.search('5678');
    expect(a.buyers.map((b) => b.nick).sort()).toEqual(['小丽的衣橱', '爱小丽']);
    const ai = a.buyers.find((b) => b.nick === '爱小丽')!;
    expect(ai.matches.map((m) => [m.kind, m.value, m.tid])).toEqual([
      ['phone_tail', '139****5678', '4100000000000002'],
      ['phone_tail', '188****5678', '4100000000000006'],
    ]);
    expect(ai.orderCount).toBe(2);
    expect(ai.lastOrder?.tid).toBe('4100000000000006');
    expect(JSON.stringify(a)).not.toMatch(/13900005678|18800005678|13812345678/);
  });

  it('when a landline ends in the digits, then its buyer is found by it too', () => {
    // Both nicks hold 2026, the shorter one closer; yt2026000's landline also ends in it, a second reason.
    const a = w.search('2026');
    expect(a.buyers.map((b) => [b.nick, b.best])).toEqual([
      ['yt2026000', 'nick_part'],
      ['tb2026shoes', 'nick_part'],
    ]);
    expect(a.buyers[0]!.matches.map((m) => [m.kind, m.value])).toEqual([
      ['nick_part', 'yt2026000'],
      ['phone_tail', '0571-****2026'],
    ]);
  });

  it('when a query is a waybill and the start of another nick, then the exact waybill ranks first', () => {
    const a = w.search('YT2026000111');
    expect(a.buyers[0]!.nick).toBe('小丽的衣橱');
    expect(w.search('yt2026000').buyers.map((b) => [b.nick, b.best])).toEqual([['yt2026000', 'nick_prefix']]);
  });

  it('when nothing matches, then the answer is empty', () => {
    expect(w.search('没有这个人')).toEqual({ q: '没有这个人', total: 0, buyers: [] });
  });
});

describe('the index follows the order book and the parcels', () => {
  it('when an order changes its waybill and receiver after the index was built, then searches see the new ones only', async () => {
    w.index.warm();
    expect(w.search('YT2026000111').total).toBe(1);
    await w.orders.upsertMany([
      buyerOrder({
        tid: '4100000000000001',
        nick: '小丽的衣橱',
        waybill: 'SF1400000001',
        mobile: '13811119999',
        modifiedAt: '2026-11-21T09:00:00.000+08:00',
      }),
    ]);
    expect(w.search('YT2026000111').total).toBe(0);
    expect(w.search('SF1400000001').buyers[0]).toMatchObject({ nick: '小丽的衣橱', best: 'waybill' });
    expect(w.search('9999').buyers.map((b) => b.nick)).toEqual(['小丽的衣橱']);
    expect(w.search('5678').buyers.map((b) => b.nick)).toEqual(['爱小丽']);
  });

  it('when a new buyer orders after the index was built, then the nick is found', async () => {
    w.index.warm();
    await w.orders.upsertMany([buyerOrder({ tid: '4100000000000009', nick: '新来的买家' })]);
    expect(w.search('来的').buyers[0]).toMatchObject({ nick: '新来的买家', best: 'nick_part' });
    expect(w.index.size()).toEqual({ orders: 7, nicks: 6 });
  });

  it('when a parcel is saved under a waybill no order item holds (a return), then the waybill finds its buyer', async () => {
    w.index.warm();
    await w.parcels.save(
      '4100000000000003',
      {
        company: 'zhongtong',
        waybill: 'ZT7000000001',
        state: 'in_transit',
        subState: null,
        events: [],
        checkedAt: '2026-11-22T10:00:00.000+08:00',
      },
      '2026-11-22T10:00:00.000+08:00',
    );
    expect(w.search('zt7000000001').buyers[0]).toMatchObject({ nick: '小丽', best: 'waybill' });
  });
});
