/**
 * Find anyone fast, then the buyer's page, in chromium at 400 px over the sandbox shop: a complaint is recorded for a
 * buyer; 小丽 types part of the nick into the header's box, finds the buyer with why, opens the page, and reads the
 * open complaint first (above the profile and the orders), in Chinese without scrolling sideways; she records the
 * buyer's contact preference; an order's 买家 leads to the same page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishWords } from '../support/english-words.js';
import {
  apiAs,
  DEMO,
  inPage,
  launchBrowser,
  openSignedIn,
  startConsoleService,
  type ConsoleService,
} from './harness.js';

describe('console 找买家 and 买家 (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(300), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when 小丽 searches part of a nick at 400 px, then the buyer page opens with the open complaint first', async () => {
    const api = await apiAs(service.url, DEMO.xiaoli.username);
    const order = (await api.orders('?pageSize=50')).orders.find((o) => [...o.buyerNick].length >= 6)!;
    const nick = order.buyerNick;
    const complaint = await api.post('/api/complaints', {
      buyerNick: nick,
      tid: order.tid,
      channel: 'wangwang',
      category: 'quality',
      content: '袖口开线',
    });
    expect(complaint.status).toBe(201);

    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaoli.username,
      '#/orders',
      400,
      900,
    );
    // A part from inside the nick, long enough to be this buyer's (sandbox nicks share their first letters).
    const part = [...nick].slice(2, 6).join('');
    await page.getByTestId('header-search').fill(part);
    await page.getByTestId('header-search').press('Enter');
    const hit = page.locator(`[data-testid="search-hit"][data-nick="${nick}"]`);
    await hit.waitFor();
    expect(await hit.locator('.why').innerText()).toMatch(/昵称(开头|包含)/);
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);

    await hit.getByRole('link', { name: nick, exact: true }).click();
    const problemsCard = page.getByTestId('buyer-problems');
    await problemsCard.waitFor();
    expect(await page.locator('h1').innerText()).toBe(nick);
    expect(await problemsCard.innerText()).toContain('袖口开线');
    const top = async (testid: string) => (await page.getByTestId(testid).boundingBox())!.y;
    expect(await top('buyer-problems')).toBeLessThan(await top('buyer-profile'));
    expect(await top('buyer-profile')).toBeLessThan(await top('buyer-orders'));
    expect(await page.getByTestId('buyer-orders').innerText()).toContain(order.tid);
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    const text = await page.locator('#main').innerText();
    expect(englishWords(text, [nick, DEMO.xiaoli.username])).toEqual([]);
    await page.screenshot({ path: '/tmp/xiaoer-console-buyer-400.png', fullPage: true });

    await page.getByTestId('edit-profile').click();
    await page.getByLabel('联系方式').selectOption({ label: '仅旺旺' });
    await page.getByRole('button', { name: '保存资料' }).click();
    await expect.poll(() => page.getByTestId('buyer-profile').innerText()).toContain('小丽');
    expect(await page.locator('.buyer-tags').innerText()).toContain('仅旺旺');

    await page.goto(`${service.url}/#/orders/${order.tid}`);
    await page.getByTestId('buyer-link').click();
    await page.getByTestId('buyer-problems').waitFor();
    expect(await page.locator('h1').innerText()).toBe(nick);
    expect(problems).toEqual([]);
    await context.close();
  });
});
