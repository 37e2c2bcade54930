/**
 * 知识库 and 推荐回复 in chromium at 400 px over the sandbox shop: 小丽 pastes a buyer's words on a signed order,
 * gets three suggestions rendered for it, copies the first in one click and logs a question nobody answered; 小周
 * (keeper) finds it under 未解答 on 知识库, answers it with a new entry, searches in a buyer's words with a typo and
 * edits an entry, whose 修改记录 names him; 小丽 then has the answer in 我的任务 and sees no editing buttons.
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

/** The page's clipboard, read inside page.evaluate (the tests are compiled without the DOM's types). */
declare const navigator: { clipboard: { readText(): Promise<string> } };

describe('console 知识库 and 推荐回复 (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(300), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when 小丽 pastes the buyer’s words on a signed order at 400 px, then three rendered suggestions copy in one click', async () => {
    const api = await apiAs(service.url, DEMO.xiaoli.username);
    const tid = (await api.orders('?status=TRADE_BUYER_SIGNED,TRADE_FINISHED&pageSize=1')).orders[0]!.tid;
    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaoli.username,
      `#/orders/${tid}`,
      400,
      900,
    );
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: service.url });
    const panel = page.getByTestId('order-suggest');
    await panel.getByLabel('买家的话').fill('ma数偏小 想换大一码');
    await panel.getByRole('button', { name: '推荐回复' }).click();
    const items = panel.locator('.suggestion');
    await expect.poll(() => items.count()).toBe(3);
    expect(await panel.textContent()).toContain('按订单已签收排序');
    expect(await items.first().getAttribute('data-id')).toBe('exchange-size');
    const first = (await items.first().getByTestId('suggestion-text').textContent()) ?? '';
    await panel.getByTestId('copy-suggestion-1').click();
    await expect.poll(() => panel.getByTestId('copy-suggestion-1-status').textContent()).toBe('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

    await panel.getByLabel('买家的话').fill('羽绒服钻绒正常吗');
    await panel.getByRole('button', { name: '推荐回复' }).click();
    await panel.getByTestId('log-unanswered').click();
    await expect.poll(() => panel.getByTestId('unanswered-status').textContent()).toContain('已记下');
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    await panel.screenshot({ path: '/tmp/xiaoer-console-suggest-400.png' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when 小周 answers the logged question on 知识库 at 400 px, then 小丽 is told in 我的任务 and cannot edit', async () => {
    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaozhou.username,
      '#/orders',
      400,
      900,
    );
    await page.locator('.main-nav a', { hasText: '知识库' }).click();
    const open = page.getByTestId('unanswered');
    await expect.poll(() => open.textContent()).toContain('羽绒服钻绒正常吗');
    await open.getByTestId('answer-question').first().click();
    await open.getByLabel('回答').fill('少量钻绒是正常的，大量钻绒拍照发我们，按质量问题处理。');
    await open.getByLabel('分类').selectOption('quality');
    await open.getByLabel('标签').fill('钻绒、跑绒');
    await open.getByRole('button', { name: '保存并通知' }).click();
    await expect.poll(() => open.textContent()).toContain('没有待回答的问题');

    // A buyer's words with a same-sound typo (地趾 for 地址) still find the answer.
    await page.getByLabel('搜索知识库').fill('退货地趾在哪');
    const results = page.getByTestId('knowledge-results');
    await expect.poll(() => results.locator('.knowledge-entry').first().getAttribute('data-id')).toBe('return-address');
    const entry = results.locator('.knowledge-entry').first();
    await entry.getByRole('button', { name: '修改', exact: true }).click();
    await page
      .locator('#entry-answer')
      .fill('在订单里申请退货后，页面会给出退货地址。包裹里放张纸条写上旺旺名和订单号。');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByTestId('knowledge-status').textContent()).toContain('已保存');
    await expect
      .poll(() => results.locator('.knowledge-entry').first().textContent())
      .toContain('包裹里放张纸条写上旺旺名和订单号');
    await results.locator('.knowledge-entry').first().getByRole('button', { name: '修改记录' }).click();
    const history = results.getByTestId('knowledge-history');
    await expect.poll(() => history.textContent()).toContain('小周 修改');
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    const text = `${await page.locator('#app-header').innerText()}\n${await page.locator('#main').innerText()}`;
    expect(englishWords(text, [DEMO.xiaozhou.username])).toEqual([]);
    await page.screenshot({ path: '/tmp/xiaoer-console-knowledge-400.png', fullPage: true });
    expect(problems).toEqual([]);
    await context.close();

    const staff = await openSignedIn(browser, service.url, DEMO.xiaoli.username, '#/tasks', 400, 900);
    const notes = staff.page.getByTestId('notifications');
    await expect.poll(() => notes.textContent()).toContain('羽绒服钻绒正常吗');
    expect(await notes.textContent()).toContain('小周');
    // The notification's 查看 opens 知识库 with the answer first.
    await notes.getByRole('link', { name: '查看' }).first().click();
    const first = staff.page.getByTestId('knowledge-results').locator('.knowledge-entry').first();
    await expect.poll(() => first.textContent()).toContain('少量钻绒是正常的');
    expect(await staff.page.getByTestId('new-entry').count()).toBe(0);
    expect(await staff.page.getByRole('button', { name: '修改', exact: true }).count()).toBe(0);
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  });
});
