/**
 * Balance debits written before a debit stored its remark kind's name kept the kind's id as the reason, which the
 * keeper read on 余额与退款 (price.balance). Migration 2 names them; credits keep the reason the keeper typed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BALANCE_LEDGER, type Movement } from '../../src/ledger/index.js';
import { MIGRATIONS } from '../../src/service/migrations.js';
import { openLowdbStore } from '../../src/storage/index.js';

const movement = (over: Partial<Movement>): Movement => ({
  id: 'm1',
  type: 'debit',
  amountFen: 500,
  tid: '1001',
  entryId: 'e1',
  staff: '小丽',
  username: 'xiaoli',
  reason: 'price.balance',
  at: '2026-11-23T10:00:00.000+08:00',
  ...over,
});

describe('migration 2: debit reasons', () => {
  it('when a store written before holds debits with kind ids, then after the upgrade they read the kind names, and credits and other buyers are unchanged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xiaoer-migrate-'));
    try {
      const before = await openLowdbStore({ dir, migrations: MIGRATIONS.filter((m) => m.version === 1) });
      const old = {
        buyerNick: '买家甲',
        movements: [
          movement({ id: 'c1', type: 'credit', reason: '多付的钱转余额', entryId: null }),
          movement({ id: 'd1' }),
          movement({ id: 'd2', reason: 'balance.deducted' }),
        ],
      };
      const untouched = { buyerNick: '买家乙', movements: [movement({ id: 'd3', reason: '扣除余额(改价)' })] };
      await before.transact((tx) => {
        tx.put(BALANCE_LEDGER, old.buyerNick, old);
        tx.put(BALANCE_LEDGER, untouched.buyerNick, untouched);
      });
      await before.close();

      const after = await openLowdbStore({ dir, migrations: MIGRATIONS });
      const reasons = after.get<typeof old>(BALANCE_LEDGER, '买家甲')!.movements.map((m) => m.reason);
      expect(reasons[0]).toBe('多付的钱转余额');
      expect(reasons[1]).toBe('扣除余额(改价)');
      expect(reasons[2]).not.toBe('balance.deducted');
      expect(reasons[2]).toMatch(/^[\u4e00-\u9fff（）()]+$/);
      expect(after.get(BALANCE_LEDGER, '买家乙')).toEqual(untouched);
      await after.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
