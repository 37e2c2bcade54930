/**
 * 打印 in chromium at 400 px over the sandbox shop: 阿张 (the assistant) opens 打印 from the navigation; the next
 * batch shows its orders by courier, an order 小丽 marked out of stock sits apart as held, and one 已打印 writes the
 * print remark on every order shown to print and none on the held one, all in Chinese without scrolling sideways.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchView } from '../../src/printing/index.js';
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

describe('console 打印 (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    // 09:30 in Shanghai on a fixed day: the next batch is that day's 12:00, with the orders paid and not yet shipped.
    [service, browser] = await Promise.all([
      startConsoleService(300, { at: '2026-11-23T09:30:00+08:00' }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when 阿张 prints the next batch at 400 px, then every order shown to print gets the remark and the held one none', async () => {
    const staff = await apiAs(service.url, DEMO.xiaoli.username);
    const { next } = await staff.get<{ next: { date: string; time: string } }>('/api/print-batches');
    const path = `/api/print-batches/${next.date}/${next.time.replace(':', '')}`;
    const before = await staff.get<BatchView>(path);
    const toPrint = before.groups.flatMap((g) => g.orders).map((o) => o.tid);
    expect(toPrint.length).toBeGreaterThan(1);
    const held = toPrint[0]!;
    expect(
      (await staff.post(`/api/orders/${held}/remarks`, { kind: 'oos.notify', fields: { via: '电话' } })).status,
    ).toBe(201);

    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.azhang.username,
      '#/orders',
      400,
      900,
    );
    await page.locator('.main-nav a', { hasText: '打印' }).click();
    await expect.poll(() => page.getByTestId('print-rules').textContent()).toContain('17:00 以后付款的订单第二天发货');
    // The batch asked for above, chosen by date and time as a person would (the page opens on the real clock's).
    await page.locator('#print-date').fill(next.date);
    await page.getByTestId('print-batches').locator(`button[data-time="${next.time}"]`).click();
    await expect
      .poll(() => page.getByTestId('print-batches').locator('button[aria-pressed="true"]').getAttribute('data-time'))
      .toBe(next.time);
    const heldRow = page.getByTestId('print-held').locator(`[data-tid="${held}"]`);
    await expect.poll(() => heldRow.textContent()).toContain('缺货');
    const rows = page.getByTestId('print-group').locator('li.task[data-state="to_print"]');
    expect(await rows.count()).toBe(toPrint.length - 1);
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);

    await page.getByRole('button', { name: '已打印' }).click();
    await expect
      .poll(() => page.getByTestId('print-result').textContent())
      .toBe(`已写入 ${toPrint.length - 1} 单，跳过 0 单`);
    await expect.poll(() => page.locator('li.task[data-state="printed"]').count()).toBe(toPrint.length - 1);
    const text = `${await page.locator('#app-header').innerText()}\n${await page.locator('#main').innerText()}`;
    expect(englishWords(text, [DEMO.azhang.username])).toEqual([]);
    await page.screenshot({ path: '/tmp/xiaoer-console-print-400.png', fullPage: true });
    expect(problems).toEqual([]);
    await context.close();

    const history = await staff.get<{ history: { kind: string; staff: string }[] }>(`/api/orders/${held}/remarks`);
    expect(history.history.map((e) => e.kind)).toEqual(['oos.notify']);
    for (const tid of toPrint.slice(1)) {
      const h = await staff.get<{ history: { kind: string; staff: string }[] }>(`/api/orders/${tid}/remarks`);
      expect(
        h.history.filter((e) => e.kind === 'print.printed').map((e) => e.staff),
        tid,
      ).toEqual(['阿张']);
    }
  });
});
