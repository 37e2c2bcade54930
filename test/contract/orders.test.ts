/**
 * The order repository (src/orders/order-repository.ts) on lowdb and on PostgreSQL: lookups, the list with each of
 * its filters and its order, upserts that never put an older copy over a newer one (also across instances), and the
 * change listeners the buyer search follows — told of another instance's orders once this one catches up.
 */
import { expect, it } from 'vitest';
import { createOrderRepository, type OrderChange } from '../../src/orders/order-repository.js';
import type { Order, TradeStatus } from '../../src/orders/order.js';
import { parseInstant } from '../../src/shared/time.js';
import { describeEachStore } from '../support/each-store.js';
import { fixedOrder } from '../messaging/templates/fixtures.js';

const at = (day: string, time: string) => `2026-11-${day}T${time}:00.000+08:00`;

function order(tid: string, status: TradeStatus, buyerNick: string, created: string, modified: string, waybill = '') {
  const base = fixedOrder({ tid, status, buyerNick, createdAt: created, modifiedAt: modified });
  // The second line carries the waybill: a filter must look at every line, not the first.
  return { ...base, items: base.items.map((i, n) => ({ ...i, invoiceNo: n === 1 ? waybill : '' })) };
}

/** Five orders: 1002 and 1003 created at the same instant (tid breaks the tie), waybills on two of them. */
const SHOP: Order[] = [
  order('1001', 'WAIT_BUYER_PAY', 'tb_lily2024', at('20', '10:00'), at('20', '10:00')),
  order('1002', 'WAIT_SELLER_SEND_GOODS', 'tb_zhou88', at('21', '09:00'), at('22', '12:00')),
  order('1003', 'WAIT_BUYER_CONFIRM_GOODS', 'tb_zhou88_2', at('21', '09:00'), at('23', '08:00'), 'SF1402023456789'),
  order('1004', 'TRADE_FINISHED', '毛毛雨920402', at('19', '15:00'), at('23', '09:00'), 'YT7788'),
  order('1005', 'TRADE_CLOSED', 'tb_lily2024', at('18', '08:00'), at('18', '20:00')),
];

const tids = (r: { orders: Order[] }) => r.orders.map((o) => o.tid);
const ALL = { offset: 0, limit: 100 };

describeEachStore('the order repository', (s) => {
  it('stores new orders, counts them, and finds each by its tid', async () => {
    const repo = createOrderRepository(s.store);
    expect(repo.get('1001')).toBeUndefined();
    expect(await repo.upsertMany(SHOP)).toEqual({ created: 5, changed: 0, unchanged: 0 });
    expect(repo.count()).toBe(5);
    expect(repo.get('1003')).toEqual(SHOP[2]);
    expect([...repo.all()].map((o) => o.tid).sort()).toEqual(['1001', '1002', '1003', '1004', '1005']);
    const again = createOrderRepository(await s.reopen());
    expect(again.get('1004')).toEqual(SHOP[3]);
  });

  it('lists newest created first, tid breaking a tie, a page at a time with the total', async () => {
    const repo = createOrderRepository(s.store);
    await repo.upsertMany(SHOP);
    expect(tids(repo.list({}, ALL))).toEqual(['1003', '1002', '1001', '1004', '1005']);
    const page = repo.list({}, { offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(tids(page)).toEqual(['1002', '1001']);
    expect(repo.list({}, { offset: 5, limit: 2 })).toEqual({ total: 5, orders: [] });
  });

  it('filters by status, buyer (part of the nick), tid, waybill (any line, whole number) and modified since', async () => {
    const repo = createOrderRepository(s.store);
    await repo.upsertMany(SHOP);
    const list = (f: Parameters<typeof repo.list>[0]) => tids(repo.list(f, ALL));
    expect(list({ status: ['WAIT_SELLER_SEND_GOODS', 'WAIT_BUYER_CONFIRM_GOODS'] })).toEqual(['1003', '1002']);
    expect(list({ status: [] })).toHaveLength(5);
    expect(list({ buyerNick: ' zhou88 ' })).toEqual(['1003', '1002']);
    expect(list({ buyerNick: 'lily' })).toEqual(['1001', '1005']);
    expect(list({ tid: '1004' })).toEqual(['1004']);
    expect(list({ tid: '9999' })).toEqual([]);
    expect(list({ waybill: 'YT7788' })).toEqual(['1004']);
    expect(list({ waybill: 'SF1402023456789' })).toEqual(['1003']);
    expect(list({ waybill: 'SF1402' })).toEqual([]);
    // At or after the instant: 1003 was modified exactly then.
    expect(list({ updatedSince: parseInstant(at('23', '08:00')) })).toEqual(['1003', '1004']);
    expect(list({ updatedSince: parseInstant(at('23', '08:00')) + 1 })).toEqual(['1004']);
    expect(list({ status: ['TRADE_FINISHED', 'WAIT_BUYER_PAY'], buyerNick: 'lily' })).toEqual(['1001']);
    const combined = repo.list({ buyerNick: 'zhou', updatedSince: parseInstant(at('22', '12:00')) }, ALL);
    expect(combined.total).toBe(2);
  });

  it('never replaces a newer copy with an older one, and leaves an identical one alone', async () => {
    const repo = createOrderRepository(s.store);
    const newer = order('1002', 'WAIT_BUYER_CONFIRM_GOODS', 'tb_zhou88', at('21', '09:00'), at('23', '12:00'));
    const older = order('1002', 'WAIT_SELLER_SEND_GOODS', 'tb_zhou88', at('21', '09:00'), at('22', '12:00'));
    await repo.upsertMany([newer]);
    expect(await repo.upsertMany([older])).toEqual({ created: 0, changed: 0, unchanged: 1 });
    expect(repo.get('1002')!.status).toBe('WAIT_BUYER_CONFIRM_GOODS');
    expect(await repo.upsertMany([structuredClone(newer)])).toEqual({ created: 0, changed: 0, unchanged: 1 });
    // The same instant with different content is news (a second change within the platform's second).
    const sameTime = { ...newer, sellerMemo: '11.23 小李 已改地址' };
    expect(await repo.upsertMany([sameTime])).toEqual({ created: 0, changed: 1, unchanged: 0 });
    const again = createOrderRepository(await s.reopen());
    expect(again.get('1002')).toEqual(sameTime);
    expect(await again.upsertMany([older])).toEqual({ created: 0, changed: 0, unchanged: 1 });
    expect(again.get('1002')!.status).toBe('WAIT_BUYER_CONFIRM_GOODS');
  });

  it('after a restart, takes the platform’s unchanged copy for unchanged (a sync rewrites nothing)', async () => {
    await createOrderRepository(s.store).upsertMany(SHOP);
    const again = createOrderRepository(await s.reopen());
    const told: OrderChange[] = [];
    again.onChange((c) => told.push(...c));
    // The platform hands the same orders again, as fresh objects with its own key order.
    expect(await again.upsertMany(SHOP.map((o) => structuredClone(o)))).toEqual({
      created: 0,
      changed: 0,
      unchanged: 5,
    });
    expect(told).toEqual([]);
  });

  it('writes what goes alongside in the same transaction: both land, or neither', async () => {
    const repo = createOrderRepository(s.store);
    await repo.upsertMany([SHOP[0]!], (tx) => tx.put('tmc-handoffs', 'h1', { tid: '1001' }));
    expect(s.store.get('tmc-handoffs', 'h1')).toEqual({ tid: '1001' });
    const failing = repo.upsertMany([SHOP[1]!], (tx) => {
      tx.put('tmc-handoffs', 'h2', { tid: '1002' });
      throw new Error('hand-off refused');
    });
    await expect(failing).rejects.toThrow('hand-off refused');
    const again = await s.reopen();
    expect(again.get('tmc-handoffs', 'h1')).toEqual({ tid: '1001' });
    expect(again.get('tmc-handoffs', 'h2')).toBeUndefined();
    expect(createOrderRepository(again).get('1002')).toBeUndefined();
  });

  it('tells its listeners what each upsert created or changed, before and after, and nothing else', async () => {
    const repo = createOrderRepository(s.store);
    const told: OrderChange[][] = [];
    const stop = repo.onChange((c) => told.push([...c]));
    repo.onChange(() => {
      throw new Error('an index that cannot follow');
    });
    await repo.upsertMany([SHOP[0]!, SHOP[1]!]);
    const paid = { ...SHOP[0]!, status: 'WAIT_SELLER_SEND_GOODS' as const, modifiedAt: at('20', '10:05') };
    await repo.upsertMany([paid, SHOP[1]!]);
    expect(told).toEqual([
      [
        { before: undefined, after: SHOP[0] },
        { before: undefined, after: SHOP[1] },
      ],
      [{ before: SHOP[0], after: paid }],
    ]);
    // A failing listener undid nothing.
    expect(repo.get('1001')).toEqual(paid);
    stop();
    await repo.upsertMany([{ ...paid, modifiedAt: at('20', '10:06') }]);
    expect(told).toHaveLength(2);
  });

  if (s.kind === 'postgres') {
    it('tells this instance’s listeners of an order another instance upserted, once it catches up', async () => {
      const [a, b] = await s.instances();
      const [repoA, repoB] = [createOrderRepository(a), createOrderRepository(b)];
      await repoA.upsertMany([SHOP[0]!]);
      await b.catchUp();
      const told: OrderChange[] = [];
      repoA.onChange((c) => told.push(...c));
      const paid = { ...SHOP[0]!, status: 'WAIT_SELLER_SEND_GOODS' as const, modifiedAt: at('20', '10:05') };
      await repoB.upsertMany([paid, SHOP[2]!]);
      await a.catchUp();
      expect(told).toEqual([
        { before: SHOP[0], after: paid },
        { before: undefined, after: SHOP[2] },
      ]);
      expect(tids(repoA.list({ status: ['WAIT_SELLER_SEND_GOODS'] }, ALL))).toEqual(['1001']);
      expect(tids(repoA.list({ waybill: 'SF1402023456789' }, ALL))).toEqual(['1003']);
    });

    it('keeps another instance’s newer copy when this one, not caught up yet, upserts an older one', async () => {
      const [a, b] = await s.instances();
      const [repoA, repoB] = [createOrderRepository(a), createOrderRepository(b)];
      const v1 = order('1002', 'WAIT_BUYER_PAY', 'tb_zhou88', at('21', '09:00'), at('21', '09:00'));
      const v2 = { ...v1, status: 'WAIT_SELLER_SEND_GOODS' as const, modifiedAt: at('21', '10:00') };
      const v3 = { ...v1, status: 'WAIT_BUYER_CONFIRM_GOODS' as const, modifiedAt: at('22', '16:00') };
      await repoA.upsertMany([v1]);
      await b.catchUp();
      await repoB.upsertMany([v3]);
      // a has not taken in v3: it reads v1 and would write v2, until its commit finds v3 and runs it again.
      expect(await repoA.upsertMany([v2])).toEqual({ created: 0, changed: 0, unchanged: 1 });
      await b.catchUp();
      expect(repoA.get('1002')).toEqual(v3);
      expect(repoB.get('1002')).toEqual(v3);
    });
  }
});
