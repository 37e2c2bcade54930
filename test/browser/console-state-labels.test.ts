/**
 * The console names roles, remark entry statuses, message states and reasons, transfer states and job runs with the
 * words GET /api/labels serves, and keeps no copy of its own. As in console-labels.test.ts, each story serves
 * the real labels with the names it checks marked (＊): a page reading a copy of its own, or showing the
 * code, would not show the marked word and fails.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it("when 小丽 opens an order she wrote a remark on, then the header names her role and the history names the remark's status as the API serves them", async () => {
    let tid = '';
    for (const o of (await api.orders('?status=WAIT_SELLER_SEND_GOODS&pageSize=30')).orders) {
      if ((await api.get<{ state: string }>(`/api/orders/${o.tid}/remark-kinds`)).state === 'paid_not_printed') {
        tid = o.tid;
        break;
      }
    }
    if (!tid) throw new Error('the sandbox shop has no paid order waiting to be printed');
    expect((await api.post(`/api/orders/${tid}/remarks`, { kind: 'print.printed' })).status).toBe(201);

    const { context, page, problems } = await openMarked(DEMO.xiaoli.username, `#/orders/${tid}`, [
      'roles',
      'entryStatuses',
    ]);
    const entry = page.locator('.history-entry[data-status="written"] .badge');
    await entry.waitFor();
    expect(await entry.textContent()).toBe(`${real.entryStatuses.written}${MARK}`);
    await expect.poll(() => page.locator('.who .role').textContent()).toBe(`${real.roles.staff}${MARK}`);
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
      ['outbox', 'queued', 'held', 'failed', 'sent', 'cancelled'].map((s) => `${real.messageStates[s]}${MARK}`),
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

    const { context, page, problems } = await openMarked(DEMO.xiaozhou.username, '#/transfers', ['transferStates']);
    const row = page.locator(`.transfer[data-id="${created.body.transfer.id}"]`);
    await row.waitFor();
    expect(await row.locator('.badge').textContent()).toBe(`${real.transferStates.awaiting}${MARK}`);
    expect(await page.locator('#transfer-state option').allTextContents()).toEqual([
      '全部状态',
      ...Object.values(real.transferStates).map((n) => `${n}${MARK}`),
    ]);
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
    expect(problems).toEqual([]);
    await context.close();
  });
});
