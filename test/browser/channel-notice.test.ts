/**
 * When the platform's push channel (TMC) has been down over a minute, /healthz carries a notice, and every page's
 * header shows it under the last sync time: orders may lag until the next poll. The service's answer is rewritten in
 * the browser (waiting out a real minute of disconnection would take the minute); what is tested is the page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSignedIn, startConsoleService, type ConsoleService } from './harness.js';

const NOTICE = '消息通道已断开 3 分钟，订单改由定时同步更新';

describe('the header when the push channel is down (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;
  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(50), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when /healthz says the channel is down, then the header names it at 400 px, and not while it is up', async () => {
    const { page, context, problems } = await openSignedIn(browser, service.url, 'admin', '#/orders', 400, 800);
    await expect.poll(() => page.getByTestId('last-sync').textContent()).toMatch(/同步/);
    expect(await page.getByTestId('channel-down').count()).toBe(0);
    await page.route('**/healthz', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { tmc?: Record<string, unknown> };
      await route.fulfill({ response, json: { ...body, tmc: { ...body.tmc, down: true, notice: NOTICE } } });
    });
    await page.goto(`${service.url}/#/tasks`);
    await expect.poll(() => page.getByTestId('channel-down').textContent()).toBe(NOTICE);
    expect(problems).toEqual([]);
    await context.close();
  });
});
