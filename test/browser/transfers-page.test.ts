import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO, launchBrowser, openSignedIn, startConsoleService, type ConsoleService } from './harness.js';

/** Today in Shanghai, whatever zone the test runs in. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A China Merchants Bank export (the layout of test/fixtures/statements/cmb.csv) with one credit. */
function cmbStatement(date: string, amountYuan: string, counterparty: string): Buffer {
  const compact = date.replaceAll('-', '');
  return Buffer.from(
    [
      '# 招商银行交易记录',
      '# 账号:[6214****0000]',
      `# 起始日期:[${compact}]   终止日期:[${compact}]`,
      '记账日期,交易时间,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要',
      `${date},10:11:12,CNY,${amountYuan},"1,371.66",转账汇款,${counterparty},`,
      '# 合计收入: 1 笔',
      '',
    ].join('\n'),
    'utf8',
  );
}

interface Transfer {
  id: string;
  state: string;
  buyerNick: string;
  amountDueFen: number;
  verifiedBy: { displayName: string } | null;
}

describe('console 汇款 (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(100), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('when 小周 creates a transfer order and uploads a statement whose payer is someone else, then the credit waits for her and she confirms it', async () => {
    const { context, page, problems } = await openSignedIn(browser, service.url, DEMO.xiaozhou.username, '#/transfers');
    const form = page.getByTestId('transfer-create');
    await form.waitFor();
    await form.getByLabel('买家昵称').fill('汇款测试买家');
    await form.getByLabel('汇款人姓名').fill('李四');
    await form.getByLabel('货号').fill('A1024');
    await form.getByLabel('尺码').fill('L');
    await form.getByLabel('单价（元）').fill('288.37');
    await form.getByLabel('收货地址').fill('浙江省杭州市西湖区文三路1号');
    await form.getByLabel('应付金额（元）').fill('288.37');
    await form.getByLabel('应付金额（元）').press('Enter');
    const created = page.getByTestId('transfer-created');
    await created.waitFor();
    const id = (await created.getAttribute('data-id'))!;
    expect(await created.textContent()).toContain('请买家汇款 ¥288.37');
    const api = await apiAs(service.url, DEMO.xiaozhou.username);
    const { transfers } = await api.get<{ transfers: Transfer[] }>('/api/transfers');
    expect(transfers.find((t) => t.id === id)).toMatchObject({
      buyerNick: '汇款测试买家',
      amountDueFen: 28837,
      state: 'awaiting',
    });

    // The money came from 王五, not the buyer's name: the matcher never confirms that by itself.
    await page.getByLabel('对账单文件').setInputFiles({
      name: 'cmb-today.csv',
      mimeType: 'text/csv',
      buffer: cmbStatement(shanghaiToday(), '288.37', '王五 6214830000003333'),
    });
    await page.getByRole('button', { name: '上传并匹配' }).click();
    await expect.poll(() => page.getByTestId('statement-queued').locator('h3').textContent()).toBe('待人工确认（1）');
    expect(await page.getByTestId('statement-matched').locator('h3').textContent()).toBe('已匹配（0）');

    const queued = page.getByTestId('match-queue').locator('.queued-row');
    await queued.waitFor();
    expect(await queued.textContent()).toContain('¥288.37 · 王五');
    await queued.getByRole('button', { name: `确认是 ${id}` }).click();
    expect(await queued.locator('.field-error').first().textContent()).toBe('请填写确认的理由');
    await queued.getByLabel('确认或驳回的理由').fill('买家旺旺说是她丈夫王五汇的');
    await queued.getByRole('button', { name: `确认是 ${id}` }).click();
    await expect.poll(() => page.locator(`.transfer[data-id="${id}"]`).getAttribute('data-state')).toBe('paid');
    await expect.poll(() => page.getByTestId('match-queue').locator('h2').textContent()).toBe('待人工确认（0）');
    await expect.poll(() => page.getByTestId('to-ship').textContent()).toContain(id);

    const after = (await api.get<{ transfer: Transfer }>(`/api/transfers/${id}`)).transfer;
    expect(after).toMatchObject({ state: 'paid', verifiedBy: { displayName: '小周' } });
    await page.screenshot({ path: '/tmp/xiaoer-console-transfers-1280.png', fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when a queued credit belongs to none of the candidates, then 小周 rejects it with a reason and it leaves the queue', async () => {
    const api = await apiAs(service.url, DEMO.xiaozhou.username);
    await api.post('/api/transfers', {
      buyerNick: '驳回测试买家',
      buyerName: '赵六',
      items: [{ itemNo: 'B2001', size: 'M', quantity: 1, priceFen: 19_955 }],
      address: '江苏省南京市玄武区中山路1号',
      amountDueFen: 19_955,
    });
    const { context, page, problems } = await openSignedIn(browser, service.url, DEMO.xiaozhou.username, '#/transfers');
    await page.getByLabel('对账单文件').setInputFiles({
      name: 'cmb-reject.csv',
      mimeType: 'text/csv',
      buffer: cmbStatement(shanghaiToday(), '199.55', '钱七 6214830000004444'),
    });
    await page.getByRole('button', { name: '上传并匹配' }).click();
    const queued = page.getByTestId('match-queue').locator('.queued-row');
    await expect.poll(() => queued.count()).toBe(1);
    await queued.getByRole('button', { name: '都不是，驳回' }).click();
    expect(await queued.locator('.field-error').first().textContent()).toBe('请填写驳回的理由');
    await queued.getByLabel('确认或驳回的理由').fill('钱七是供应商退款，不是买家汇款');
    await queued.getByRole('button', { name: '都不是，驳回' }).click();
    await expect.poll(() => page.getByTestId('match-queue').locator('h2').textContent()).toBe('待人工确认（0）');
    const { queue } = await api.get<{ queue: unknown[] }>('/api/transfers/queue');
    expect(queue).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
