/**
 * 中差评 on 订单详情 at 400 px (issue 15, part 2): after a repair window's job has read the sandbox shop's reviews,
 * 小丽 opens a reviewed order, records an unanswered call with a note, is offered the repair message with the
 * template's blank (解决办法) and told in Chinese why it cannot go yet, then gives the review up with a reason. The
 * page shows each state as the service names it, the call under her name, and nothing scrolls sideways.
 */
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

interface ReviewView {
  id: string;
  state: string;
  stateText: string;
  review: { tid: string };
  calls: { by: string; outcome: string; note: string }[];
}

describe('中差评 on the order page (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(300), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when 小丽 records an unanswered call and gives the review up at 400 px, then the page and the service agree on each state', async () => {
    const admin = await apiAs(service.url, DEMO.admin.username);
    const ran = await admin.post<{ run: { outcome: string; counts: { new: number } } }>(
      '/api/jobs/review-window-1100/run',
    );
    expect(ran.body.run.outcome).toBe('ok');
    expect(ran.body.run.counts.new).toBeGreaterThan(0);
    const api = await apiAs(service.url, DEMO.xiaoli.username);
    const [first] = (await api.get<{ reviews: ReviewView[] }>('/api/reviews')).reviews;
    expect(first!.stateText).toBe('待联系');

    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaoli.username,
      `#/orders/${first!.review.tid}`,
      400,
    );
    const card = page
      .getByTestId('review-card')
      .filter({ has: page.getByText('待联系', { exact: true }) })
      .first();
    await card.waitFor();
    await card.getByLabel('电话结果').selectOption({ label: '未接通' });
    await card.getByLabel('备注').fill('响了一分钟没人接');
    await card.getByRole('button', { name: '记录电话' }).click();

    const called = page.getByTestId('review-card').filter({ hasText: '响了一分钟没人接' });
    await expect.poll(() => called.getByTestId('review-state').textContent()).toBe('已打电话（未接通）');
    expect(await called.getByTestId('review-calls').textContent()).toContain('小丽 未接通：响了一分钟没人接');
    const stored = (await api.get<{ reviews: ReviewView[] }>('/api/reviews')).reviews.find((r) => r.id === first!.id);
    expect(stored!.calls).toEqual([expect.objectContaining({ by: 'xiaoli', outcome: 'no_answer' })]);

    // After no answer the message is offered with the template's blank; sent empty, the service says why not.
    const message = called.getByTestId('review-message');
    await message.getByLabel('解决办法').waitFor();
    await message.getByRole('button', { name: '发短信' }).click();
    await expect.poll(() => called.getByTestId('review-error').textContent()).toMatch(/中差评处理时段|解决办法/);
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);

    await called.getByLabel('备注').fill('两次都不接，像职业差评');
    await called.getByRole('button', { name: '放弃' }).click();
    const gaveUp = page.getByTestId('review-card').filter({ hasText: '两次都不接，像职业差评' });
    await expect.poll(() => gaveUp.getByTestId('review-state').textContent()).toBe('已放弃');
    expect(await gaveUp.getByRole('button').count()).toBe(0);
    const after = await api.get<{ reviews: ReviewView[] }>('/api/reviews?state=given_up');
    expect(after.reviews.map((r) => r.id)).toEqual([first!.id]);
    // The order itself carries its review with the call, as the page drew it.
    const order = await api.get<{ reviews: ReviewView[] }>(`/api/orders/${first!.review.tid}`);
    expect(order.reviews.find((r) => r.id === first!.id)).toMatchObject({
      state: 'given_up',
      calls: [{ by: 'xiaoli' }],
    });
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    // The refused message is the one failed request chromium logs (409 outside a window, 400 for the blank).
    expect(problems.filter((p) => !/status of (409|400) /.test(p))).toEqual([]);
    await context.close();
  });
});
