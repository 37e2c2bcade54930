/**
 * The live console (issue 19, part 4) at 400 px: a memo written in the platform's back office (the sandbox's, as a
 * colleague would) reaches the open order page and the orders list through the message channel and GET /api/events,
 * without a reload; while someone has typed into the page, a notice offers the refresh instead of wiping their words.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_TEXT, type OpenItem } from '../../src/handover/index.js';
import {
  apiAs,
  DEMO,
  inPage,
  launchBrowser,
  openSignedIn,
  startConsoleService,
  type ConsoleService,
} from './harness.js';

let service: ConsoleService;
let browser: Browser;
let api: Awaited<ReturnType<typeof apiAs>>;

beforeAll(async () => {
  [service, browser] = await Promise.all([startConsoleService(60), launchBrowser()]);
  api = await apiAs(service.url, DEMO.xiaoli.username);
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

/** Writes the memo as the seller's back office would: not through xiaoer. */
async function backOfficeMemo(tid: string, memo: string) {
  const r = await fetch(`${service.url}/sandbox/back-office/trades/${tid}/memo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ memo, flag: 2 }),
  });
  expect(r.status, await r.clone().text()).toBeLessThan(300);
}

/** A mark in the page's window: a reload would lose it. */
const markWindow = (page: Page) => page.evaluate(() => ((globalThis as unknown as { liveMark: number }).liveMark = 1));
const stillSameWindow = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { liveMark?: number }).liveMark === 1);

describe('live console (real browser, 400 px)', () => {
  it('when a memo is written in the back office, then the open order page shows it without a reload', async () => {
    const tid = (await api.orders('?pageSize=1')).orders[0]!.tid;
    const { page, context, problems } = await openSignedIn(browser, service.url, 'xiaoli', `#/orders/${tid}`, 400, 800);
    await page.getByTestId('memo-card').waitFor();
    await markWindow(page);
    await backOfficeMemo(tid, '后台改：改发顺丰');
    await expect
      .poll(() => page.getByTestId('seller-memo').textContent(), { timeout: 10_000 })
      .toBe('后台改：改发顺丰');
    expect(await stillSameWindow(page)).toBe(true);
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when the person has typed into the order page, then the page keeps the words and offers 订单已更新，点此刷新', async () => {
    const tid = (await api.orders('?pageSize=2')).orders[1]!.tid;
    const { page, context } = await openSignedIn(browser, service.url, 'xiaoli', `#/orders/${tid}`, 400, 800);
    await page.getByTestId('memo-card').waitFor();
    const field = page.locator('#main textarea').first();
    await field.fill('买家说周五前要到');
    await backOfficeMemo(tid, '后台改：周五前发出');
    const notice = page.getByTestId('live-notice');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toBe('订单已更新，点此刷新');
    expect(await field.inputValue()).toBe('买家说周五前要到');
    expect(await page.getByTestId('memo-card').textContent()).not.toContain('后台改：周五前发出');
    await notice.click();
    await expect
      .poll(() => page.getByTestId('seller-memo').textContent(), { timeout: 5000 })
      .toBe('后台改：周五前发出');
    await context.close();
  });

  it('when the order changes right after 小丽 wrote a remark, then the redrawn page still shows what became of it', async () => {
    let tid = '';
    for (const o of (await api.orders('?status=WAIT_SELLER_SEND_GOODS&pageSize=30')).orders)
      if ((await api.get<{ state: string }>(`/api/orders/${o.tid}/remark-kinds`)).state === 'paid_not_printed') {
        tid = o.tid;
        break;
      }
    expect(tid).not.toBe('');
    const { page, context, problems } = await openSignedIn(browser, service.url, 'xiaoli', `#/orders/${tid}`, 400, 800);
    await page.getByTestId('memo-card').waitFor();
    await page.getByLabel('备注类型').selectOption({ label: '已打单' });
    await page.getByRole('button', { name: '写入备注' }).click();
    const result = page.getByTestId('remark-result').locator('.result');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 15_000 }).toBe('written');
    await markWindow(page);
    await backOfficeMemo(tid, '后台改：周五前送到');
    await expect
      .poll(() => page.getByTestId('seller-memo').textContent(), { timeout: 10_000 })
      .toBe('后台改：周五前送到');
    // The page was drawn again for the back office's memo, and the answer to the remark is still there.
    expect(await stillSameWindow(page)).toBe(true);
    expect(await result.getAttribute('data-status')).toBe('written');
    // 已打单's entry is the memo date (Asia/Shanghai), as the shop writes it.
    const memoDate = new Date(Date.now() + 8 * 3600_000).toISOString().slice(5, 10).replace('-', '.');
    expect(await result.locator('.result-entry').textContent()).toBe(memoDate);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when an order on the list changes, then its row shows the memo and the search box keeps what was typed', async () => {
    const { page, context } = await openSignedIn(browser, service.url, 'xiaoli', '#/orders', 400, 800);
    const first = page.locator('.order-row').first();
    await first.waitFor();
    const tid = (await first.getAttribute('data-tid'))!;
    await markWindow(page);
    await page.locator('#order-search').fill('还没搜');
    await backOfficeMemo(tid, '后台改：列表也更新');
    await expect
      .poll(() => page.locator(`.order-row[data-tid="${tid}"] .memo-line`).textContent(), { timeout: 10_000 })
      .toContain('后台改：列表也更新');
    expect(await page.locator('#order-search').inputValue()).toBe('还没搜');
    expect(await stillSameWindow(page)).toBe(true);
    await context.close();
  });

  it('when an open item is handed to the person on 交接班, then a notice names it and the list shows it without a reload', async () => {
    const admin = await apiAs(service.url, DEMO.admin.username);
    // The admin records a hesitating buyer: an open item of the admin's, to hand to 小丽 later.
    const made = await admin.post<{ intent: { id: string } }>('/api/intents', {
      buyerNick: '犹豫客丁',
      items: '开衫',
      hesitation: '运费',
    });
    expect(made.status).toBe(201);
    const { items } = await admin.get<{ items: OpenItem[] }>('/api/open-items');
    const item = items.find((i) => i.key === `intent:${made.body.intent.id}`)!;
    expect(item.owner).not.toBe('xiaoli');
    const { page, context, problems } = await openSignedIn(browser, service.url, 'xiaoli', '#/handover', 400, 800);
    await page.getByTestId('handover-title').waitFor();
    await markWindow(page);
    const open = page.getByTestId('handover-open');
    expect(await open.textContent()).not.toContain('小丽熟悉这位买家');
    const handed = await admin.post(`/api/open-items/${encodeURIComponent(item.key)}/reassign`, {
      to: 'xiaoli',
      note: '小丽熟悉这位买家',
    });
    expect(handed.status).toBe(200);
    const toast = page.locator(`[data-testid="toast"][data-key="${item.key}"]`);
    await toast.waitFor({ timeout: 10_000 });
    expect(await toast.textContent()).toContain(`新的待处理：${KIND_TEXT[item.kind]}`);
    expect(await toast.textContent()).toContain(item.title);
    // The page drew the report again: the item shows the note it was handed over with.
    await expect.poll(() => open.textContent(), { timeout: 5000 }).toContain('小丽熟悉这位买家');
    expect(await stillSameWindow(page)).toBe(true);
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    expect(problems).toEqual([]);
    await context.close();
  });
});
