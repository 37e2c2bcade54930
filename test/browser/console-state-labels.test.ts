/**
 * The console names roles, remark entry statuses, message states and reasons, transfer and refund states, job
 * runs, complaints, login lockouts and seller flags with the
 * words GET /api/labels serves, and keeps no copy of its own. As in console-labels.test.ts, each story serves
 * the real labels with the names it checks marked (＊): a page reading a copy of its own, or showing the
 * code, would not show the marked word and fails.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE_COLLECTION, type Counter } from '../../src/accounts/login-throttle.js';
import { toInstant } from '../../src/shared/time.js';
import { apiAs, DEMO, launchBrowser, openSignedIn, startConsoleService, type ConsoleService } from './harness.js';

type Names = Record<string, string>;
type Labels = Record<string, unknown> & {
  roles: Names;
  entryStatuses: Names;
  messageStates: Names;
  messageReasons: Names;
  transferStates: Names;
  runOutcomes: Names;
  runReasons: Names;
  complaintCategories: Names;
  complaintChannels: Names;
  complaintSatisfaction: Names;
  complaintStages: Names;
  refundStates: Names;
  lockoutScopes: Names;
  transferIdentify: Names;
  flags: Names;
};

const MARK = '＊';
const marked = (names: Names) => Object.fromEntries(Object.entries(names).map(([k, v]) => [k, `${v}${MARK}`]));

describe('console state names from GET /api/labels (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;
  let api: Awaited<ReturnType<typeof apiAs>>;
  let real: Labels;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(60), launchBrowser()]);
    api = await apiAs(service.url, DEMO.xiaoli.username);
    real = await api.get<Labels>('/api/labels');
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  /** A paid order not printed yet (each story that writes on one moves it on, so the next finds another). */
  async function paidNotPrinted(): Promise<string> {
    for (const o of (await api.orders('?status=WAIT_SELLER_SEND_GOODS&pageSize=30')).orders) {
      if ((await api.get<{ state: string }>(`/api/orders/${o.tid}/remark-kinds`)).state === 'paid_not_printed') {
        return o.tid;
      }
    }
    throw new Error('the sandbox shop has no paid order waiting to be printed');
  }

  /** Opens `hash` signed in as `user`, with /api/labels answered by the real names, `keys` of them marked. */
  async function openMarked(user: string, hash: string, keys: (keyof Labels & string)[]) {
    const opened = await openSignedIn(browser, service.url, user, hash);
    const served = { ...real, ...Object.fromEntries(keys.map((k) => [k, marked(real[k] as Names)])) };
    await opened.context.route('**/api/labels', async (route) => {
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(served) });
    });
    await opened.page.reload();
    return opened;
  }

  it("when 小丽 opens an order she wrote a remark on, then the header names her role, the history the remark's status and the title the order's flag as the API serves them", async () => {
    const tid = await paidNotPrinted();
    expect((await api.post(`/api/orders/${tid}/remarks`, { kind: 'print.printed' })).status).toBe(201);
    // A printed order whose address changes is flagged red.
    const change = { kind: 'address.change', fields: { field: 'phone', value: '13900003333', assistant: '阿张' } };
    const changed = await api.post<{ flag: number }>(`/api/orders/${tid}/remarks`, change);
    expect(changed.body.flag).toBe(1);

    const { context, page, problems } = await openMarked(DEMO.xiaoli.username, `#/orders/${tid}`, [
      'roles',
      'entryStatuses',
      'flags',
    ]);
    const entry = page.locator('.history-entry[data-status="written"] .badge').first();
    await entry.waitFor();
    expect(await entry.textContent()).toBe(`${real.entryStatuses.written}${MARK}`);
    await expect.poll(() => page.locator('.who .role').textContent()).toBe(`${real.roles.staff}${MARK}`);
    expect(await page.locator('.detail-title .flag').textContent()).toBe(`${real.flags['1']}${MARK}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when a message was cancelled, then the messages page names its state, the reason and the state filter as the API serves them', async () => {
    const tid = (await api.orders('?status=WAIT_BUYER_CONFIRM_GOODS&pageSize=1')).orders[0]!.tid;
    const queued = await api.post<{ message: { id: string } }>('/api/messages', {
      kind: 'refund-registered',
      tid,
      values: { refundAmount: '12元' },
    });
    expect([200, 201]).toContain(queued.status);
    const cancelled = await api.post<{ message: { state: string; stateReason: string } }>(
      `/api/messages/${queued.body.message.id}/cancel`,
    );
    expect(cancelled.body.message).toMatchObject({ state: 'cancelled', stateReason: 'cancelled_by_staff' });

    const { context, page, problems } = await openMarked(DEMO.xiaoli.username, `#/messages?state=all&tid=${tid}`, [
      'messageStates',
      'messageReasons',
    ]);
    const row = page.locator(`.message[data-id="${queued.body.message.id}"]`);
    await row.waitFor();
    expect(await row.locator('.badge').textContent()).toBe(`${real.messageStates.cancelled}${MARK}`);
    expect(await row.locator('.message-reason').textContent()).toBe(`${real.messageReasons.cancelled_by_staff}${MARK}`);
    const options = await page.locator('#message-state option').allTextContents();
    expect(options.slice(1)).toEqual(
      ['needs_values', 'outbox', 'queued', 'held', 'failed', 'sent', 'cancelled', 'dropped'].map(
        (s) => `${real.messageStates[s]}${MARK}`,
      ),
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when 小周 has a transfer order waiting for money, then 汇款 offers and shows its states as the API serves them', async () => {
    const keeper = await apiAs(service.url, DEMO.xiaozhou.username);
    const created = await keeper.post<{ transfer: { id: string; state: string } }>('/api/transfers', {
      buyerNick: '状态名测试买家',
      items: [{ itemNo: 'C3001', size: 'S', quantity: 1, priceFen: 12_300 }],
      address: '浙江省杭州市西湖区文三路2号',
      amountDueFen: 12_300,
    });
    expect(created.status).toBe(201);
    expect(created.body.transfer.state).toBe('awaiting');

    const { context, page, problems } = await openMarked(DEMO.xiaozhou.username, '#/transfers', [
      'transferStates',
      'transferIdentify',
    ]);
    const row = page.locator(`.transfer[data-id="${created.body.transfer.id}"]`);
    await row.waitFor();
    expect(await row.locator('.badge').textContent()).toBe(`${real.transferStates.awaiting}${MARK}`);
    expect(await page.locator('#transfer-state option').allTextContents()).toEqual([
      '全部状态',
      ...Object.values(real.transferStates).map((n) => `${n}${MARK}`),
    ]);
    expect(await page.locator('#transfer-identify option').allTextContents()).toEqual(
      Object.values(real.transferIdentify).map((n) => `${n}${MARK}`),
    );
    // The filter sends the code of the state chosen, not its name.
    await page.locator('#transfer-state').selectOption({ label: `${real.transferStates.awaiting}${MARK}` });
    await expect.poll(() => page.url()).toContain('state=awaiting');
    await row.waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("when the admin ran a job by hand, then 任务调度 names the run's reason and outcome as the API serves them", async () => {
    const admin = await apiAs(service.url, DEMO.admin.username);
    expect((await admin.post('/api/jobs/revisit-list/run', {})).status).toBe(200);
    const { context, page, problems } = await openMarked(DEMO.admin.username, '#/jobs', ['runOutcomes', 'runReasons']);
    const last = page.locator('.job[data-name="revisit-list"] .last-run');
    await last.waitFor();
    expect(await last.textContent()).toContain(`${real.runReasons.manual}${MARK} ${real.runOutcomes.ok}${MARK}`);
    // 实例: the instance the API lists as having run it (the same on every instance sharing one database).
    const { jobs } = await admin.get<{ jobs: { name: string; lastRun: { instanceId: string } | null }[] }>('/api/jobs');
    const ranBy = jobs.find((j) => j.name === 'revisit-list')!.lastRun!.instanceId;
    expect(ranBy).toBeTruthy();
    expect(await page.locator('.job[data-name="revisit-list"] .last-run-instance').textContent()).toBe(ranBy);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("when 小丽 opens 售后投诉, then a complaint's stage, category and channel, the form's choices and the satisfaction asked for carry the names the API serves", async () => {
    const record = await api.post<{ complaint: { id: string } }>('/api/complaints', {
      buyerNick: '投诉名称买家',
      channel: 'phone',
      category: 'wrong_item',
      content: '颜色不对',
    });
    expect(record.status).toBe(201);
    const id = record.body.complaint.id;
    const answered = await api.post<{ complaint: { stage: string } }>(`/api/complaints/${id}/respond`, {
      note: '已道歉',
    });
    expect(answered.body.complaint.stage).toBe('awaiting_verification');
    for (const step of ['verify', 'outcome']) {
      expect((await api.post(`/api/complaints/${id}/${step}`, { note: '已处理' })).status).toBe(200);
    }
    const { context, page, problems } = await openMarked(DEMO.xiaoli.username, '#/complaints', [
      'complaintCategories',
      'complaintChannels',
      'complaintSatisfaction',
      'complaintStages',
    ]);
    const names = (list: Names) => Object.values(list).map((n) => `${n}${MARK}`);
    const row = page.locator(`.complaint[data-id="${id}"]`);
    await row.waitFor();
    expect(await row.locator('.badge').textContent()).toBe(`${real.complaintStages.awaiting_satisfaction}${MARK}`);
    expect(await row.textContent()).toContain(
      `${real.complaintCategories.wrong_item}${MARK} · ${real.complaintChannels.phone}${MARK}`,
    );
    expect((await row.getByLabel('满意度').locator('option').allTextContents()).slice(1)).toEqual(
      names(real.complaintSatisfaction),
    );
    expect(await page.locator('#complaint-channel option').allTextContents()).toEqual(names(real.complaintChannels));
    expect(await page.locator('#complaint-category option').allTextContents()).toEqual(names(real.complaintCategories));
    expect((await page.locator('#complaint-filter option').allTextContents())[1]).toBe(
      `${real.complaintStages.closed}${MARK}`,
    );
    // The choice sends the code: the satisfaction is recorded and the complaint reads as closed.
    await row.getByLabel('满意度').selectOption({ label: `${real.complaintSatisfaction.satisfied}${MARK}` });
    await row.getByRole('button', { name: '记录满意度' }).click();
    await expect
      .poll(async () => (await api.get<{ complaint: { stage: string } }>(`/api/complaints/${id}`)).complaint.stage)
      .toBe('closed');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("when a refund waits in the register, then 小周's 退款登记 names its state as the API serves it", async () => {
    const tid = await paidNotPrinted();
    const refund = await api.post<{ refund: { id: string } }>(`/api/orders/${tid}/remarks`, {
      kind: 'refund.after_trade',
      fields: {
        sku: 'A1024',
        type: 'postage',
        amount: '15',
        channel: 'alipay',
        account: 'a@163.com',
        realName: '李莉',
      },
    });
    expect(refund.status).toBe(201);
    const { context, page, problems } = await openMarked(DEMO.xiaozhou.username, '#/ledger', ['refundStates']);
    const row = page.locator(`.refund[data-id="${refund.body.refund.id}"]`);
    await row.waitFor();
    expect(await row.locator('.badge').textContent()).toBe(`${real.refundStates.open}${MARK}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when a computer is locked out of every account, then 登录锁定 says what the lockout keeps out as the API serves it', async () => {
    const at = Date.now();
    const lock: Counter = {
      scope: 'client',
      account: null,
      client: '198.51.100.7',
      failures: 30,
      locks: 1,
      lastFailureAt: toInstant(at),
      lockedUntil: toInstant(at + 15 * 60_000),
    };
    await service.svc.store.transact((tx) => tx.put(THROTTLE_COLLECTION, 'client:198.51.100.7', lock));
    const { context, page, problems } = await openMarked(DEMO.admin.username, '#/lockouts', ['lockoutScopes']);
    const row = page.locator('.lockout[data-client="198.51.100.7"]');
    await row.waitFor();
    expect(await row.locator('.muted.small').first().textContent()).toBe(`${real.lockoutScopes.client}${MARK}`);
    expect(problems).toEqual([]);
    await context.close();
  });
});
