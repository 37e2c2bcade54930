import { describe, expect, it } from 'vitest';
import { bocStatement } from './support/statement-text.js';
import { orderBody, startTransfers, XIAOLI, XIAOZHOU } from './support/transfer-harness.js';

const create = (h: Awaited<ReturnType<typeof startTransfers>>, over: Record<string, unknown> = {}) =>
  h.service.create(orderBody(over), XIAOLI);

describe('statement matching through the transfer service', () => {
  it("when a credit carries the reference, the unique amount, the buyer's name, or pays two orders, then each rule confirms its orders", async () => {
    const h = await startTransfers();
    const byRef = await create(h, { buyerNick: 'a', buyerName: '甲一', amountDueFen: 10000, identify: 'reference' });
    const byUnique = await create(h, {
      buyerNick: 'b',
      buyerName: '乙二',
      amountDueFen: 20000,
      identify: 'unique-amount',
    });
    const byName = await create(h, { buyerNick: 'c', buyerName: '丙三', amountDueFen: 30000 });
    const c1 = await create(h, { buyerNick: 'd', buyerName: '丁四', amountDueFen: 11100 });
    const c2 = await create(h, { buyerNick: 'd', buyerName: '丁四', amountDueFen: 22200 });
    expect(byUnique.uniqueAmountFen).toBe(20001);
    const summary = await h.service.importStatement(
      bocStatement([
        { yuan: '100.00', payer: '支付宝（中国）网络技术有限公司', note: `货款 ${byRef.reference}` },
        { yuan: '200.01', payer: '财付通支付科技有限公司' },
        { yuan: '300.00', payer: '丙三' },
        { yuan: '333.00', payer: '丁四' },
      ]).bytes,
      'boc.csv',
      { user: XIAOZHOU },
    );
    expect(summary.matched.map((m) => [[...m.transfers].sort(), m.rule])).toEqual([
      [[byRef.id], 'reference'],
      [[byUnique.id], 'unique-amount'],
      [[byName.id], 'amount-and-payer'],
      [[c1.id, c2.id].sort(), 'combined-orders'],
    ]);
    expect(h.service.list({ state: 'paid' })).toHaveLength(5);
    expect(h.service.get(c2.id).audit.map((e) => e.action)).toEqual(['created', 'matched']);
    for (const m of summary.matched) expect(Number.isSafeInteger(m.row.amountFen)).toBe(true);
  });

  it('when the money is uncertain, then nothing is confirmed and each credit is queued with candidates and a reason', async () => {
    const h = await startTransfers();
    const zs = await create(h, { buyerNick: 'zs', buyerName: '张三', amountDueFen: 28800 });
    await create(h, { buyerNick: 'ls', buyerName: '李四', amountDueFen: 50000 });
    const summary = await h.service.importStatement(
      bocStatement([
        { yuan: '288.00', payer: '张父' },
        { yuan: '288.00', payer: '支付宝-张三', time: '12:00:00' },
        { yuan: '400.00', payer: '李四' },
        { yuan: '520.00', payer: '李四', time: '13:00:00' },
      ]).bytes,
      'boc.csv',
      { user: XIAOZHOU },
    );
    expect(summary.matched).toEqual([]);
    expect(summary.queued.map((q) => q.code)).toEqual([
      'payer-differs',
      'intermediary',
      'partial-payment',
      'overpayment',
    ]);
    expect(summary.queued.every((q) => /[\u4e00-\u9fff]/.test(q.reason))).toBe(true);
    expect(summary.queued[0]!.candidates[0]!.transferId).toBe(zs.id);
    expect(h.service.list({ state: 'paid' })).toEqual([]);
    expect(h.service.queue()).toHaveLength(4);
  });

  it('when the keeper confirms an overpayment, then the order is paid, the surplus waits as a note, and unmatching takes it all back with the audit', async () => {
    const h = await startTransfers();
    const t = await create(h, { buyerNick: 'ls', buyerName: '李四', amountDueFen: 50000, identify: 'unique-amount' });
    const summary = await h.service.importStatement(
      bocStatement([{ yuan: '520.00', payer: '李四' }]).bytes,
      'boc.csv',
      { user: XIAOZHOU },
    );
    const row = summary.queued[0]!.row.identity;
    await expect(h.service.confirm(t.id, { rows: [row] }, XIAOZHOU)).rejects.toMatchObject({ field: 'reason' });
    const done = await h.service.confirm(t.id, { rows: [row], reason: '买家电话确认多付20元转余额' }, XIAOZHOU);
    expect(done.transfer).toMatchObject({
      state: 'paid',
      rule: 'manual',
      verifiedBy: { username: 'xiaozhou' },
      uniqueHeld: false,
    });
    expect(done.surplus).toMatchObject({ amountFen: 2000, buyerNick: 'ls', booked: false });
    expect(h.notices.map((n) => n.recipient)).toEqual(['xiaoli']);
    await expect(h.service.confirm(t.id, { rows: [row], reason: 'again' }, XIAOZHOU)).rejects.toMatchObject({
      code: 'transfer_not_open',
    });

    const back = await h.service.unmatch(t.id, { reason: '流水是别的订单的' }, XIAOZHOU);
    expect(back).toMatchObject({ state: 'awaiting', uniqueHeld: true, uniqueAmountFen: 50001 });
    expect(h.service.surplusNotes()).toEqual([]);
    expect(h.service.queue().map((r) => r.identity)).toEqual([row]);
    await h.service.cancel(t.id, '买家不要了', XIAOLI);
    expect(h.service.get(t.id).audit.map((e) => e.action)).toEqual([
      'created',
      'queued',
      'confirmed',
      'surplus-noted',
      'unmatched',
      'cancelled',
    ]);
    expect(h.service.get(t.id).audit.at(-1)).toMatchObject({ by: 'xiaoli', detail: '买家不要了' });
  });

  it('when a payment is short, then a person cannot confirm it, and a shipped order cannot be unmatched', async () => {
    const h = await startTransfers();
    const t = await create(h, { buyerNick: 'ls', buyerName: '李四', amountDueFen: 50000 });
    const s = await h.service.importStatement(
      bocStatement([
        { yuan: '400.00', payer: '李四' },
        { yuan: '100.00', payer: '李四', time: '15:00:00' },
      ]).bytes,
      'b.csv',
      { user: XIAOZHOU },
    );
    await expect(
      h.service.confirm(t.id, { rows: [s.queued[0]!.row.identity], reason: '部分' }, XIAOZHOU),
    ).rejects.toMatchObject({ code: 'underpaid' });
    await h.service.confirm(t.id, { rows: s.queued.map((q) => q.row.identity), reason: '两笔合计' }, XIAOZHOU);
    await h.service.ship(t.id, { waybill: 'YT0000000001' }, XIAOZHOU);
    expect(h.remarkCalls).toEqual([]);
    await expect(h.service.unmatch(t.id, { reason: 'x' }, XIAOZHOU)).rejects.toMatchObject({
      code: 'transfer_not_paid',
    });
    expect(h.service.shippingList('2026-11-23').shipped.map((x) => x.waybill)).toEqual(['YT0000000001']);
  });
});
