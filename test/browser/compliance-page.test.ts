/**
 * 禁用说法 at 400 px: 小周 (the keeper) adds a phrase under a category named from GET /api/labels, it is listed with
 * her name, and from then on a quick reply answered with it is refused; 小丽 (staff) sees the list without the form
 * or removal, and checks a sentence before sending it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO,
  inPage,
  launchBrowser,
  openSignedIn,
  startConsoleService,
  type ConsoleService,
} from './harness.js';

describe('禁用说法: the keeper extends the phrase list (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(20), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when 小周 adds 送运费险 at 400 px, then it is listed with her name and a quick reply answered with it is refused', async () => {
    const xiaoli = await apiAs(service.url, DEMO.xiaoli.username);
    const before = await xiaoli.post('/api/quick-replies/%2Fsh2/render', {
      values: { compensation: '5元，再送运费险' },
    });
    expect(before.status).toBe(200);

    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaozhou.username,
      '#/compliance',
      400,
    );
    const labels = await xiaoli.get<{ complianceCategories: Record<string, string> }>('/api/labels');
    const rewardName = labels.complianceCategories['review-reward']!;
    await page.getByRole('heading', { name: rewardName }).waitFor();
    await page.getByLabel('说法').fill('送运费险');
    await page.getByLabel('类别').selectOption({ label: rewardName });
    await page.getByLabel('建议改成').fill('有问题随时联系我们');
    await page.getByRole('button', { name: '添加' }).click();
    await expect
      .poll(() => page.getByTestId('compliance-status').textContent())
      .toBe(`已添加：送运费险（${rewardName}）`);
    const item = page.locator('section[data-category="review-reward"] li[data-phrase="送运费险"]');
    await expect.poll(() => item.textContent()).toContain('小周');
    expect(await item.getByRole('button', { name: '删除' }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/xiaoer-console-compliance-400.png', fullPage: true });
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    expect(problems).toEqual([]);
    await context.close();

    const after = await xiaoli.post<{ error: { message: string; params: { phrase: string } } }>(
      '/api/quick-replies/%2Fsh2/render',
      { values: { compensation: '5元，再送 运费险' } },
    );
    expect(after.status).toBe(400);
    expect(after.body.error.params.phrase).toBe('送运费险');
    expect(after.body.error.message).toContain('有问题随时联系我们');
  });

  it('when 小丽 opens the page, then she reads the list without adding or removing, and checks a sentence', async () => {
    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaoli.username,
      '#/compliance',
      400,
    );
    await page.getByTestId('compliance-list').locator('li[data-phrase="好评返现"]').waitFor();
    expect(await page.getByRole('button', { name: '添加' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '删除' }).count()).toBe(0);
    await page.getByLabel('发之前查一查').fill('有事加 Q Q 联系我');
    await page.getByRole('button', { name: '检查' }).click();
    await expect.poll(() => page.getByTestId('compliance-check-result').textContent()).toContain('“qq”（引导到平台外');
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when 小丽 answers /sh2 with 删差评 on 快捷短语, then the refusal and a compliant wording show under the box, and a fair answer renders', async () => {
    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaoli.username,
      '#/replies?q=%2Fsh2',
      400,
    );
    await page.locator('.reply-hit[data-shortcut="/sh2"]').click();
    const box = page.getByLabel('补偿金额');
    await box.fill('5元，麻烦您删差评');
    await page.getByRole('button', { name: '填好了' }).click();
    const error = page.locator('#replies-v-compensation-error');
    await expect.poll(() => error.textContent()).toContain('“删差评”');
    expect(await error.textContent()).toContain('可以这样说');
    expect(await page.getByLabel('补偿金额').inputValue()).toBe('5元，麻烦您删差评');
    await page.getByLabel('补偿金额').fill('5元');
    await page.getByRole('button', { name: '填好了' }).click();
    await expect.poll(() => page.getByTestId('reply-text').textContent()).toContain('给您退5元作为补偿');
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    // The refused answer is the one failed request the browser logs.
    expect(problems.filter((p) => !/400 \(Bad Request\)/.test(p))).toEqual([]);
    await context.close();
  });
});
