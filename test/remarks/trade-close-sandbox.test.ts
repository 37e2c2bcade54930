/**
 * Closing unpaid trades after 拍下后无货 / 拍下后不要 (issue 15, part 3), through the real TOP adapter and the sandbox
 * shop over HTTP: the trade is closed once with the platform's reason after the memo is written, also when the first
 * try's answer is lost and the outbox tries again after a restart; a paid order is not closed; a refusal becomes the
 * writer's follow-up with a Chinese title and shows on the order's history.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/accounts/accounts.js';
import { createOrderRepository } from '../../src/orders/index.js';
import { pay } from '../../src/platform/sandbox/transitions.js';
import type { ShopPlatform } from '../../src/platform/index.js';
import { staffDirectoryFromUsers } from '../../src/remarks/index.js';
import { wireRemarkFeatures } from '../../src/service/wire-remark-features.js';
import { UpstreamError } from '../../src/shared/errors.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { createFollowUps } from '../../src/tasks/index.js';
import { apiApp } from '../support/api-app.js';
import { sandboxRig } from '../support/sandbox-rig.js';

const rigs: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.close()));
});

const lost = () =>
  new UpstreamError({ upstream: 'taobao', code: 'top_upstream_fault', message: 'socket hang up', retriable: true });

/** The sandbox platform with closeTrade counted, and able to lose the answer of a close that landed. */
function watched(platform: ShopPlatform) {
  const seen = { closes: [] as { tid: string; reason: string }[], loseNextAnswer: false, memoDown: false };
  const wrapped: ShopPlatform = {
    ...platform,
    kind: platform.kind,
    changedOrders: platform.changedOrders.bind(platform),
    createdOrders: platform.createdOrders.bind(platform),
    getOrder: platform.getOrder.bind(platform),
    async updateMemo(tid, memo, flag, options) {
      if (seen.memoDown) throw lost();
      return platform.updateMemo(tid, memo, flag, options);
    },
    async closeTrade(tid, reason, options) {
      seen.closes.push({ tid, reason });
      const answer = await platform.closeTrade(tid, reason, options);
      if (seen.loseNextAnswer) {
        seen.loseNextAnswer = false;
        throw lost();
      }
      return answer;
    },
    negativeReviews: platform.negativeReviews.bind(platform),
    stats: platform.stats.bind(platform),
  };
  return { wrapped, seen };
}

async function rig() {
  const sandbox = await sandboxRig({ orders: 2000 });
  rigs.push(sandbox);
  const { shop, clock } = sandbox;
  const pick = (status: 'WAIT_BUYER_PAY' | 'WAIT_SELLER_SEND_GOODS') =>
    shop.tradesByCreated(0, clock.now(), { statuses: new Set([status] as const) }, { pageNo: 1, pageSize: 3 }).items;
  if (pick('WAIT_BUYER_PAY').length < 3) throw new Error('the sandbox shop has too few unpaid trades');
  const [unpaid, unpaid2, unpaid3] = pick('WAIT_BUYER_PAY').map((t) => t.tid);
  const [paid] = pick('WAIT_SELLER_SEND_GOODS').map((t) => t.tid);
  const { wrapped, seen } = watched(sandbox.platform);
  const store = createMemoryStore();
  const orders = createOrderRepository(store);
  for (const tid of [unpaid!, unpaid2!, unpaid3!, paid!]) await orders.upsertMany([await wrapped.getOrder(tid)]);
  // One wiring is one process: a second over the same store is the service after a restart.
  const boot = () =>
    wireRemarkFeatures({
      store,
      platform: wrapped,
      orders,
      clock,
      logger: silentLogger(),
      memoDateFormat: 'MM.DD',
      staffDirectory: staffDirectoryFromUsers(DEMO_ACCOUNTS),
    });
  const features = boot();
  const { as, token } = await apiApp({ store, clock, routes: features.routers });
  await token('xiaoli');
  const remark = (tid: string, kind: string, fields: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    as('xiaoli').post(`/orders/${tid}/remarks`, { kind, fields, ...extra });
  const history = async (tid: string) => (await as('xiaoli').get(`/orders/${tid}/remarks`)).body.history;
  const followUps = createFollowUps({ store, clock });
  return { shop, clock, seen, orders, features, boot, remark, history, followUps, unpaid, unpaid2, unpaid3, paid };
}

describe('closing an unpaid trade after its remark', () => {
  it('when 拍下后无货 is written on an unpaid order, then the trade is closed once with 缺货, and writing it again closes nothing more', async () => {
    const r = await rig();
    const res = await r.remark(r.unpaid!, 'oos.notify', { via: '旺旺' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'written',
      close: { state: 'closed', reason: '缺货', status: 'TRADE_CLOSED_BY_TAOBAO', attempts: 1 },
    });
    expect(r.shop.trade(r.unpaid!)!.status).toBe('TRADE_CLOSED_BY_TAOBAO');
    expect(r.shop.trade(r.unpaid!)!.memo).toContain('此款无货+已旺旺通知买家+小丽/');
    expect(r.seen.closes).toEqual([{ tid: r.unpaid, reason: '缺货' }]);
    expect(r.orders.get(r.unpaid!)!.status).toBe('TRADE_CLOSED_BY_TAOBAO');
    expect((await r.history(r.unpaid!))[0].close).toMatchObject({ state: 'closed', reason: '缺货' });

    const again = await r.remark(r.unpaid!, 'oos.notify', { via: '旺旺' });
    expect(again.body).toMatchObject({ status: 'already_present', close: { state: 'closed' } });
    expect(await r.features.service.runOutbox()).toMatchObject({ queued: 0 });
    expect(r.seen.closes).toHaveLength(1);
  });

  it('when the close landed but its answer was lost, then after a restart the outbox records it closed without closing twice or opening an item', async () => {
    const r = await rig();
    r.seen.loseNextAnswer = true;
    const res = await r.remark(r.unpaid!, 'cancel.request', { keeper: '小周', auction: true });
    expect(res.body).toMatchObject({ status: 'written', close: { state: 'wanted', reason: '买家不想买了' } });
    expect(r.shop.trade(r.unpaid!)!.status).toBe('TRADE_CLOSED_BY_TAOBAO');

    const restarted = r.boot();
    expect(await restarted.service.runOutbox()).toMatchObject({ queued: 1, tradesClosed: 1, closesFailed: 0 });
    expect(await restarted.service.runOutbox()).toMatchObject({ queued: 0 });
    // The retry was refused as the wrong status and read back: the platform's trade is closed, and that is recorded.
    expect(r.seen.closes).toHaveLength(2);
    expect((await r.history(r.unpaid!))[0].close).toMatchObject({ state: 'closed', status: 'TRADE_CLOSED_BY_TAOBAO' });
    expect(r.followUps.list({ open: true })).toEqual([]);
  });

  it('when the memo cannot be written yet, then the trade is not closed before it, and the outbox writes the memo then closes once', async () => {
    const r = await rig();
    r.seen.memoDown = true;
    const res = await r.remark(r.unpaid!, 'oos.notify', { via: '电话' });
    expect(res.body).toMatchObject({ status: 'pending', close: { state: 'wanted' } });
    expect(r.seen.closes).toEqual([]);
    expect(r.shop.trade(r.unpaid!)!.status).toBe('WAIT_BUYER_PAY');

    r.seen.memoDown = false;
    expect(await r.features.service.runOutbox()).toMatchObject({ written: 1, tradesClosed: 1 });
    expect(await r.features.service.runOutbox()).toMatchObject({ queued: 0 });
    expect(r.seen.closes).toEqual([{ tid: r.unpaid, reason: '缺货' }]);
    expect(r.shop.trade(r.unpaid!)!.status).toBe('TRADE_CLOSED_BY_TAOBAO');
  });

  it('when the order is paid, or the writer unticks closing, then no trade is closed', async () => {
    const r = await rig();
    const paid = await r.remark(r.paid!, 'oos.notify', { via: '旺旺' });
    expect(paid.body).toMatchObject({ status: 'written', variant: 'paid_not_printed', close: null });
    const kept = await r.remark(r.unpaid2!, 'oos.notify', { via: '旺旺' }, { closeTrade: false });
    expect(kept.body).toMatchObject({ status: 'written', close: null });
    expect(await r.features.service.runOutbox()).toMatchObject({ queued: 0 });
    expect(r.seen.closes).toEqual([]);
    expect(r.shop.trade(r.paid!)!.status).toBe('WAIT_SELLER_SEND_GOODS');
    expect(r.shop.trade(r.unpaid2!)!.status).toBe('WAIT_BUYER_PAY');
  });

  it('when the buyer paid after the last sync, then the refused close becomes the writer’s open follow-up in Chinese and the history says so', async () => {
    const r = await rig();
    pay(r.shop.trade(r.unpaid3!)!, r.clock.now());
    const res = await r.remark(r.unpaid3!, 'oos.notify', { via: '旺旺' });
    expect(res.status).toBe(201);
    expect(res.body.close).toMatchObject({
      state: 'failed',
      error: '买家已经付款，交易不能关闭，请联系买家申请退款',
      followUpId: `trade-close-${res.body.id}`,
    });
    const [item, ...rest] = r.followUps.list({ open: true });
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      id: `trade-close-${res.body.id}`,
      kind: 'trade_close',
      tid: r.unpaid3,
      owner: 'xiaoli',
      ownerName: '小丽',
      title: '交易没有关闭，请到后台手动关闭（关闭原因：缺货）',
    });
    expect((await r.history(r.unpaid3!))[0].close.state).toBe('failed');
    // Settled for good: nothing is retried, and no second item is opened.
    expect(await r.features.service.runOutbox()).toMatchObject({ queued: 0 });
    expect(r.seen.closes).toHaveLength(1);
  });
});
