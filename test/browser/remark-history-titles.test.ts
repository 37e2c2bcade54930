/**
 * The order page's remark history names each entry by its kind's title (汇款抄单), also when the list of remark
 * kinds, which carries the titles, answers after the history: the history waits for it rather than show the kind's
 * id (copy.transfer), which a slow answer used to leave on the page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO, launchBrowser, openSignedIn, startConsoleService, type ConsoleService } from './harness.js';

let service: ConsoleService;
let browser: Browser;

beforeAll(async () => {
  [service, browser] = await Promise.all([startConsoleService(20), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

describe('remark history titles (real browser)', () => {
  it('when the remark kinds answer after the history, then every entry still shows its title, never its id', async () => {
    const api = await apiAs(service.url, DEMO.xiaoli.username);
    const tid = (await api.orders('?status=TRADE_FINISHED&pageSize=1')).orders[0]!.tid;
    const written = await api.post(`/api/orders/${tid}/remarks`, {
      kind: 'copy.transfer',
      fields: { waybill: 'SF1234567890123' },
    });
    expect(written.status).toBe(201);

    const { context, page, problems } = await openSignedIn(browser, service.url, DEMO.xiaoli.username, '#/orders');
    await page.locator('h1').first().waitFor();
    // The kinds (and their titles) answer 1.5 s after the history.
    await context.route(`**/api/orders/${tid}/remark-kinds`, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(`${service.url}/#/orders/${tid}`);
    const entry = page.locator('.history-entry').first();
    await entry.waitFor();
    expect(await entry.locator('.order-line').innerText()).toContain('汇款抄单');
    expect(await page.locator('.history-list').innerText()).not.toContain('copy.transfer');
    expect(problems).toEqual([]);
    await context.close();
  });
});
