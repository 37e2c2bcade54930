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

interface RosterView {
  roster: { keeper: string; exceptions: { date: string; username: string; duty: string; note?: string }[] };
  today: { date: string };
  updatedBy?: string;
}

describe('排班 (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(20), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when 小丽 opens it, then she reads the roster of the demo accounts but gets no form to change it', async () => {
    const { context, page, problems } = await openSignedIn(browser, service.url, DEMO.xiaoli.username, '#/roster', 400);
    await page.getByTestId('roster-people').waitFor();
    expect(await page.getByTestId('roster-people').textContent()).toContain(
      '小丽：白班，上 10 天休 2 天（2026-11-03 起）',
    );
    expect(await page.getByTestId('roster-form').count()).toBe(0);
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when the admin gives 阿张 a day off and makes 小丽 the keeper at 400 px, then the roster is saved as entered', async () => {
    const { context, page, problems } = await openSignedIn(browser, service.url, DEMO.admin.username, '#/roster', 400);
    const form = page.getByTestId('roster-form');
    await form.waitFor();
    await form.locator('select[name="keeper"]').selectOption('xiaoli');
    await form.getByRole('button', { name: '添加调班' }).click();
    const row = form.locator('.roster-row').last();
    await row.locator('select[name="username"]').selectOption('azhang');
    await row.locator('select[name="duty"]').selectOption('off');
    await row.locator('input[name="note"]').fill('病假');
    await form.getByRole('button', { name: '保存排班' }).click();
    const api = await apiAs(service.url, DEMO.admin.username);
    await expect.poll(async () => (await api.get<RosterView>('/api/roster')).roster.keeper).toBe('xiaoli');
    const saved = await api.get<RosterView>('/api/roster');
    expect(saved.roster.exceptions).toEqual([
      { date: saved.today.date, username: 'azhang', duty: 'off', note: '病假' },
    ]);
    await expect.poll(() => page.getByTestId('roster-people').textContent()).toContain('阿张 休息（病假）');
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when the admin enters a period that ends before it starts, then the refusal is shown in Chinese and nothing changes', async () => {
    const { context, page } = await openSignedIn(browser, service.url, DEMO.admin.username, '#/roster', 1280);
    const form = page.getByTestId('roster-form');
    await form.waitFor();
    await form.locator('input[name="day-periods"]').fill('12:00-09:00');
    await form.getByRole('button', { name: '保存排班' }).click();
    await expect.poll(() => page.getByTestId('roster-error').textContent()).toMatch(/结束时间要晚于开始时间/);
    const api = await apiAs(service.url, DEMO.admin.username);
    expect(
      (await api.get<{ roster: { shifts: { day: { periods: unknown[] } } } }>('/api/roster')).roster.shifts.day.periods,
    ).toHaveLength(2);
    await context.close();
  });
});
