import { describe, expect, it } from 'vitest';
import { CUT_MARK, MAX_TEXT_CHARS } from '../../../src/reconciliation/statement/index.js';
import type { StoredRow } from '../../../src/reconciliation/index.js';
import { bocStatement } from './support/statement-text.js';
import { orderBody, startTransfers, XIAOLI, XIAOZHOU } from './support/transfer-harness.js';

const BOC_HEADER = '记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行';

describe('what an answer about a statement repeats of the file: counts and the first problems, never the input', () => {
  it('when a one-line file has 50,000 header cells, then the refusal names eight of them, each cut short, and how many there were', async () => {
    const h = await startTransfers();
    const cells = Array.from({ length: 50_000 }, (_, i) => `第${i}列${'x'.repeat(45)}`);
    const res = await h
      .as('xiaozhou')
      .upload('/transfers/statements', { name: 'x.csv', bytes: Buffer.from(`${cells.join(',')}\n`) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('statement_layout_unknown');
    expect(res.text.length).toBeLessThan(4000);
    const headers: string = res.body.error.params.headers;
    expect(headers).toMatch(/等 50000 列$/);
    const quoted = headers.replace(/ 等 50000 列$/, '').split(', ');
    expect(quoted).toHaveLength(8);
    expect(quoted[0]).toBe(`${cells[0]!.slice(0, 40)}…`);
    expect(res.body.error.message).toContain(quoted[7]);
  });

  it('when an amount cell holds 100,000 characters, then the refusal quotes its first 40', async () => {
    const h = await startTransfers();
    const text = `${BOC_HEADER}\n2026-11-23,10:00:00,人民币,x${'9'.repeat(100_000)},100.00,转账,网银,,,张三,6222,\n`;
    const res = await h.as('xiaozhou').upload('/transfers/statements', { name: 'boc.csv', bytes: Buffer.from(text) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'amount_not_number',
      params: { line: 2, column: 4, value: `x${'9'.repeat(39)}…` },
    });
    expect(res.text.length).toBeLessThan(1000);
  });

  it('when 120 credits match nothing, then all are stored and the answer lists the first 50 with the total', async () => {
    const h = await startTransfers();
    const credits = Array.from({ length: 120 }, (_, i) => ({
      yuan: `${100 + i}.00`,
      payer: `路人${i}`,
      time: `10:${String(i % 60).padStart(2, '0')}:00`,
    }));
    const res = await h.as('xiaozhou').upload('/transfers/statements', bocStatement(credits));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ credits: 120, imported: 120, listLimit: 50 });
    expect(res.body.counts).toEqual({ matched: 0, queued: 0, unmatched: 120 });
    expect(res.body.unmatched).toHaveLength(50);
    expect(res.body.unmatched[0].amountFen).toBe(10000);
    expect(h.store.count('transfer-statement-rows')).toBe(120);
  });

  it('when 55 credits pay 55 orders and 55 others wait for a person, then each list shows 50 and counts all', async () => {
    const h = await startTransfers();
    const orders = [];
    for (let i = 0; i < 55; i++)
      orders.push(
        await h.service.create(
          orderBody({ buyerNick: `买家${i}`, buyerName: `付款人${i}`, amountDueFen: 10000 + i * 100 }),
          XIAOLI,
        ),
      );
    const paying = orders.map((o, i) => ({
      yuan: (o.amountDueFen / 100).toFixed(2),
      payer: `付款人${i}`,
      time: `09:${String(i).padStart(2, '0')}:00`,
    }));
    // Same amounts from strangers, the next day: each could be an order's money, so a person decides.
    const doubtful = orders.map((o, i) => ({
      date: '2026-11-24',
      yuan: (o.amountDueFen / 100).toFixed(2),
      payer: `陌生人${i}`,
    }));
    const summary = await h.service.importStatement(bocStatement([...paying]).bytes, 'boc.csv', { user: XIAOZHOU });
    expect(summary.counts.matched).toBe(55);
    expect(summary.matched).toHaveLength(50);
    const later = await h.service.importStatement(bocStatement(doubtful).bytes, 'boc2.csv', { user: XIAOZHOU });
    expect(later.counts.queued + later.counts.unmatched).toBe(55);
    expect(later.queued.length).toBe(Math.min(50, later.counts.queued));
    expect(later.unmatched.length).toBe(Math.min(50, later.counts.unmatched));
    expect(h.store.count('transfer-statement-rows')).toBe(110);
  });

  it('when a note and a payer name run to thousands of characters, then the stored row keeps 200 of each and marks the cut', async () => {
    const h = await startTransfers();
    const note = '附'.repeat(5000);
    const payer = '名'.repeat(3000);
    const summary = await h.service.importStatement(bocStatement([{ yuan: '88.00', payer, note }]).bytes, 'boc.csv', {
      user: XIAOZHOU,
    });
    const stored = h.store.get<StoredRow>('transfer-statement-rows', summary.unmatched[0]!.identity)!;
    // BOC's note is 交易名称 and 附言 joined.
    expect(stored.row.note).toBe(`转账 | ${note}`.slice(0, MAX_TEXT_CHARS) + CUT_MARK);
    expect(stored.row.counterpartyName).toBe('名'.repeat(MAX_TEXT_CHARS) + CUT_MARK);
    expect(MAX_TEXT_CHARS).toBe(200);
  });
});
