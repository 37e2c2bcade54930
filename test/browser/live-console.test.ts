/**
 * The live console (issue 19, part 4) at 400 px: a memo written in the platform's back office (the sandbox's, as a
 * colleague would) reaches the open order page and the orders list through the message channel and GET /api/events,
 * without a reload; while someone has typed into the page, a notice offers the refresh instead of wiping their words.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO, launchBrowser, openSignedIn, startConsoleService, type ConsoleService } from './harness.js';

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
const markWindow = (page: Page) => page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));
const stillSameWindow = (page: Page) =>
  page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark === 1);

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
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
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
});
