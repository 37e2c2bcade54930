/**
 * The console shows the service's error message as it is. It used to cut "(English)" and " / English" out of
 * messages with a regex, which also cut the keeper's own data: a bank header such as 金额(CNY) lost its "(CNY)".
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  DEMO_PASSWORD,
  launchBrowser,
  openSignedIn,
  startConsoleService,
  type ConsoleService,
} from './harness.js';

/** An export no layout knows, whose header holds ASCII text in brackets and after a slash. */
const UNKNOWN = Buffer.from('某银行流水\n交易日期,金额(CNY),摘要 / Memo\n2026-11-23,100.00,货款\n', 'utf8');

async function auth(): Promise<Record<string, string>> {
  const login = await fetch(`${service.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: DEMO.xiaozhou.username, password: DEMO_PASSWORD }),
  });
  return { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
}

let service: ConsoleService;

describe('console error display (real browser)', () => {
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(20), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when a statement upload is refused, then the page shows exactly the message the API answered, brackets and slashes included', async () => {
    const login = await fetch(`${service.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: DEMO.xiaozhou.username, password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const form = new FormData();
    form.append('file', new Blob([UNKNOWN], { type: 'text/csv' }), 'unknown.csv');
    const answer = await fetch(`${service.url}/api/transfers/statements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const { error } = (await answer.json()) as { error: { code: string; message: string } };
    expect(answer.status).toBe(400);
    expect(error.code).toBe('statement_layout_unknown');
    expect(error.message).toContain('(CNY)');

    const { context, page, problems } = await openSignedIn(browser, service.url, DEMO.xiaozhou.username, '#/transfers');
    await page.getByLabel('对账单文件').setInputFiles({ name: 'unknown.csv', mimeType: 'text/csv', buffer: UNKNOWN });
    await page.getByRole('button', { name: '上传并匹配' }).click();
    const shown = page.locator('#statement-file-error');
    await expect.poll(() => shown.textContent()).not.toBe('');
    expect(await shown.textContent()).toBe(error.message);
    // The browser logs the refused upload itself (400); nothing else may go wrong on the page.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await context.close();
  });

  it('when the keeper picks a statement over the limit, then the form refuses it at once without sending it, and offers the banks the service names', async () => {
    const labels = (await (await fetch(`${service.url}/api/labels`, { headers: await auth() })).json()) as {
      banks: Record<string, string>;
      statementMaxBytes: number;
    };
    const { context, page, problems } = await openSignedIn(browser, service.url, DEMO.xiaozhou.username, '#/transfers');
    await expect
      .poll(() => page.locator('#statement-bank option').allTextContents())
      .toEqual(['自动识别', ...Object.values(labels.banks)]);
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/transfers/statements')) uploads.push(r.method());
    });
    const tooBig = Buffer.alloc(labels.statementMaxBytes + 1, 0x20);
    await page.getByLabel('对账单文件').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: tooBig });
    await page.getByRole('button', { name: '上传并匹配' }).click();
    const shown = page.locator('#statement-file-error');
    await expect.poll(() => shown.textContent()).toContain('对账单文件不能超过 10 MB');
    expect(uploads.filter((m) => m === 'POST')).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
