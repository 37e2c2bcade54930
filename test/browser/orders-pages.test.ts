import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO,
  inPage,
  launchBrowser,
  logIn,
  openPage,
  openSignedIn,
  startConsoleService,
  type ConsoleService,
  type OrderDetail,
} from './harness.js';

const FLAG_NAMES = ['', '红旗', '黄旗', '绿旗', '蓝旗', '紫旗'];
const PARCEL_STATES: Record<string, string> = {
  collected: '已揽收',
  in_transit: '运输中',
  dispatching: '派件中',
  signed: '已签收',
  problem: '疑难',
  returning: '退回中',
  returned: '已退回',
  refused: '拒签',
  customs: '清关',
  unknown: '未知',
};
/** "2026-11-23T18:33:50.000+08:00" → "2026-11-23 18:33", the Shanghai wall clock the page must show. */
const wall = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

describe('console 订单 and 订单详情 pages (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;
  let api: Awaited<ReturnType<typeof apiAs>>;
  /** A shipped order whose parcel has at least two tracking events. */
  let tracked: OrderDetail;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(), launchBrowser()]);
    api = await apiAs(service.url, DEMO.xiaoli.username);
    const shipped = await api.orders(
      '?status=WAIT_BUYER_CONFIRM_GOODS,TRADE_BUYER_SIGNED,SELLER_CONSIGNED_PART&pageSize=50',
    );
    for (const o of shipped.orders) {
      const d = await api.get<OrderDetail>(`/api/orders/${o.tid}`);
      if (d.logistics.some((p) => p.events.length >= 2)) {
        tracked = d;
        break;
      }
    }
    if (!tracked) throw new Error('the sandbox shop has no tracked parcel with two events');
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  const allOrders = async () => [
    ...(await api.orders('?pageSize=200')).orders,
    ...(await api.orders('?pageSize=200&page=2')).orders,
  ];

  it('when 小丽 logs in, then the newest orders show with the shop total, their flags, states and amounts', async () => {
    const { context, page, problems } = await openPage(browser);
    await logIn(page, service.url, DEMO.xiaoli.username);
    const expected = await api.orders('?page=1&pageSize=20');
    expect(expected.total).toBe(300);
    expect(await page.getByTestId('orders-total').getAttribute('data-total')).toBe('300');
    expect(await page.getByTestId('orders-total').textContent()).toContain('共 300 单');
    expect(await inPage.rowTids(page)).toEqual(expected.orders.map((o) => o.tid));
    for (const o of expected.orders) {
      const row = page.locator(`.order-row[data-tid="${o.tid}"]`);
      if (o.sellerFlag) expect(await row.locator('.flag').textContent()).toBe(FLAG_NAMES[o.sellerFlag]);
      else expect(await row.locator('.flag').count()).toBe(0);
      expect(await row.locator('.buyer-nick').textContent()).toBe(o.buyerNick);
      expect(await row.locator('.amount').textContent()).toBe(`¥${(o.payment / 100).toFixed(2)}`);
    }
    // The sandbox's newest orders include unpaid ones of the last hour: their state must be plain to see.
    const unpaid = expected.orders.find((o) => o.status === 'WAIT_BUYER_PAY');
    expect(unpaid).toBeDefined();
    expect(await page.locator(`.order-row[data-tid="${unpaid!.tid}"] .badge`).textContent()).toBe('待付款');
    await page.screenshot({ path: '/tmp/xiaoer-console-orders-desktop.png' });

    const flagged = (await allOrders()).find((o) => o.sellerFlag > 0)!;
    await page.goto(`${service.url}/#/orders?q=${flagged.tid}`);
    const flag = page.locator(`.order-row[data-tid="${flagged.tid}"] .flag`);
    await flag.waitFor();
    expect(await flag.textContent()).toBe(FLAG_NAMES[flagged.sellerFlag]);
    expect(await inPage.colour(flag)).not.toBe(await inPage.colour(page.locator('body')));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when 小丽 searches a buyer nick from the keyboard, then the orders whose nick contains it are listed, as the service lists them', async () => {
    const { context, page } = await openSignedIn(browser, service.url, DEMO.xiaoli.username);
    await page.locator('.order-list').waitFor();
    const nick = (await api.orders('?pageSize=50')).orders[7]!.buyerNick;
    const expected = await api.orders(`?buyerNick=${encodeURIComponent(nick)}&pageSize=20`);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await inPage.activeId(page)).toBe('order-search');
    await page.keyboard.type(nick);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('orders-total').getAttribute('data-total')).toBe(String(expected.total));
    expect(await inPage.rowTids(page)).toEqual(expected.orders.map((o) => o.tid));
    // A search by part of a nick: another buyer whose nick contains this one (草莓味的夏天40 for
    // 草莓味的夏天4) is listed too; the buyer searched for is always there.
    const nicks = await page.locator('.order-row .buyer-nick').allTextContents();
    expect(nicks).toContain(nick);
    expect(nicks.every((n) => n.includes(nick))).toBe(true);
    expect(page.url()).toContain(`q=${encodeURIComponent(nick)}`);
    await context.close();
  });

  it('when a status is chosen and then the next page, then the list matches the service for that status and page', async () => {
    const { context, page } = await openSignedIn(browser, service.url, DEMO.xiaoli.username);
    await page.locator('.order-list').waitFor();
    await page.getByLabel('订单状态').selectOption({ label: '已完成' });
    const finished = await api.orders('?status=TRADE_FINISHED&pageSize=20&page=2');
    await expect.poll(() => page.getByTestId('orders-total').getAttribute('data-total')).toBe(String(finished.total));
    expect(new Set(await page.locator('.order-row .badge').allTextContents())).toEqual(new Set(['交易成功']));
    await page.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => inPage.rowTids(page)).toEqual(finished.orders.map((o) => o.tid));
    expect(await page.locator('.pager .page-of').textContent()).toBe(`第 2 / ${Math.ceil(finished.total / 20)} 页`);

    await page.getByLabel('订单状态').selectOption({ label: '待付款' });
    const unpaid = await api.orders(
      '?status=WAIT_BUYER_PAY,TRADE_NO_CREATE_PAY,PAY_PENDING,WAIT_PRE_AUTH_CONFIRM&pageSize=20',
    );
    await expect.poll(() => inPage.rowTids(page)).toEqual(unpaid.orders.map((o) => o.tid));
    await context.close();
  });

  it('when 小丽 opens a shipped order from the list, then each parcel shows its Chinese state and events newest first', async () => {
    const { context, page, problems } = await openSignedIn(browser, service.url, DEMO.xiaoli.username);
    await page.getByLabel('搜索订单').fill(tracked.tid);
    await page.getByLabel('搜索订单').press('Enter');
    await page.locator(`.order-row[data-tid="${tracked.tid}"] a`).click();
    const logistics = page.getByTestId('logistics');
    await logistics.waitFor();
    expect(page.url()).toContain(`#/orders/${tracked.tid}`);
    for (const parcel of tracked.logistics) {
      const card = logistics.locator(`.parcel[data-waybill="${parcel.waybill}"]`);
      expect(await card.getByTestId('parcel-state').textContent()).toBe(PARCEL_STATES[parcel.state]);
      const newestFirst = [...parcel.events].sort((a, b) => (a.at < b.at ? 1 : -1));
      expect(await card.locator('.event time').allTextContents()).toEqual(newestFirst.map((e) => wall(e.at)));
      expect(await card.locator('.event-state').allTextContents()).toEqual(
        newestFirst.map((e) => PARCEL_STATES[e.state]),
      );
      expect(await card.locator('.event-text').allTextContents()).toEqual(newestFirst.map((e) => e.description));
    }
    await page.screenshot({ path: '/tmp/xiaoer-console-detail-desktop.png', fullPage: true });
    await page.locator('.back-link').click();
    await expect.poll(() => page.url()).toContain(`q=${tracked.tid}`);
    expect(await page.getByLabel('搜索订单').inputValue()).toBe(tracked.tid);

    // An order with a memo and a flag shows both; an unknown tid says so in Chinese, never a blank page.
    const memoed = (await allOrders()).find((o) => o.sellerFlag > 0 && o.sellerMemo)!;
    await page.goto(`${service.url}/#/orders/${memoed.tid}`);
    await page.getByTestId('seller-memo').waitFor();
    expect(await page.getByTestId('seller-memo').textContent()).toBe(memoed.sellerMemo);
    expect(await page.locator('.detail-title .flag').textContent()).toBe(FLAG_NAMES[memoed.sellerFlag]);
    await page.goto(`${service.url}/#/orders/1234567890123456789`);
    await expect.poll(() => page.locator('.error-box').textContent()).toBe('订单 1234567890123456789 不存在'); // the service's own sentence, shown as it is
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    await context.close();
  });

  it('when 小丽 (staff) or 小周 (keeper) open an order, then the receiver is masked; 小丽 gets a note and no 查看完整收件人, 小周 gets it for the waybill scenes only', async () => {
    const asKeeper = await (
      await apiAs(service.url, DEMO.xiaozhou.username)
    ).get<OrderDetail>(`/api/orders/${tracked.tid}`);
    expect(asKeeper.receiverMasked).toBe(true);
    const plain = service.svc.outside.shop!.plainReceiver(service.svc.outside.shop!.trade(tracked.tid)!);

    for (const who of [DEMO.xiaoli, DEMO.xiaozhou]) {
      const { page, context } = await openSignedIn(browser, service.url, who.username, `#/orders/${tracked.tid}`);
      const receiver = page.getByTestId('receiver');
      await receiver.waitFor();
      expect(await receiver.textContent()).toContain(tracked.receiver.name);
      for (const secret of [plain.name, plain.mobile, plain.address]) {
        expect(await receiver.textContent()).not.toContain(secret);
      }
      if (who === DEMO.xiaoli) {
        expect(await page.getByTestId('receiver-masked').textContent()).toContain('已脱敏');
        expect(await page.getByTestId('reveal-open').count()).toBe(0);
      } else {
        // The keeper writes the transfer orders' waybills: the scenes of a waybill and the name, not 改地址.
        expect(await page.getByTestId('receiver-masked').count()).toBe(0);
        await page.getByTestId('reveal-open').click();
        const scenes = await page.getByTestId('reveal-scene').locator('option').allTextContents();
        expect(scenes).toContain('查看收件人姓名');
        expect(scenes).toContain('邮政特快专递电子面单发货');
        expect(scenes).not.toContain('改地址');
      }
      await context.close();
    }
  });

  it('when the console is a 400 px plugin panel, then nothing scrolls sideways on the list or an order', async () => {
    const { context, page } = await openSignedIn(browser, service.url, DEMO.xiaoli.username, '#/orders', 400, 800);
    await page.locator('.order-list').waitFor();
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    await page.screenshot({ path: '/tmp/xiaoer-console-orders-400.png' });
    await page.goto(`${service.url}/#/orders/${tracked.tid}`);
    await page.getByTestId('logistics').waitFor();
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    await page.screenshot({ path: '/tmp/xiaoer-console-detail-400.png', fullPage: true });
    await context.close();
  });
});
