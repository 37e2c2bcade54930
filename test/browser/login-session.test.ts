import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO,
  inPage,
  launchBrowser,
  logIn,
  openPage,
  SESSION_COOKIE,
  sessionCookie,
  startConsoleService,
  type ConsoleService,
} from './harness.js';

describe('console login and session (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when the password is wrong, then a Chinese error shows next to the form and nobody is logged in', async () => {
    const { context, page, problems } = await openPage(browser, 400, 800);
    await page.goto(`${service.url}/`);
    await expect.poll(() => page.url()).toContain('#/login');
    await page.getByLabel('用户名').fill('xiaoli');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByLabel('密码').press('Enter');
    const error = page.locator('.login-form .form-error');
    await expect.poll(() => error.textContent()).toBe('用户名或密码错误');
    expect(await page.locator('.login-form').isVisible()).toBe(true);
    expect(await page.getByLabel('密码').inputValue()).toBe('');
    expect(await inPage.storageSize(page)).toBe(0);
    expect(await page.locator('.demo-accounts').textContent()).toContain('xiaoer-demo');
    await page.screenshot({ path: '/tmp/xiaoer-console-login-error-400.png' });

    // An empty field is named by the form itself, without asking the service.
    await page.getByLabel('用户名').fill('');
    await page.getByRole('button', { name: '登录' }).click();
    expect(await error.textContent()).toBe('请输入用户名');
    await page.getByLabel('用户名').fill('xiaoli');
    await page.getByLabel('用户名').press('Enter');
    expect(await error.textContent()).toBe('请输入密码');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when 小丽 logs in, then the session is an HttpOnly SameSite=Strict cookie that no script can read, and nothing is in web storage', async () => {
    const { context, page, problems } = await openPage(browser);
    await logIn(page, service.url, DEMO.xiaoli.username);
    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ name: SESSION_COOKIE, httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie!.value.length).toBeGreaterThan(16);
    expect(await inPage.scriptCookies(page)).not.toContain(cookie!.value);
    expect(await inPage.scriptCookies(page)).not.toContain(SESSION_COOKIE);
    expect(await inPage.storageSize(page)).toBe(0);
    // The cookie alone reads the API (the console sends no Authorization header).
    expect(await page.evaluate(async () => (await fetch('/api/me')).json())).toMatchObject({
      user: { username: 'xiaoli', displayName: '小丽' },
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when a script posts with the cookie but without the CSRF header, then the service refuses it (403 csrf) and writes nothing', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, service.url, DEMO.xiaoli.username);
    const refused = await page.evaluate(async () => {
      const res = await fetch('/api/buyers/csrf-probe-buyer/opt-out', { method: 'POST', credentials: 'same-origin' });
      return { status: res.status, body: await res.json() };
    });
    expect(refused).toEqual({ status: 403, body: { error: expect.objectContaining({ code: 'csrf' }) } });
    const api = await apiAs(service.url, DEMO.xiaoli.username);
    expect(await api.get('/api/buyers/csrf-probe-buyer/opt-out')).toEqual({
      nick: 'csrf-probe-buyer',
      optedOut: false,
    });
    // The same request with the header (as the console sends it) goes through.
    const allowed = await page.evaluate(
      async () =>
        (
          await fetch('/api/buyers/csrf-probe-buyer/opt-out', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'x-xiaoer-csrf': '1' },
          })
        ).status,
    );
    expect(allowed).toBe(201);
    await context.close();
  });

  it('when 小丽 logs in, then the header shows her name, role and the shop, and a reload keeps her logged in', async () => {
    const { context, page, problems } = await openPage(browser);
    await logIn(page, service.url, DEMO.xiaoli.username);
    expect(page.url()).toContain('#/orders');
    expect(await page.getByTestId('user-name').textContent()).toBe('小丽');
    expect(await page.locator('.who .role').textContent()).toBe('客服');
    await expect.poll(() => page.getByTestId('shop-name').textContent()).toBe('小二示范店');
    await expect
      .poll(() => page.getByTestId('last-sync').textContent())
      .toMatch(/^上次同步 \d{4}-\d\d-\d\d \d\d:\d\d$/);

    await page.reload();
    await page.locator('.order-list').waitFor();
    expect(page.url()).toContain('#/orders');
    expect(await page.getByTestId('user-name').textContent()).toBe('小丽');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when a logged-out visitor opens an order link, then login comes first and leads back to that order', async () => {
    const { context, page } = await openPage(browser);
    const api = await apiAs(service.url, DEMO.xiaoli.username);
    const tid = (await api.orders('?pageSize=1')).orders[0]!.tid;
    await page.goto(`${service.url}/#/orders/${tid}`);
    await expect.poll(() => page.url()).toContain('#/login');
    await page.getByLabel('用户名').fill(DEMO.xiaoli.username);
    await page.getByLabel('密码').fill('xiaoer-demo');
    await page.getByLabel('密码').press('Enter');
    await expect.poll(() => page.locator('.detail-title h1').textContent()).toBe(`订单 ${tid}`);
    await context.close();
  });

  it('when the session ends on the service, then the next request leads to the login page, which returns to the same list', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, service.url, DEMO.azhang.username);
    const token = (await sessionCookie(context))!.value;
    await fetch(`${service.url}/api/session`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    await page.getByLabel('订单状态').selectOption({ label: '已关闭' });
    await expect.poll(() => page.locator('.login-form .notice').textContent()).toBe('登录已过期，请重新登录。');
    expect(await page.locator('.who').count()).toBe(0);
    await page.getByLabel('用户名').fill(DEMO.azhang.username);
    await page.getByLabel('密码').fill('xiaoer-demo');
    await page.getByLabel('密码').press('Enter');
    await expect.poll(() => page.url()).toContain('#/orders?status=closed');
    await page.locator('.order-list').waitFor();
    expect(await page.getByTestId('user-name').textContent()).toBe('阿张');
    await context.close();
  });

  it('when the staff member logs out, then the cookie is cleared, the old cookie no longer works, and a reload stays on the login page', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, service.url, DEMO.xiaozhou.username);
    const token = (await sessionCookie(context))!.value;
    await page.getByTestId('logout').click();
    await expect.poll(() => page.url()).toContain('#/login');
    expect(await page.locator('.login-form .notice').textContent()).toBe('你已退出登录。');
    expect(await sessionCookie(context)).toBeNull();
    // The service forgot the session too: the old cookie, replayed by hand, is refused.
    const me = await fetch(`${service.url}/api/me`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
    expect(me.status).toBe(401);

    await page.reload();
    await page.locator('.login-form').waitFor();
    await page.goto(`${service.url}/#/orders`);
    await expect.poll(() => page.url()).toContain('#/login');
    await context.close();
  });
});
