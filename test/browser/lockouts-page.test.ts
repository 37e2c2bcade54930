/**
 * 登录锁定 in chromium: the admin sees a computer locked out of an account and lets it in with 解锁账号; staff
 * have no such page in their navigation. The lockout is written to the store as the throttle keeps it (waiting
 * out the real growing waits would take minutes); whether it holds is checked by logging in, before and after.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE_COLLECTION, type Counter } from '../../src/accounts/login-throttle.js';
import { toInstant } from '../../src/shared/time.js';
import {
  DEMO,
  DEMO_PASSWORD,
  launchBrowser,
  openSignedIn,
  startConsoleService,
  type ConsoleService,
} from './harness.js';

describe('console 登录锁定 (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(50), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  const loginFrom = (address: string) =>
    fetch(`${service.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username: DEMO.xiaoli.username, password: DEMO_PASSWORD }),
    });

  it("when a computer is locked out of 小丽's account, then the admin sees it and 解锁账号 lets it in again", async () => {
    const lock: Counter = {
      scope: 'pair',
      account: 'xiaoli',
      client: '203.0.113.9',
      failures: 10,
      locks: 1,
      lastFailureAt: toInstant(Date.now()),
      lockedUntil: toInstant(Date.now() + 15 * 60_000),
    };
    await service.svc.store.transact((tx) => tx.put(THROTTLE_COLLECTION, 'pair:xiaoli|203.0.113.9', lock));
    expect((await loginFrom('203.0.113.9')).status).toBe(401);

    const { context, page, problems } = await openSignedIn(browser, service.url, DEMO.admin.username, '#/lockouts');
    expect(await page.locator('.main-nav a').allTextContents()).toContain('登录锁定');
    const row = page.locator('[data-testid="lockout-list"] .lockout[data-username="xiaoli"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('电脑地址 203.0.113.9');
    expect(await row.textContent()).toContain('连续输错 10 次');
    await row.getByRole('button', { name: '解锁账号' }).click();
    await expect.poll(() => page.getByTestId('lockouts-status').textContent()).toBe('已解锁账号 xiaoli');
    await expect.poll(() => page.getByTestId('lockout-list').textContent()).toBe('现在没有被锁定的账号或电脑');
    expect((await loginFrom('203.0.113.9')).status).toBe(201);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when staff open the console, then 登录锁定 is not in their navigation', async () => {
    const { context, page } = await openSignedIn(browser, service.url, DEMO.xiaoli.username, '#/orders');
    await page.locator('.main-nav').waitFor();
    expect(await page.locator('.main-nav a').allTextContents()).not.toContain('登录锁定');
    await context.close();
  });
});
