/**
 * 提成 in chromium at 400 px: the keeper sees the month's sales per staff member in 元 and the names read from the
 * sandbox's back-office green flags that no account has (its staff 小美, 小林… are not xiaoer accounts), maps one
 * to 小丽, and 小丽's line then carries those orders. Staff see only their own line and no names to map.
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

interface Month {
  month: string;
  staff: { username: string; orders: number; amountYuan: string }[];
  unknownNames: { name: string; orders: number }[];
  totals: { orders: number; amountYuan: string };
}

/** This month and the two before, in Shanghai time. */
function recentMonths(): string[] {
  const now = new Date(Date.now() + 8 * 3600_000);
  return [0, 1, 2].map((back) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    return d.toISOString().slice(0, 7);
  });
}

describe('console 提成 (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(300), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when the keeper maps a memo name to 小丽 at 400 px, then 小丽 is credited with its orders and the page stays Chinese', async () => {
    const keeper = await apiAs(service.url, DEMO.xiaozhou.username);
    let month: Month | undefined;
    for (const m of recentMonths()) {
      const answer = await keeper.get<Month>(`/api/sales/commission?month=${m}`);
      if (answer.unknownNames.length) {
        month = answer;
        break;
      }
    }
    expect(month, 'the sandbox shop has back-office green flags with names').toBeDefined();
    const unknown = month!.unknownNames[0]!;

    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaozhou.username,
      '#/commission',
      400,
      800,
    );
    expect(await page.locator('.main-nav a').allTextContents()).toContain('提成');
    await page.getByLabel('月份').fill(month!.month);
    await page.getByLabel('月份').dispatchEvent('change');
    const summary = page.getByTestId('commission').locator('.summary');
    await expect
      .poll(() => summary.textContent())
      .toBe(`${month!.month} 共 ${month!.totals.orders} 单，合计 ¥${month!.totals.amountYuan}`);
    const row = page.locator(`[data-testid="commission-unknown"] li.task[data-name="${unknown.name}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(`${unknown.name} · ${unknown.orders} 单`);
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    const text = `${await page.locator('#app-header').innerText()}\n${await page.locator('#main').innerText()}`;
    expect(englishWords(text, [DEMO.xiaozhou.username])).toEqual([]);

    await row.getByRole('combobox').selectOption({ label: '小丽' });
    await row.getByRole('button', { name: '对应' }).click();
    await expect.poll(() => page.getByTestId('commission-status').textContent()).toBe(`“${unknown.name}”已对应`);
    const xiaoli = page.locator('[data-testid="commission-staff"] li[data-username="xiaoli"] > details > summary');
    await expect.poll(() => xiaoli.textContent()).toMatch(new RegExp(`^小丽 · ${unknown.orders} 单 · ¥`));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when staff open 提成, then they see their own line only and no names to map', async () => {
    const { context, page, problems } = await openSignedIn(browser, service.url, DEMO.azhang.username, '#/commission');
    await page.getByTestId('commission').locator('.summary').waitFor();
    expect(await page.getByTestId('commission-unknown').count()).toBe(0);
    expect(await page.getByRole('button', { name: '对应' }).count()).toBe(0);
    const others = page.locator('[data-testid="commission-staff"] li[data-username]:not([data-username="azhang"])');
    expect(await others.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
