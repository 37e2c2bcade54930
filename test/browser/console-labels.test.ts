/**
 * The console names codes (message kinds, couriers, task types, job names) with the words GET /api/labels
 * serves, and keeps no copy of its own. Each story serves the real labels with every name marked (＊)
 * and expects the marked names on the page: a page reading a copy of its own would show the unmarked
 * word and fail.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO, launchBrowser, openSignedIn, startConsoleService, type ConsoleService, type OrderDetail } from './harness.js';

type Labels = Record<string, unknown> & {
  messageKinds: Record<string, string>;
  orderMessageKinds: string[];
  couriers: Record<string, string>;
};

const MARK = '＊';
const marked = (names: Record<string, string>) => Object.fromEntries(Object.entries(names).map(([k, v]) => [k, `${v}${MARK}`]));

describe('console names from GET /api/labels (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;
  let api: Awaited<ReturnType<typeof apiAs>>;
  let real: Labels;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(60), launchBrowser()]);
    api = await apiAs(service.url, DEMO.xiaoli.username);
    real = await api.get<Labels>('/api/labels');
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  /**
   * Opens `hash` signed in, with /api/labels answered by `serve(real)`; returns how many times the page asked.
   * The page is reloaded after the route is set, so nothing fetched before it counts.
   */
  async function openWithLabels(user: string, hash: string, serve: (l: Labels) => object) {
    const opened: { context: BrowserContext; page: Page; problems: string[] } =
      await openSignedIn(browser, service.url, user, hash);
    const asked = { count: 0 };
    await opened.context.route('**/api/labels', async (route) => {
      asked.count++;
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(serve(real)) });
    });
    await opened.page.reload();
    return { ...opened, asked };
  }

  it('when the messages page lists kinds and a queued message, then both carry the names the API serves', async () => {
    const tid = (await api.orders('?status=WAIT_BUYER_CONFIRM_GOODS&pageSize=1')).orders[0]!.tid;
    const queued = await api.post('/api/messages', { kind: 'refund-registered', tid, values: { refundAmount: '12元' } });
    expect([200, 201]).toContain(queued.status);
    const { context, page, problems, asked } = await openWithLabels(DEMO.xiaoli.username, `#/messages?state=all&tid=${tid}`,
      (l) => ({ ...l, messageKinds: marked(l.messageKinds) }));
    const row = page.locator('.message[data-kind="refund-registered"]');
    await row.waitFor();
    expect(await row.locator('strong').textContent()).toBe(`退款已登记${MARK}`);
    const options = await page.locator('#message-kind-filter option').allTextContents();
    expect(options).toEqual(['全部类型', ...Object.values(real.messageKinds).map((n) => `${n}${MARK}`)]);
    expect(asked.count).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when the order page offers messages, then it offers the kinds and names the API serves, no more', async () => {
    const tid = (await api.orders('?status=WAIT_BUYER_CONFIRM_GOODS&pageSize=2')).orders[1]!.tid;
    const offered = ['logistics-stuck', 'refund-registered'];
    const { context, page, problems } = await openWithLabels(DEMO.xiaoli.username, `#/orders/${tid}`,
      (l) => ({ ...l, messageKinds: marked(l.messageKinds), orderMessageKinds: offered }));
    const select = page.getByTestId('order-message').getByLabel('消息类型');
    await select.waitFor();
    expect(await select.locator('option').allTextContents()).toEqual(['选择消息类型', `物流停滞通知${MARK}`, `退款已登记${MARK}`]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when an order\'s parcel is shown, then its courier carries the name the API serves, not the code', async () => {
    let parcel: OrderDetail['logistics'][number] | undefined;
    let tid = '';
    for (const o of (await api.orders('?status=WAIT_BUYER_CONFIRM_GOODS,TRADE_BUYER_SIGNED&pageSize=20')).orders) {
      parcel = (await api.get<OrderDetail>(`/api/orders/${o.tid}`)).logistics[0];
      tid = o.tid;
      if (parcel) break;
    }
    if (!parcel) throw new Error('the sandbox shop has no shipped order with a parcel');
    expect(real.couriers[parcel.company]).toMatch(/[\u4e00-\u9fff]|EMS/);
    const { context, page, problems } = await openWithLabels(DEMO.xiaoli.username, `#/orders/${tid}`,
      (l) => ({ ...l, couriers: marked(l.couriers) }));
    const courier = page.locator(`.parcel[data-waybill="${parcel.waybill}"] .parcel-courier`);
    await courier.waitFor();
    expect(await courier.textContent()).toBe(`${real.couriers[parcel.company]}${MARK} ${parcel.waybill}`);
    expect(problems).toEqual([]);
    await context.close();
  });
});
