import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../src/shared/time.js';
import { openLowdbStore } from '../../../src/storage/index.js';
import { bocStatement } from './support/statement-text.js';
import { orderBody, platformOrder, startTransfers, XIAOLI, XIAOZHOU } from './support/transfer-harness.js';

describe('unique amounts', () => {
  it('when twenty orders of one amount are created at once, then each holds a different unique amount, and paid or cancelled ones free theirs', async () => {
    const h = await startTransfers();
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.service.create(orderBody({ buyerNick: `b${i}`, amountDueFen: 28800, identify: 'unique-amount' }), XIAOLI),
      ),
    );
    const amounts = made.map((t) => t.uniqueAmountFen!);
    expect(new Set(amounts).size).toBe(20);
    expect([...amounts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 28801 + i));
    await h.service.cancel(made[0]!.id, '买家取消', XIAOLI);
    expect(
      (await h.service.create(orderBody({ buyerNick: 'x', amountDueFen: 28800, identify: 'unique-amount' }), XIAOLI))
        .uniqueAmountFen,
    ).toBe(made[0]!.uniqueAmountFen);
  });

  it('when another open order is plainly due an amount, then that amount is never given as a unique amount', async () => {
    const h = await startTransfers();
    await h.service.create(orderBody({ buyerNick: 'p', amountDueFen: 28801 }), XIAOLI);
    expect(
      (await h.service.create(orderBody({ buyerNick: 'q', amountDueFen: 28800, identify: 'unique-amount' }), XIAOLI))
        .uniqueAmountFen,
    ).toBe(28802);
  });

  it('when the store is a real lowdb file, then concurrent creations stay distinct after reopening', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xiaoer-transfers-'));
    try {
      const store = await openLowdbStore({ dir });
      const h = await startTransfers({ store });
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          h.service.create(orderBody({ buyerNick: `b${i}`, amountDueFen: 5000, identify: 'both' }), XIAOLI),
        ),
      );
      await store.close();
      const reopened = await openLowdbStore({ dir });
      const stored = [...reopened.all<{ uniqueAmountFen: number; reference: string }>('transfers')];
      expect(new Set(stored.map((t) => t.uniqueAmountFen)).size).toBe(10);
      expect(new Set(stored.map((t) => t.reference)).size).toBe(10);
      await reopened.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the three-day rule', () => {
  it('when a claim is still not in the bank three days after it was recorded, then its staff gets one task (phone allowed only at home)', async () => {
    const h = await startTransfers();
    const home = await h.service.create(orderBody({ buyerNick: 'home' }), XIAOLI);
    const abroad = await h.service.create(
      orderBody({ buyerNick: 'abroad', overseas: true, amountDueFen: 9900 }),
      XIAOLI,
    );
    await h.service.claim(home.id, { date: '2026-11-23', method: '手机银行', amountFen: 128800 }, XIAOLI);
    await h.service.claim(abroad.id, { date: '2026-11-23', method: '境外汇款', amountFen: 9900 }, XIAOZHOU);
    h.clock.advance(3 * DAY - HOUR);
    expect((await h.service.threeDayRule()).chased).toBe(0);
    h.clock.advance(HOUR);
    const run = await h.service.threeDayRule();
    expect(run.chases.map((c) => [c.transferId, c.assignee])).toEqual([
      [home.id, 'xiaoli'],
      [abroad.id, 'xiaozhou'],
    ]);
    expect(run.chases[0]!.instructions).toContain('打电话');
    expect(run.chases[1]!.instructions).toContain('不打电话');
    expect(h.tasksOpened.map((t) => t.assignee.username)).toEqual(['xiaoli', 'xiaozhou']);
    expect((await h.service.threeDayRule()).chased).toBe(0);
  });

  it('when the claim was matched in time, then nobody is chased', async () => {
    const h = await startTransfers();
    const t = await h.service.create(orderBody({ buyerNick: 'zs', buyerName: '张三', amountDueFen: 10000 }), XIAOLI);
    await h.service.claim(t.id, { date: '2026-11-23', method: '网银', amountFen: 10000 }, XIAOLI);
    await h.service.importStatement(bocStatement([{ yuan: '100.00', payer: '张三' }]).bytes, 'b.csv', {
      user: XIAOZHOU,
    });
    h.clock.advance(5 * DAY);
    expect((await h.service.threeDayRule()).chased).toBe(0);
  });
});

describe('duplicate trades', () => {
  it('when a transfer buyer later places the same item on the platform, then the trade is listed, not closed, until the keeper clicks', async () => {
    const h = await startTransfers({
      orders: [
        platformOrder({
          tid: '4001',
          buyerNick: '毛毛雨',
          createdAt: '2026-11-23T12:00:00.000+08:00',
          itemNos: ['A100'],
        }),
        platformOrder({
          tid: '4002',
          buyerNick: '毛毛雨',
          createdAt: '2026-11-22T12:00:00.000+08:00',
          itemNos: ['A100'],
        }),
        platformOrder({
          tid: '4003',
          buyerNick: '毛毛雨',
          createdAt: '2026-11-23T12:00:00.000+08:00',
          itemNos: ['B200'],
        }),
        platformOrder({
          tid: '4004',
          buyerNick: '别人',
          createdAt: '2026-11-23T12:00:00.000+08:00',
          itemNos: ['A100'],
        }),
      ],
    });
    const t = await h.service.create(orderBody(), XIAOLI);
    const listed = h.service.duplicateTrades();
    expect(listed.map((d) => [d.transferId, d.tid, d.itemNos])).toEqual([[t.id, '4001', ['A100']]]);
    expect(h.shop.closed).toEqual([]);
    await expect(h.service.closeDuplicate(t.id, '4003', XIAOZHOU)).rejects.toMatchObject({
      code: 'duplicate_not_found',
      params: { tid: '4003', transferId: t.id },
    });
    await h.service.closeDuplicate(t.id, '4001', XIAOZHOU);
    expect(h.shop.closed).toEqual(['4001']);
    expect(h.service.get(t.id).audit.at(-1)).toMatchObject({ action: 'duplicate-closed', detail: '4001' });
  });
});
