/**
 * A transfer's audit trail is read by people (GET /api/transfers/:id answers it): amounts in 元 with two decimals,
 * though fen is what is stored, and no code words (a rule's or a queue reason's English name) beside the reason.
 */
import { describe, expect, it } from 'vitest';
import { englishWords } from '../../support/english-words.js';
import { bocStatement } from './support/statement-text.js';
import { orderBody, startTransfers, XIAOLI, XIAOZHOU } from './support/transfer-harness.js';

describe('the transfer audit trail as a person reads it', () => {
  it('when an order is created, claimed, matched, queued and confirmed with a surplus, then every line shows 元 and no English word', async () => {
    const h = await startTransfers();
    const ref = await h.service.create(
      orderBody({ buyerNick: 'a', buyerName: '甲一', amountDueFen: 15000, identify: 'both' }),
      XIAOLI,
    );
    const over = await h.service.create(orderBody({ buyerNick: 'ls', buyerName: '李四', amountDueFen: 50000 }), XIAOLI);
    await h.service.claim(ref.id, { date: '2026-11-23', method: '网银', amountFen: ref.uniqueAmountFen! }, XIAOLI);
    const summary = await h.service.importStatement(
      bocStatement([
        { yuan: '150.01', payer: '甲一', note: `货款 ${ref.reference}` },
        { yuan: '520.00', payer: '李四', time: '13:00:00' },
      ]).bytes,
      'boc.csv',
      { user: XIAOZHOU },
    );
    await h.service.confirm(over.id, { rows: [summary.queued[0]!.row.identity], reason: '买家电话确认多付' }, XIAOZHOU);

    const refLines = h.service.get(ref.id).audit;
    expect(refLines.map((e) => e.action)).toEqual(['created', 'claimed', 'matched']);
    expect(refLines[0]!.detail).toBe(`应付 150.00 元，专属金额 150.01 元，参考码 ${ref.reference}`);
    expect(refLines[1]!.detail).toBe('2026-11-23 网银 150.01 元');
    const overLines = h.service.get(over.id).audit;
    expect(overLines.find((e) => e.action === 'surplus-noted')!.detail).toBe('多付 20.00 元，待转入余额');
    const all = [...refLines, ...overLines];
    expect(all.map((e) => e.action)).toContain('queued');
    for (const e of all) {
      expect(e.detail, e.action).not.toMatch(/\d\s*分/);
      expect(englishWords(e.detail, [ref.reference ?? '']), `${e.action}: ${e.detail}`).toEqual([]);
    }
  });
});
