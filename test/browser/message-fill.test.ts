/**
 * 消息 at 400 px: a job's message that lacks a value (待补充) shows a box named by the missing value; 小丽 fills it
 * and it leaves 待补充 with her name, a forbidden phrase is refused under the box, and 不发了 closes another with a
 * note. The page is opened the way the handover links it (#/messages?id=…) and as the list of 待补充.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/messaging/index.js';
import {
  apiAs,
  DEMO,
  inPage,
  launchBrowser,
  openSignedIn,
  startConsoleService,
  type ConsoleService,
} from './harness.js';

describe('消息: filling a value a job could not (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(20), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  /** What the transfer feature did before it passed the amount: a job's transfer-received with nothing to say. */
  async function waiting(buyerNick: string): Promise<string> {
    const r = await service.svc.messaging.enqueue({ kind: 'transfer-received', buyerNick, reason: '到账' });
    expect(r).toMatchObject({ reason: 'needs_values' });
    return r.message!.id;
  }
  const stored = async (id: string) =>
    (await (await apiAs(service.url, DEMO.xiaoli.username)).get<{ message: OutboundMessage }>(`/api/messages/${id}`))
      .message;

  it('when 小丽 opens the message from the handover link and fills the amount, then it leaves 待补充 with her name', async () => {
    const id = await waiting('汇款买家甲');
    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaoli.username,
      `#/messages?id=${id}`,
      400,
    );
    const form = page.getByTestId('message-fill');
    await form.waitFor();
    const amount = form.getByLabel('汇款金额');
    await form.getByRole('button', { name: '填好并发送' }).click();
    await expect.poll(() => form.locator('.field-error').first().textContent()).toBe('请填写这一项');
    await amount.fill('好评返现1288元');
    await form.getByRole('button', { name: '填好并发送' }).click();
    await expect.poll(() => form.locator('.field-error').first().textContent()).toContain('好评返现');
    expect((await stored(id)).state).toBe('needs_values');

    await amount.fill('1288元');
    await form.getByRole('button', { name: '填好并发送' }).click();
    await expect.poll(() => page.getByTestId('messages-status').textContent()).toMatch(/^已填好/);
    const m = await stored(id);
    expect(m.state).not.toBe('needs_values');
    expect(m.filledBy).toMatchObject({ username: 'xiaoli', displayName: '小丽' });
    expect(m.text).toContain('您的汇款1288元已经到账啦');
    await expect.poll(() => page.getByTestId('message-list').textContent()).toContain('小丽 填写');
    expect(await page.getByTestId('message-fill').count()).toBe(0);
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    // The refused phrase is the one failed request the browser logs; nothing else went wrong.
    expect(problems.filter((p) => !/400 \(Bad Request\)/.test(p))).toEqual([]);
    expect(problems).toHaveLength(1);
    await context.close();
  });

  it('when 小丽 lists 待补充 and closes one with a note, then it is cancelled with her name and the note', async () => {
    const id = await waiting('汇款买家乙');
    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaoli.username,
      '#/messages',
      400,
    );
    await page.getByTestId('needs-values-note').getByRole('link').click();
    const row = page.locator(`li.message[data-id="${id}"]`);
    await row.getByTestId('message-fill').waitFor();
    await row.getByLabel('不发的原因').fill('买家已在旺旺上知道到账了');
    await row.getByRole('button', { name: '不发了' }).click();
    await expect.poll(() => page.getByTestId('messages-status').textContent()).toBe('已关闭这条消息，不再发送（小丽）');
    expect(await stored(id)).toMatchObject({
      state: 'cancelled',
      closedBy: { username: 'xiaoli', note: '买家已在旺旺上知道到账了' },
    });
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    expect(problems).toEqual([]);
    await context.close();
  });
});
