import { describe, expect, it } from 'vitest';
import { transferChecks, transferStatus } from '../../../src/reconciliation/index.js';
import { parseInstant } from '../../../src/shared/time.js';
import { bocStatement } from './support/statement-text.js';
import { orderBody, startTransfers, XIAOLI, XIAOZHOU } from './support/transfer-harness.js';

describe("what the shop's day reads of the transfers", () => {
  it('when one order is paid, one is claimed and one credit waits for a person, then the handover figures and the checks say so', async () => {
    const h = await startTransfers();
    const paid = await h.service.create(orderBody({ buyerNick: 'a', buyerName: '甲一', amountDueFen: 30000 }), XIAOLI);
    const claimed = await h.service.create(
      orderBody({ buyerNick: 'b', buyerName: '乙二', amountDueFen: 28800 }),
      XIAOLI,
    );
    await h.service.claim(
      claimed.id,
      { date: '2026-11-23', method: 'bank', bankName: '工商银行', payerName: '乙二', amountFen: 28800 },
      XIAOLI,
    );
    await h.service.importStatement(
      bocStatement([
        { yuan: '300.00', payer: '甲一' },
        { yuan: '288.00', payer: '乙父', time: '12:00:00' },
      ]).bytes,
      'boc.csv',
      { user: XIAOZHOU },
    );

    const status = transferStatus(h.service);
    const now = parseInstant('2026-11-23T10:00:00+08:00');
    expect(status.confirmedBetween(now - 3600_000, now + 1)).toBe(1);
    expect(status.confirmedBetween(now + 1, now + 3600_000)).toBe(0);
    expect(status.unverifiedClaims()).toMatchObject([{ buyerNick: 'b', amountFen: 28800, owner: 'xiaoli' }]);
    expect(status.manualQueue()).toMatchObject([{ amountFen: 28800, at: '2026-11-23 12:00:00', payer: '乙父' }]);
    expect(h.service.get(paid.id).transfer.state).toBe('paid');

    expect(await transferChecks(h.service).duplicateTrades()).toEqual({ found: 0 });
    // Both orders taken today are on the day's register; the next day's is empty.
    expect(await transferChecks(h.service).dailyRegister('2026-11-23')).toEqual({ lines: 2 });
    expect(await transferChecks(h.service).dailyRegister('2026-11-24')).toEqual({ lines: 0 });
  });
});
