/**
 * 周报 in chromium at 400 px over the sandbox shop: 小丽 writes a sale record and a complaint is recorded this
 * week; she opens 周报 (in her navigation: every role reads it), picks this week, and reads her remarks by kind and
 * the complaint, all in Chinese without scrolling sideways; the month's causes list the complaint's category.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekOf } from '../../src/summary/index.js';
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

describe('console 周报 (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(300), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when 小丽 opens this week at 400 px, then her remarks by kind and the week’s complaint show in Chinese', async () => {
    const api = await apiAs(service.url, DEMO.xiaoli.username);
    const tid = (await api.orders('?status=WAIT_SELLER_SEND_GOODS&pageSize=1')).orders[0]!.tid;
    expect((await api.post(`/api/orders/${tid}/remarks`, { kind: 'sale.record', fields: {} })).status).toBe(201);
    const complaint = await api.post('/api/complaints', {
      buyerNick: 'tb_周报测试',
      channel: 'phone',
      category: 'logistics',
      content: '快递三天没动',
    });
    expect(complaint.status).toBe(201);
    const week = weekOf(Date.now());

    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaoli.username,
      '#/orders',
      400,
      900,
    );
    await page.locator('.main-nav a', { hasText: '周报' }).click();
    await page.getByLabel('哪一周').waitFor();
    await page.getByLabel('哪一周').fill(week);
    await page.getByLabel('哪一周').dispatchEvent('change');
    const remarks = page.getByTestId('summary-remarks');
    await expect.poll(() => remarks.textContent()).toContain('小丽：1 条');
    expect(await remarks.textContent()).toContain('销售记录 1');
    const complaints = page.getByTestId('summary-本周投诉');
    expect(await complaints.textContent()).toContain('新投诉1 件');
    await expect.poll(() => page.getByTestId('summary-cause-list').textContent()).toContain('物流：1 件（100%）');
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    const text = `${await page.locator('#app-header').innerText()}\n${await page.locator('#main').innerText()}`;
    expect(englishWords(text, [DEMO.xiaoli.username, week])).toEqual([]);
    await page.screenshot({ path: '/tmp/xiaoer-console-summary-400.png', fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
