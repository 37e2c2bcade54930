/**
 * Issue 19 at 400 px: a new order pushed by the message channel is shown before its lines are read; if the order page
 * cannot read them at once, it says so in Chinese (the words from /api/labels), and the live stream redraws the page
 * with the lines once the deferred read brings them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TmcApplied } from '../../src/sync/index.js';
import { TMC_WORDS } from '../../src/sync/index.js';
import { inPage, launchBrowser, openSignedIn, startConsoleService, type ConsoleService } from './harness.js';

let service: ConsoleService;
let browser: Browser;

beforeAll(async () => {
  [service, browser] = await Promise.all([startConsoleService(60), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

describe('an order whose details are still being read (real browser, 400 px)', () => {
  it('when its lines cannot be read yet, then the order page says so, and shows them once they are read', async () => {
    const { svc } = service;
    const shop = svc.outside.shop!;
    const created = new Promise<TmcApplied>((resolve) => {
      const off = svc.tmc.onApplied((a) => {
        if (a.topic !== 'taobao_trade_TradeCreate') return;
        off();
        resolve(a);
      });
    });
    // The living shop moves on a few milliseconds at a time until a buyer places an order.
    let at = shop.baseTime + 1;
    for (; at < shop.baseTime + 5000; at++) if (shop.tick(at).placed) break;
    const { tid } = await created;

    const platform = svc.outside.platform as { getOrder: (...args: unknown[]) => Promise<unknown> };
    const real = platform.getOrder;
    platform.getOrder = async () => {
      throw new Error('socket hang up');
    };
    const { page, context, problems } = await openSignedIn(browser, service.url, 'xiaoli', `#/orders/${tid}`, 400, 800);
    try {
      const notice = page.getByTestId('details-pending');
      await notice.waitFor();
      expect(await notice.textContent()).toBe(TMC_WORDS.detailsPending);
      expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    } finally {
      platform.getOrder = real;
    }
    // The deferred read brings the lines; the page follows through the live stream, without a reload.
    await svc.tmc.consumer!.flushDetails();
    await page.getByTestId('details-pending').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator('#main').textContent()).toMatch(/商品（[1-9]/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
