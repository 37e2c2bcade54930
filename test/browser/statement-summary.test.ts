import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bocStatement } from '../reconciliation/transfers/support/statement-text.js';
import { DEMO, launchBrowser, openSignedIn, startConsoleService, type ConsoleService } from './harness.js';

describe('console 汇款: the import summary of a long statement (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(50), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when 120 credits match nothing, then the page counts all 120, lists 50 and says 还有 70 笔未显示', async () => {
    const { context, page, problems } = await openSignedIn(browser, service.url, DEMO.xiaozhou.username, '#/transfers');
    const credits = Array.from({ length: 120 }, (_, i) => ({
      yuan: `${300 + i}.00`,
      payer: `路人${i}`,
      time: `10:${String(i % 60).padStart(2, '0')}:00`,
    }));
    await page
      .getByLabel('对账单文件')
      .setInputFiles({ name: 'boc.csv', mimeType: 'text/csv', buffer: bocStatement(credits).bytes });
    await page.getByRole('button', { name: '上传并匹配' }).click();
    const unmatched = page.getByTestId('statement-unmatched');
    await expect.poll(() => unmatched.locator('h3').textContent()).toBe('未匹配（120）');
    expect(await unmatched.locator('li').count()).toBe(50);
    expect(await page.getByTestId('statement-unmatched-more').textContent()).toBe('还有 70 笔未显示');
    expect(await page.getByTestId('statement-matched-more').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
