/** GET /api/orders/:tid/remarks: the local history, the memo read back, and lint findings. */
import { describe, expect, it } from 'vitest';
import { toInstant } from '../../src/shared/time.js';
import { startHarness } from './support/harness.js';

describe("an order's remark history", () => {
  it('when the memo is later rewritten by hand, then the history still lists every entry and the memo is parsed and linted as it now is', async () => {
    const h = await startHarness();
    await h.remark('xiaoli', '2001', 'refund.in_trade', { sku: 'A1023', type: 'postage', amount: '10' });
    await h.remark('azhang', '2001', 'sale.record');

    h.platform.editByHand('2001', '阿张；扣除邮费10');
    h.clock.advance(60_000);
    await h.orders.upsertMany([{ ...h.platform.order('2001'), modifiedAt: toInstant(h.clock.now()) }]);

    const body = (await h.as('xiaozhou').get('/orders/2001/remarks')).body;
    expect(
      body.history.map((e: { kind: string; staff: string; status: string }) => [e.kind, e.staff, e.status]),
    ).toEqual([
      ['refund.in_trade', '小丽', 'written'],
      ['sale.record', '阿张', 'written'],
    ]);
    expect(body.history[0]).toMatchObject({
      text: 'A1023+可申请邮费10元+小丽/11.23',
      flag: 1,
      fields: { sku: 'A1023', type: 'postage', amount: 1000 },
      username: 'xiaoli',
      day: '2026-11-23',
    });
    expect(body.memo.raw).toBe('阿张；扣除邮费10');
    expect(body.memo.entries.map((e: { kind: string | null }) => e.kind)).toEqual(['sale.record', null]);
    expect(body.lint.map((f: { entryIndex: number; code: string }) => `${f.entryIndex}:${f.code}`)).toEqual([
      '1:unknown_form',
      '1:missing_suffix',
      '1:amount_without_yuan',
    ]);
  });

  it('when the order is unknown and has no history, then 404', async () => {
    const h = await startHarness();
    expect((await h.as('xiaoli').get('/orders/9999/remarks')).status).toBe(404);
  });
});
