/**
 * The console names codes (message kinds, couriers, task types, job names) with the words GET /api/labels
 * serves, and keeps no copy of its own. Each story serves the real labels with every name marked (＊)
 * and expects the marked names on the page: a page reading a copy of its own would show the unmarked
 * word and fail.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO,
  launchBrowser,
  openSignedIn,
  startConsoleService,
  type ConsoleService,
  type OrderDetail,
} from './harness.js';

type Labels = Record<string, unknown> & {
  messageKinds: Record<string, string>;
  orderMessageKinds: string[];
  couriers: Record<string, string>;
  taskTypes: Record<string, string>;
  jobs: Record<string, string>;
  tradeStatuses: Record<string, string>;
  orderStatusGroups: { key: string; label: string; statuses: string[] }[];
  parcelStates: Record<string, string>;
  parcelSubStates: Record<string, string>;
  openItemKinds: Record<string, string>;
  jobCounts: Record<string, Record<string, string>>;
};

const MARK = '＊';
const marked = (names: Record<string, string>) =>
  Object.fromEntries(Object.entries(names).map(([k, v]) => [k, `${v}${MARK}`]));
/** Today in Shanghai as the memo writes it (11.24). */
const memoDate = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(5, 10).replace('-', '.');

interface KindsView {
  state: string;
  kinds: { title: string; fields: { label: string }[] }[];
}
/** An order's remark kinds with every title and field label marked. */
const markedKinds = (v: KindsView) => ({
  ...v,
  kinds: v.kinds.map((k) => ({
    ...k,
    title: `${k.title}${MARK}`,
    fields: k.fields.map((f) => ({ ...f, label: `${f.label}${MARK}` })),
  })),
});

describe('console names from GET /api/labels (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;
  let api: Awaited<ReturnType<typeof apiAs>>;
  let real: Labels;

  beforeAll(async () => {
    // 300 orders: the stories want two shipped orders and paid ones to print; a 60-order shop lacks them at some hours.
    [service, browser] = await Promise.all([startConsoleService(300), launchBrowser()]);
    api = await apiAs(service.url, DEMO.xiaoli.username);
    real = await api.get<Labels>('/api/labels');
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  /**
   * Opens `hash` signed in, with /api/labels answered by `serve(real)` (reloaded once the route is set);
   * `also` rewrites other answers (glob → the real answer's body → the body served).
   */
  async function openWithLabels(
    user: string,
    hash: string,
    serve: (l: Labels) => object,
    also: Record<string, (body: never) => object> = {},
  ) {
    const opened: { context: BrowserContext; page: Page; problems: string[] } = await openSignedIn(
      browser,
      service.url,
      user,
      hash,
    );
    await opened.context.route('**/api/labels', async (route) => {
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(serve(real)) });
    });
    for (const [glob, rewrite] of Object.entries(also)) {
      await opened.context.route(glob, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, json: rewrite((await response.json()) as never) });
      });
    }
    await opened.page.reload();
    return opened;
  }

  it('when the messages page lists kinds and a queued message, then both carry the names the API serves', async () => {
    const tid = (await api.orders('?status=WAIT_BUYER_CONFIRM_GOODS&pageSize=1')).orders[0]!.tid;
    const queued = await api.post('/api/messages', {
      kind: 'refund-registered',
      tid,
      values: { refundAmount: '12元' },
    });
    expect([200, 201]).toContain(queued.status);
    const { context, page, problems } = await openWithLabels(
      DEMO.xiaoli.username,
      `#/messages?state=all&tid=${tid}`,
      (l) => ({ ...l, messageKinds: marked(l.messageKinds) }),
    );
    const row = page.locator('.message[data-kind="refund-registered"]');
    await row.waitFor();
    expect(await row.locator('strong').textContent()).toBe(`退款已登记${MARK}`);
    const options = await page.locator('#message-kind-filter option').allTextContents();
    expect(options).toEqual(['全部类型', ...Object.values(real.messageKinds).map((n) => `${n}${MARK}`)]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when the order page offers messages, then it offers the kinds and names the API serves, no more', async () => {
    const tid = (await api.orders('?status=WAIT_BUYER_CONFIRM_GOODS&pageSize=2')).orders[1]!.tid;
    const offered = ['logistics-stuck', 'refund-registered'];
    const { context, page, problems } = await openWithLabels(DEMO.xiaoli.username, `#/orders/${tid}`, (l) => ({
      ...l,
      messageKinds: marked(l.messageKinds),
      orderMessageKinds: offered,
    }));
    const select = page.getByTestId('order-message').getByLabel('消息类型');
    await select.waitFor();
    expect(await select.locator('option').allTextContents()).toEqual([
      '选择消息类型',
      `物流停滞通知${MARK}`,
      `退款已登记${MARK}`,
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("when 阿张 has a task and 小丽 writes the order's next remark, then both pages name the task as the API serves it", async () => {
    // A printed order whose address changes opens 改面单 for the assistant named.
    let tid = '';
    for (const o of (await api.orders('?status=WAIT_SELLER_SEND_GOODS&pageSize=30')).orders) {
      const kinds = await api.get<{ state: string }>(`/api/orders/${o.tid}/remark-kinds`);
      if (kinds.state === 'paid_not_printed') {
        tid = o.tid;
        break;
      }
    }
    if (!tid) throw new Error('the sandbox shop has no paid order waiting to be printed');
    expect((await api.post(`/api/orders/${tid}/remarks`, { kind: 'print.printed' })).status).toBe(201);
    const change = {
      kind: 'address.change',
      fields: { field: 'address', value: '上海市浦东新区世纪大道100号', assistant: '阿张' },
    };
    expect((await api.post(`/api/orders/${tid}/remarks`, change)).status).toBe(201);

    const azhang = await openWithLabels(DEMO.azhang.username, '#/tasks', (l) => ({
      ...l,
      taskTypes: marked(l.taskTypes),
    }));
    const task = azhang.page.locator(`[data-testid="my-tasks"] .task[data-tid="${tid}"]`);
    await task.waitFor();
    expect(await task.locator('strong').first().textContent()).toBe(`${real.taskTypes.fix_label}${MARK}`);
    expect(azhang.problems).toEqual([]);
    await azhang.context.close();

    const xiaoli = await openWithLabels(DEMO.xiaoli.username, `#/orders/${tid}`, (l) => ({
      ...l,
      taskTypes: marked(l.taskTypes),
    }));
    await xiaoli.page.getByLabel('备注类型').selectOption({ label: '改地址/收件人/电话' });
    await xiaoli.page.getByLabel('修改项').selectOption({ label: '电话' });
    await xiaoli.page.getByLabel('新内容').fill('13900001111');
    await xiaoli.page.getByLabel('助理').fill('阿张');
    await expect
      .poll(() => xiaoli.page.getByTestId('remark-preview').textContent())
      .toContain(`将交给 阿张 处理：改面单${MARK}`);
    expect(xiaoli.problems).toEqual([]);
    await xiaoli.context.close();
  });

  it('when the admin opens 任务调度, then every scheduled job is named as the API serves it, also when it runs', async () => {
    const admin = await apiAs(service.url, DEMO.admin.username);
    const { jobs } = await admin.get<{ jobs: { name: string; description: string }[] }>('/api/jobs');
    // Every job the service schedules has a name for staff; its description is an engineer's note, not a second name.
    expect(jobs.filter((j) => !real.jobs[j.name]).map((j) => j.name)).toEqual([]);
    expect(jobs.filter((j) => /[\u4e00-\u9fff]/.test(j.description)).map((j) => j.name)).toEqual([]);
    const { context, page, problems } = await openWithLabels(DEMO.admin.username, '#/jobs', (l) => ({
      ...l,
      jobs: marked(l.jobs),
    }));
    await page.locator('.job').first().waitFor();
    const shown = await page
      .locator('.job')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-name'), e.querySelector('.job-name')?.textContent]));
    expect(shown).toEqual(jobs.map((j) => [j.name, `${real.jobs[j.name]}${MARK}`]));
    expect(await page.getByTestId('job-list').textContent()).not.toMatch(/order-sync|handover-day/);
    await page.locator('.job[data-name="revisit-list"]').getByRole('button', { name: '立即运行' }).click();
    await expect
      .poll(() => page.getByTestId('jobs-status').locator('[data-outcome]').textContent())
      .toMatch(new RegExp(`^${real.jobs['revisit-list']}${MARK}：`));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("when an order's parcel is shown, then its courier carries the name the API serves, not the code", async () => {
    let parcel: OrderDetail['logistics'][number] | undefined;
    let tid = '';
    for (const o of (await api.orders('?status=WAIT_BUYER_CONFIRM_GOODS,TRADE_BUYER_SIGNED&pageSize=20')).orders) {
      parcel = (await api.get<OrderDetail>(`/api/orders/${o.tid}`)).logistics[0];
      tid = o.tid;
      if (parcel) break;
    }
    if (!parcel) throw new Error('the sandbox shop has no shipped order with a parcel');
    expect(real.couriers[parcel.company]).toMatch(/[\u4e00-\u9fff]|EMS/);
    const { context, page, problems } = await openWithLabels(DEMO.xiaoli.username, `#/orders/${tid}`, (l) => ({
      ...l,
      couriers: marked(l.couriers),
    }));
    const courier = page.locator(`.parcel[data-waybill="${parcel.waybill}"] .parcel-courier`);
    await courier.waitFor();
    expect(await courier.textContent()).toBe(`${real.couriers[parcel.company]}${MARK} ${parcel.waybill}`);
    expect(problems).toEqual([]);
    await context.close();
  });
  it("when 阿张 has a 撤单 task, then 我的任务 offers the remark that closes it as the order's remark kinds name it, and writes it", async () => {
    // A printed order cancelled by the buyer: 小丽 hands 撤单 to 阿张.
    let tid = '';
    for (const o of (await api.orders('?status=WAIT_SELLER_SEND_GOODS&pageSize=30')).orders) {
      if ((await api.get<KindsView>(`/api/orders/${o.tid}/remark-kinds`)).state === 'paid_not_printed') {
        tid = o.tid;
        break;
      }
    }
    if (!tid) throw new Error('the sandbox shop has no paid order waiting to be printed');
    expect((await api.post(`/api/orders/${tid}/remarks`, { kind: 'print.printed' })).status).toBe(201);
    expect(
      (await api.post(`/api/orders/${tid}/remarks`, { kind: 'cancel.request', fields: { assistant: '阿张' } })).status,
    ).toBe(201);

    const { context, page, problems } = await openWithLabels(DEMO.azhang.username, '#/tasks', (l) => l, {
      '**/api/orders/*/remark-kinds': markedKinds,
    });
    const task = page.locator(`[data-testid="my-tasks"] .task[data-tid="${tid}"]`);
    await task.waitFor();
    expect(await task.locator('button[type="submit"]').textContent()).toBe(`单已撤${MARK}`);
    expect(await task.textContent()).toContain(`会在订单上写备注「单已撤${MARK}」`);
    await task.getByLabel(`上架人${MARK}`).fill('小周');
    await task.getByRole('button', { name: `单已撤${MARK}` }).click();
    await expect
      .poll(() => page.getByTestId('task-status').locator('.result-entry').textContent())
      .toBe(`单已撤,可以退款+已提交小周上架+阿张/${memoDate()}`);
    await expect.poll(() => task.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
  it('when 小丽 lists orders, then the status filter and every badge carry the names the API serves', async () => {
    const { context, page, problems } = await openWithLabels(DEMO.xiaoli.username, '#/orders', (l) => ({
      ...l,
      tradeStatuses: marked(l.tradeStatuses),
      orderStatusGroups: l.orderStatusGroups.map((g) => ({ ...g, label: `${g.label}${MARK}` })),
    }));
    await page.locator('.order-row').first().waitFor();
    expect(await page.getByLabel('订单状态').locator('option').allTextContents()).toEqual([
      '全部状态',
      ...real.orderStatusGroups.map((g) => `${g.label}${MARK}`),
    ]);
    const badges = await page
      .locator('.order-row .badge[data-status]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-status'), e.textContent]));
    expect(badges.length).toBeGreaterThan(0);
    for (const [status, text] of badges) expect(text, status!).toBe(`${real.tradeStatuses[status!]}${MARK}`);
    // The filter sends the statuses the API lists for the group chosen.
    const toShip = real.orderStatusGroups.find((g) => g.key === 'to_ship')!;
    await page.getByLabel('订单状态').selectOption({ label: `${toShip.label}${MARK}` });
    const expected = await api.orders(`?status=${toShip.statuses.join(',')}&pageSize=20`);
    await expect.poll(() => page.getByTestId('orders-total').getAttribute('data-total')).toBe(String(expected.total));
    expect(
      await page.locator('.order-row .badge[data-status]').evaluateAll((els) => els.map((e) => e.className)),
    ).toEqual(expected.orders.map(() => 'badge tone-to-ship'));
    expect(problems).toEqual([]);
    await context.close();
  });
  it("when an order's parcels are shown, then each state, detail code and event state carries the name the API serves", async () => {
    let order: OrderDetail | undefined;
    for (const o of (await api.orders('?status=WAIT_BUYER_CONFIRM_GOODS,TRADE_BUYER_SIGNED&pageSize=50')).orders) {
      const d = await api.get<OrderDetail>(`/api/orders/${o.tid}`);
      if (d.logistics.some((p) => p.events.length >= 2)) {
        order = d;
        break;
      }
    }
    if (!order) throw new Error('the sandbox shop has no tracked parcel with two events');
    // Every parcel is given a detail code, so the detail badge is drawn whatever the sandbox reported.
    const withDetail = { ...order, logistics: order.logistics.map((p) => ({ ...p, subState: '205' })) };
    const { context, page, problems } = await openWithLabels(
      DEMO.xiaoli.username,
      `#/orders/${order.tid}`,
      (l) => ({ ...l, parcelStates: marked(l.parcelStates), parcelSubStates: marked(l.parcelSubStates) }),
      { [`**/api/orders/${order.tid}`]: () => withDetail },
    );
    for (const parcel of order.logistics) {
      const card = page.locator(`.parcel[data-waybill="${parcel.waybill}"]`);
      await card.waitFor();
      expect(await card.getByTestId('parcel-state').textContent()).toBe(`${real.parcelStates[parcel.state]}${MARK}`);
      // The detail badge; the state's own badge is drawn as a problem too when the state is one (疑难).
      const detail = card.locator('.parcel-problem:not([data-testid="parcel-state"])');
      expect(await detail.textContent()).toBe(`${real.parcelSubStates['205']}${MARK}`);
      const newestFirst = [...parcel.events].sort((a, b) => (a.at < b.at ? 1 : -1));
      expect(await card.locator('.event-state').allTextContents()).toEqual(
        newestFirst.map((e) => `${real.parcelStates[e.state]}${MARK}`),
      );
    }
    expect(problems).toEqual([]);
    await context.close();
  });
  it("when 阿张 opens 交接班, then every open item is headed by its kind's name as the API serves it", async () => {
    // At least one item: a printed order whose address changes hands 改面单 to 阿张.
    let tid = '';
    for (const o of (await api.orders('?status=WAIT_SELLER_SEND_GOODS&pageSize=30')).orders) {
      if ((await api.get<KindsView>(`/api/orders/${o.tid}/remark-kinds`)).state === 'paid_not_printed') {
        tid = o.tid;
        break;
      }
    }
    if (!tid) throw new Error('the sandbox shop has no paid order waiting to be printed');
    expect((await api.post(`/api/orders/${tid}/remarks`, { kind: 'print.printed' })).status).toBe(201);
    const change = { kind: 'address.change', fields: { field: 'phone', value: '13900002222', assistant: '阿张' } };
    expect((await api.post(`/api/orders/${tid}/remarks`, change)).status).toBe(201);

    const { context, page, problems } = await openWithLabels(DEMO.azhang.username, '#/handover', (l) => ({
      ...l,
      openItemKinds: marked(l.openItemKinds),
    }));
    // the items are folded under their owner: drawn, not shown until a group is opened
    await page
      .locator(`[data-testid="handover-open"] .handover-item[data-kind="task"]`)
      .first()
      .waitFor({ state: 'attached' });
    const shown = await page
      .locator('[data-testid="handover-open"] .handover-item')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.querySelector('.badge')?.textContent]));
    expect(shown.length).toBeGreaterThan(0);
    for (const [kind, badge] of shown) expect(badge, kind!).toBe(`${real.openItemKinds[kind!]}${MARK}`);
    expect(problems).toEqual([]);
    await context.close();
  });
  it('when the admin runs a job on 任务调度, then its run counts are named as the API serves them, not by their keys', async () => {
    const admin = await apiAs(service.url, DEMO.admin.username);
    // A run already recorded: its counts show in the job's row too.
    expect((await admin.post('/api/jobs/handover-day/run', {})).status).toBe(200);
    const { context, page, problems } = await openWithLabels(DEMO.admin.username, '#/jobs', (l) => ({
      ...l,
      jobCounts: Object.fromEntries(Object.entries(l.jobCounts).map(([job, names]) => [job, marked(names)])),
    }));
    const handover = page.locator('.job[data-name="handover-day"] .last-run');
    await handover.waitFor();
    const names = real.jobCounts['handover-day']!;
    expect(await handover.textContent()).toMatch(
      new RegExp(`（${names.openItems}${MARK} \\d+，${names.late}${MARK} \\d+，${names.pushed}${MARK} \\d+）`),
    );
    await page.locator('.job[data-name="revisit-list"]').getByRole('button', { name: '立即运行' }).click();
    const status = page.getByTestId('jobs-status').locator('[data-outcome]');
    await expect
      .poll(() => status.textContent())
      .toMatch(new RegExp(`（${real.jobCounts['revisit-list']!.customers}${MARK} \\d+）`));
    expect(await page.getByTestId('job-list').textContent()).not.toMatch(/openItems|customers|pushed/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
