/**
 * 退货 in chromium at 400 px: the warehouse (阿张) sees a return signed for at the warehouse as 已退回仓库, confirms
 * it with its condition and a note, and sees it wait for the keeper's refund; customer service (小丽) sees the same
 * return without the warehouse's form. The return is written to the store as the returns sync keeps it (the sandbox
 * courier takes days of shop time to bring one back); the names on the page are GET /api/labels'.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETURNS, type ReturnRecord } from '../../src/returns/index.js';
import { toInstant } from '../../src/shared/time.js';
import { apiAs, inPage, launchBrowser, openSignedIn, startConsoleService, type ConsoleService } from './harness.js';

describe('console 退货 (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;
  let id: string;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(50), launchBrowser()]);
    const order = [...service.svc.store.all<{ tid: string; buyerNick: string }>('orders')][0]!;
    const at = toInstant(Date.now() - 86_400_000);
    id = '9123456789000000001';
    const record: ReturnRecord = {
      id,
      tid: order.tid,
      oid: order.tid,
      buyerNick: order.buyerNick,
      title: '宽松针织开衫',
      reason: '尺码不合适',
      refundFeeFen: 12850,
      platformStatus: 'WAIT_SELLER_CONFIRM_GOODS',
      goodStatus: 'BUYER_RETURNED_GOODS',
      companyName: '中通快递',
      parcel: {
        company: 'zhongtong',
        waybill: '78123456789012',
        state: 'signed',
        subState: '301',
        lastEvent: { at, description: '【杭州市】您的快件已签收，签收人：本人' },
        signedAt: at,
        checkedAt: at,
      },
      purpose: 'refund',
      createdAt: at,
      modifiedAt: at,
      waybillSeenAt: at,
      receipt: null,
      exchange: null,
      receiptTaskId: null,
      refundTaskId: null,
    };
    await service.svc.store.transact((tx) => tx.put(RETURNS, id, record));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when customer service opens 退货, then the return shows 已退回仓库 without the warehouse’s form', async () => {
    const { page, context } = await openSignedIn(browser, service.url, 'xiaoli', '#/returns', 400, 800);
    const row = page.locator(`li.return[data-id="${id}"]`);
    await expect.poll(() => row.getByTestId('return-state').textContent()).toBe('已退回仓库');
    expect(await row.getByTestId('receipt-confirm').count()).toBe(0);
    await expect.poll(() => page.locator('nav a', { hasText: '退货' }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('when the warehouse confirms receipt and condition at 400 px, then the return waits for the keeper’s refund', async () => {
    const { page, context } = await openSignedIn(browser, service.url, 'azhang', '#/returns', 400, 800);
    const row = page.locator(`li.return[data-id="${id}"]`);
    await row.getByTestId('receipt-confirm').waitFor();
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    await row.getByTestId('receipt-condition').selectOption({ label: '有损坏' });
    await row.getByLabel('验收备注').fill('鞋盒压坏');
    await row.getByTestId('receipt-confirm').click();
    await expect.poll(() => page.getByTestId('returns-status').textContent()).toContain('已确认收到');
    // 已验收，待退款 is not open to the warehouse's form any more: the list (未完结) still shows it.
    await expect.poll(() => row.getByTestId('return-state').textContent()).toBe('已验收，待退款');
    const api = await apiAs(service.url, 'azhang');
    const { return: now } = await api.get<{ return: ReturnRecord & { state: string } }>(`/api/returns/${id}`);
    expect(now).toMatchObject({
      state: 'awaiting_refund',
      receipt: { condition: 'damaged', note: '鞋盒压坏', by: 'azhang' },
    });
    expect(await inPage.scrollWidth(page)).toBeLessThanOrEqual(400);
    await context.close();
  });
});
