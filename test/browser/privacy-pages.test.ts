/**
 * 查看完整收件人 and 隐私访问记录 in a real browser at 400 px, on the strict sandbox platform: the assistant reveals an
 * order's address for 改地址 and sees it in place of the masked lines (and nothing the scene does not give); the admin
 * finds the look in the access log with today's decrypt use, and exports it; the assistant has no such page.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredOrder } from '../../src/orders/index.js';
import {
  apiAs,
  DEMO,
  inPage,
  launchBrowser,
  openSignedIn,
  startConsoleService,
  type ConsoleService,
} from './harness.js';

describe('console 查看完整收件人 and 隐私访问记录 (real browser, 400 px)', () => {
  let service: ConsoleService;
  let browser: Browser;
  let order: StoredOrder;
  let plain: { name: string; mobile: string; address: string };

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(60), launchBrowser()]);
    const shop = service.svc.outside.shop!;
    order = [...service.svc.store.all<StoredOrder>('orders')].find((o) => {
      const t = shop.trade(o.tid);
      return o.receiver.oaid && t && !shop.underPrivacyProtection(t) && shop.plainReceiver(t).address;
    })!;
    plain = shop.plainReceiver(shop.trade(order.tid)!);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when 阿张 reveals the address for 改地址 with a reason, then it shows in place of the masked lines, and nothing else of the receiver', async () => {
    const { page, context, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.azhang.username,
      `#/orders/${order.tid}`,
      400,
      800,
    );
    await page.getByTestId('reveal-open').click();
    await page.getByTestId('reveal-scene').selectOption({ label: '改地址' });
    await page.getByTestId('reveal-reason').fill('买家要改地址，核对门牌号');
    await page.getByTestId('reveal-submit').click();
    const revealed = page.getByTestId('receiver-revealed');
    await revealed.waitFor();
    const text = (await revealed.textContent()) ?? '';
    expect(text).toContain(plain.address);
    expect(text).toContain('详细地址');
    expect(text).not.toContain(plain.mobile);
    expect(text).not.toContain(plain.name);
    expect(await page.getByTestId('reveal-panel').textContent()).toContain('不会保存');
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    await page.locator('.main-nav').waitFor();
    expect(await page.locator('.main-nav a').allTextContents()).not.toContain('隐私访问记录');
    await page.screenshot({ path: '/tmp/xiaoer-console-reveal-400.png', fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when 阿张 leaves the reason empty, then the form says so under the field and nothing is revealed', async () => {
    const { page, context } = await openSignedIn(browser, service.url, DEMO.azhang.username, `#/orders/${order.tid}`);
    await page.getByTestId('reveal-open').click();
    await page.getByTestId('reveal-submit').click();
    await expect.poll(() => page.locator('#reveal-reason-' + order.tid + '-error').textContent()).toContain('原因');
    expect(await page.getByTestId('receiver-revealed').count()).toBe(0);
    await context.close();
  });

  it('when the admin opens 隐私访问记录, then 阿张 look is listed with scene and reason, today use is shown, and the CSV downloads', async () => {
    const { page, context, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.admin.username,
      '#/orders',
      400,
      800,
    );
    await page.locator('.main-nav').waitFor();
    expect(await page.locator('.main-nav a').allTextContents()).toContain('隐私访问记录');
    await page.goto(`${service.url}/#/privacy`);
    const row = page.locator(`[data-testid="access-record"][data-tid="${order.tid}"]`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    for (const part of ['阿张', '助理', order.tid, '1008 改地址', '买家要改地址，核对门牌号', '已显示'])
      expect(text).toContain(part);
    expect(await page.getByTestId('decrypt-quota').textContent()).toMatch(/^今日解密 1 条 · 调用 1/);
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);

    const downloading = page.waitForEvent('download');
    await page.getByTestId('access-export').click();
    const file = await downloading;
    expect(file.suggestedFilename()).toBe('privacy-access-log.csv');
    const csv = await readFile((await file.path())!, 'utf8');
    expect(csv).toContain('时间,账号,姓名,角色,订单号,解密场景,原因,结果');
    expect(csv).toContain(order.tid);
    expect(csv).not.toContain(plain.address);
    await page.screenshot({ path: '/tmp/xiaoer-console-privacy-400.png', fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when /api/labels serves every privacy word marked, then the page shows the marked words: it keeps no copy of its own', async () => {
    const { page, context } = await openSignedIn(browser, service.url, DEMO.admin.username, '#/privacy');
    await page.getByTestId('access-record').first().waitFor();
    const real = await (await page.request.get(`${service.url}/api/labels`)).json();
    const mark = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, `${v}＊`]));
    const p = real.privacy;
    const served = {
      ...real,
      privacy: {
        ...p,
        scenes: mark(p.scenes),
        outcomes: mark(p.outcomes),
        words: mark(p.words),
        accessLogHeaders: p.accessLogHeaders.map((w: string) => `${w}＊`),
      },
    };
    await context.route('**/api/labels', (route) => route.fulfill({ json: served }));
    await page.reload();
    const row = page.locator(`[data-testid="access-record"][data-tid="${order.tid}"]`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    for (const part of ['订单号＊', '1008 改地址＊', '已显示＊']) expect(text).toContain(part);
    expect(await page.locator('h1').textContent()).toBe('隐私访问记录＊');
    expect(await page.locator('#access-scene option').allTextContents()).toContain('1002 四通一达电子面单发货＊');
    expect(await page.getByTestId('access-export').textContent()).toBe('导出 CSV＊');

    // The order page's reveal form reads the same words: the scene names, the button, the notice.
    await page.goto(`${service.url}/#/orders/${order.tid}`);
    await page.reload();
    expect(await page.getByTestId('reveal-open').textContent()).toBe('查看完整收件人＊');
    await page.getByTestId('reveal-open').click();
    expect(await page.getByTestId('reveal-scene').locator('option').allTextContents()).toEqual(
      p.revealScenes.map((code: string) => `${p.scenes[code]}＊`),
    );
    expect(await page.getByTestId('reveal-submit').textContent()).toBe('解密查看＊');
    await context.close();
  });

  it('when 小周 (keeper) reveals an order for a waybill (1001) at 400 px, then name, mobile and address show and the access log names her', async () => {
    const { page, context, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaozhou.username,
      `#/orders/${order.tid}`,
      400,
      800,
    );
    await page.getByTestId('reveal-open').click();
    expect(await page.getByTestId('reveal-scene').locator('option').allTextContents()).not.toContain('改地址');
    await page.getByTestId('reveal-scene').selectOption({ value: '1001' });
    await page.getByTestId('reveal-reason').fill('汇款订单写面单');
    await page.getByTestId('reveal-submit').click();
    const revealed = page.getByTestId('receiver-revealed');
    await revealed.waitFor();
    const text = (await revealed.textContent()) ?? '';
    for (const part of [plain.name, plain.mobile, plain.address]) expect(text).toContain(part);
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    expect(problems).toEqual([]);
    await context.close();
    const admin = await apiAs(service.url, DEMO.admin.username);
    const log = await admin.get<{ records: { role: string; scene: string; outcome: string }[] }>(
      '/api/privacy/access-log?username=xiaozhou',
    );
    expect(log.records.map((r) => [r.role, r.scene, r.outcome])).toEqual([['keeper', '1001', 'shown']]);
  });
});
