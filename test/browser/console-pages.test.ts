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

// Page callbacks run in the browser; the test program has no DOM lib.
declare const navigator: { clipboard: { readText(): Promise<string> } };

/** Today in Shanghai, whatever zone the test runs in. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

interface Rendered {
  text: string;
  missingPrompts: { name: string }[];
}
interface Report {
  acknowledgement: { byName: string } | null;
  diary: { text: string; byName: string }[];
}
interface MessageList {
  messages: { kind: string; tid: string; text: string; state: string }[];
}

describe('console pages: quick replies, messages, handover, complaints, jobs (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;
  let api: Awaited<ReturnType<typeof apiAs>>;
  let tids: string[];

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(), launchBrowser()]);
    api = await apiAs(service.url, DEMO.xiaoli.username);
    tids = (await api.orders('?status=WAIT_BUYER_CONFIRM_GOODS&pageSize=5')).orders.map((o) => o.tid);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when 小丽 presses / on an order, finds 退货已寄出, fills the return waybill and copies, then the clipboard holds the reply rendered for that order', async () => {
    const tid = tids[0]!;
    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaoli.username,
      `#/orders/${tid}`,
      400,
      900,
    );
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: service.url });
    await page.getByTestId('order-replies').locator('.reply-hit').first().waitFor();
    await page.locator('h1').focus();
    await page.keyboard.press('/');
    expect(await inPage.activeId(page)).toBe('order-reply-search');
    await page.keyboard.type('thjc');
    await expect
      .poll(() => page.getByTestId('order-replies').locator('.reply-hit').first().getAttribute('data-shortcut'))
      .toBe('/thjc');
    await page.keyboard.press('Enter');
    await page.getByLabel('退回单号').waitFor();
    expect(await inPage.activeId(page)).toBe('order-reply-v-returnWaybill');
    await page.keyboard.type('SF1234567890');
    await page.keyboard.press('Enter');

    const expected = (
      await api.post<Rendered>('/api/quick-replies/return-sent/render', {
        tid,
        values: { returnWaybill: 'SF1234567890' },
      })
    ).body;
    expect(expected.missingPrompts).toEqual([]);
    const order = await api.get<{ buyerNick: string }>(`/api/orders/${tid}`);
    expect(expected.text).toContain(order.buyerNick);
    const text = page.getByTestId('order-replies').getByTestId('reply-text');
    await expect.poll(() => text.textContent()).toBe(expected.text);
    await page.getByTestId('copy-reply').click();
    await expect.poll(() => page.getByTestId('copy-reply-status').textContent()).toBe('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected.text);
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    await page.getByTestId('order-replies').screenshot({ path: '/tmp/xiaoer-console-quick-reply-400.png' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when the clipboard API is refused, then 快捷短语 still copies through the fallback and says 已复制', async () => {
    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaoli.username,
      '#/replies?q=fh',
    );
    await page.locator('.reply-hit').first().waitFor();
    expect(await inPage.activeId(page)).toBe('replies-search');
    await page.getByLabel('搜索快捷短语').press('Enter');
    await page.getByTestId('reply-text').waitFor();
    expect(await page.locator('.reply-head strong').textContent()).toBe('发货和到货时间');
    // No permission granted: navigator.clipboard.writeText rejects, execCommand('copy') does the work.
    await page.getByTestId('copy-reply').click();
    await expect.poll(() => page.getByTestId('copy-reply-status').textContent()).toBe('已复制');
    await page.screenshot({ path: '/tmp/xiaoer-console-replies-1280.png', fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when 小丽 queues 退款已登记 for an order from 订单详情, then it lands in 消息 and a second one is refused as 已发送过', async () => {
    const tid = tids[1]!;
    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaoli.username,
      `#/orders/${tid}`,
    );
    const box = page.getByTestId('order-message');
    await box.getByLabel('消息类型').selectOption({ label: '退款已登记' });
    await box.getByLabel('退款金额').waitFor();
    await box.getByLabel('退款金额').fill('12.50元');
    await expect.poll(() => box.getByTestId('message-text').textContent()).toContain('您的退款12.50元我们已经登记好了');
    await box.getByLabel('退款金额').press('Enter');
    // Inside quiet hours (21:00–09:00 Shanghai) the service holds it until the morning: today's, or tomorrow's (dated).
    await expect
      .poll(() => box.getByTestId('message-result').textContent())
      .toMatch(/已放入待发消息|将在 (\d{4}-\d\d-\d\d )?\d\d:\d\d 发送/);
    const queued = (await api.get<MessageList>(`/api/messages?tid=${tid}`)).messages;
    expect(queued.map((m) => m.kind)).toEqual(['refund-registered']);

    await box.getByLabel('退款金额').press('Enter');
    await expect.poll(() => box.getByTestId('message-refusal').first().textContent()).toBe('已发送过');

    await page.goto(`${service.url}/#/messages?state=all&tid=${tid}`);
    const row = page.locator('.message').first();
    await expect.poll(() => row.getAttribute('data-kind')).toBe('refund-registered');
    expect(await row.locator('.message-text').textContent()).toBe(queued[0]!.text);
    if (queued[0]!.state === 'outbox') {
      await row.getByRole('button', { name: '标记已发送' }).click();
      await expect.poll(() => page.locator('.message').first().getAttribute('data-state')).toBe('sent');
    } else {
      await row.getByRole('button', { name: '取消' }).click();
      await expect.poll(() => page.locator('.message').first().getAttribute('data-state')).toBe('cancelled');
    }
    await page.screenshot({ path: '/tmp/xiaoer-console-messages-1280.png', fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when 小丽 writes a diary note on the day-shift handover, then 阿张 of the night shift sees it and acknowledges the handover', async () => {
    const date = shanghaiToday();
    const hash = `#/handover?shift=day&date=${date}`;
    const note = `买家 test-buyer 下午来问退款，已答应今天处理 ${Date.now()}`;
    const day = await openSignedIn(browser, service.url, DEMO.xiaoli.username, hash, 400, 900);
    await day.page.getByTestId('handover-diary').waitFor();
    expect(await day.page.getByTestId('handover-title').textContent()).toContain(`${date} 白班（09:00–16:30）`);
    await day.page.getByLabel('新日记').fill(note);
    await day.page.getByLabel('新日记').press('Enter');
    await expect.poll(() => day.page.locator('.diary-note .diary-text').allTextContents()).toContain(note);
    expect(await inPage.scrollWidth(day.page)).toBeLessThanOrEqual(400);
    expect(day.problems).toEqual([]);
    await day.context.close();

    const night = await openSignedIn(browser, service.url, DEMO.azhang.username, hash);
    await night.page.getByTestId('handover-ack').waitFor();
    expect(await night.page.locator('.diary-note .diary-text').allTextContents()).toContain(note);
    await night.page.getByTestId('handover-ack').click();
    await expect
      .poll(() => night.page.getByTestId('handover-acknowledged').textContent())
      .toMatch(/^已由 阿张 于 \d{4}-\d\d-\d\d \d\d:\d\d 确认接班$/);
    const report = (await api.get<{ report: Report }>(`/api/handover?shift=day&date=${date}`)).report;
    expect(report.acknowledgement?.byName).toBe('阿张');
    expect(report.diary.find((n) => n.text === note)?.byName).toBe('小丽');
    await night.page.screenshot({ path: '/tmp/xiaoer-console-handover-1280.png', fullPage: true });
    expect(night.problems).toEqual([]);
    await night.context.close();
  });

  it('when a complaint is recorded, then it shows its 24 h clock and moves to 待核实 after the first response', async () => {
    const { context, page, problems } = await openSignedIn(
      browser,
      service.url,
      DEMO.xiaoli.username,
      '#/complaints',
      400,
      900,
    );
    const form = page.getByTestId('complaint-form');
    await form.getByRole('button', { name: '记录投诉' }).click();
    expect(await page.locator('#complaint-buyer-error').textContent()).toBe('请填写买家昵称');
    await form.getByLabel('买家昵称').fill('投诉测试买家');
    await form.getByLabel('投诉类型').selectOption({ label: '发错货' });
    await form.getByLabel('投诉内容').fill('收到的颜色不对');
    await form.getByLabel('投诉内容').press('Enter');
    const item = page.locator('.complaint', { hasText: '投诉测试买家' });
    await expect.poll(() => item.getAttribute('data-stage')).toBe('awaiting_response');
    expect(await item.locator('.clock').first().textContent()).toMatch(/^首次回复期限 \d{4}-\d\d-\d\d \d\d:\d\d$/);
    await item.getByLabel('处理说明').fill('已道歉并安排换货');
    await item.getByRole('button', { name: '已回复买家' }).click();
    await expect
      .poll(() => page.locator('.complaint', { hasText: '投诉测试买家' }).getAttribute('data-stage'))
      .toBe('awaiting_verification');
    expect(
      await page.locator('.complaint', { hasText: '投诉测试买家' }).locator('.clock').first().textContent(),
    ).toMatch(/^首次回复：.* 小丽$/);
    await page.screenshot({ path: '/tmp/xiaoer-console-complaints-400.png', fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when the admin opens 任务调度, then every job shows its schedule in Asia/Shanghai, and 立即运行 records the run', async () => {
    const { context, page, problems } = await openSignedIn(browser, service.url, DEMO.admin.username, '#/jobs');
    const job = page.locator('.job[data-name="handover-day"]');
    await job.waitFor();
    expect(await job.locator('code').textContent()).toBe('15 16 * * *');
    // read in shop time, and the page says so in words staff use (the zone's id stays out of sight)
    expect(await job.locator('[data-time-zone]').getAttribute('data-time-zone')).toBe('Asia/Shanghai');
    expect(await page.getByTestId('jobs-zone').textContent()).toBe('所有时间均为北京时间');
    await job.getByRole('button', { name: '立即运行' }).click();
    await expect
      .poll(() => page.getByTestId('jobs-status').locator('[data-outcome]').getAttribute('data-outcome'))
      .toBe('ok');
    await expect
      .poll(() => page.locator('.job[data-name="handover-day"] .last-run').textContent())
      .toContain('手动 成功');
    await page.screenshot({ path: '/tmp/xiaoer-console-jobs-1280.png', fullPage: true });
    expect(problems).toEqual([]);
    await context.close();

    // Staff do not see the admin's page in the navigation.
    const staff = await openSignedIn(browser, service.url, DEMO.xiaoli.username, '#/orders');
    await staff.page.locator('.main-nav').waitFor();
    expect(await staff.page.locator('.main-nav a').allTextContents()).not.toContain('任务调度');
    await staff.context.close();
  });

  it('when the admin opens every navigation page at 400 px and at 1280 px, then each renders its heading without errors or sideways scrolling', async () => {
    for (const width of [400, 1280]) {
      const { context, page, problems } = await openSignedIn(
        browser,
        service.url,
        DEMO.admin.username,
        '#/orders',
        width,
        900,
      );
      await page.locator('.main-nav').waitFor();
      const links = await page
        .locator('.main-nav a')
        .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent] as const));
      expect(links.map(([, label]) => label)).toEqual([
        '订单',
        '快捷短语',
        '我的任务',
        '消息',
        '汇款',
        '余额与退款',
        '退货',
        '交接班',
        '排班',
        '售后投诉',
        '提成',
        '打印',
        '周报',
        '知识库',
        '禁用说法',
        '任务调度',
        '登录锁定',
        '隐私访问记录',
      ]);
      for (const [href, label] of links) {
        await page.locator('.main-nav a', { hasText: label! }).click();
        await expect.poll(() => page.url()).toContain(href!);
        await expect.poll(() => page.locator('main h1').first().textContent()).toBe(label === '订单' ? '订单' : label);
        await expect.poll(() => page.locator('main .loading').count()).toBe(0);
        expect(await page.locator('main .error-box').count(), `${label} shows an error`).toBe(0);
        expect(await inPage.scrollWidth(page), `${label} at ${width}px`).toBeLessThanOrEqual(width);
      }
      await page.screenshot({ path: `/tmp/xiaoer-console-nav-${width}.png`, fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});
