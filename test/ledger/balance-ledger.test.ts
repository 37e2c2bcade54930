/** The store-balance ledger in fen: keeper credits, remark debits, remaining from the ledger, refusals. */
import { describe, expect, it } from 'vitest';
import { createBalanceLedger } from '../../src/ledger/index.js';
import { ConflictError } from '../../src/shared/errors.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { startHarness } from '../remarks/support/harness.js';
import { BUYER } from '../remarks/support/orders.js';

const nick = encodeURIComponent(BUYER);
const movement = (id: string, amountFen: number) => ({
  id,
  amountFen,
  tid: null,
  entryId: null,
  staff: '小周',
  username: 'xiaozhou',
  reason: 'test',
  at: '2026-11-23T10:00:00.000+08:00',
});

describe('the balance ledger over HTTP', () => {
  it("when the keeper credits 28.5 and staff deduct 20 then 8.5, then the memo shows the ledger's remaining and the balance ends at 0 fen", async () => {
    const h = await startHarness();
    expect((await h.as('xiaoli').post(`/ledger/${nick}/credits`, { amount: '28.5', reason: '补偿' })).status).toBe(403);

    const credit = await h
      .as('xiaozhou')
      .post(`/ledger/${nick}/credits`, { amount: '28.5', reason: '少发赠品补偿', tid: '2001' });
    expect(credit.status).toBe(201);
    expect(credit.body.account).toMatchObject({ balanceFen: 2850, balanceYuan: '28.5' });
    expect(credit.body.remark).toMatchObject({ entry: '余额已登记+小周/11.23', status: 'written' });

    const first = await h.remark('xiaoli', '2003', 'price.balance', { amount: '20' });
    expect(first.body).toMatchObject({
      entry: '扣除余额20元,还剩余额8.5元+小丽/11.23',
      ledger: { amountFen: 2000, remainingFen: 850 },
    });

    const tooMuch = await h.remark('xiaoli', '2004', 'balance.deducted', { amount: '8.51' });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error).toMatchObject({ field: 'fields.amount', code: 'exceeds_balance' });
    expect(h.platform.order('2004').sellerMemo).toBe('');

    const faked = await h.remark('xiaoli', '2004', 'balance.deducted', { amount: '1', remaining: '100' });
    expect(faked.status).toBe(400);
    expect(faked.body.error.field).toBe('fields.remaining');

    const last = await h.remark('xiaoli', '2004', 'balance.deducted', { amount: 8.5 });
    expect(last.body.entry).toBe('余额扣除8.5元,余额清零,已通知登记+小丽/11.23');

    const account = (await h.as('xiaoli').get(`/ledger/${nick}`)).body;
    expect(account.balanceFen).toBe(0);
    expect(
      account.movements.map(
        (m: { type: string; amountFen: number; balanceAfterFen: number; tid: string; staff: string }) => [
          m.type,
          m.amountFen,
          m.balanceAfterFen,
          m.tid,
          m.staff,
        ],
      ),
    ).toEqual([
      ['credit', 2850, 2850, '2001', '小周'],
      ['debit', 2000, 850, '2003', '小丽'],
      ['debit', 850, 0, '2004', '小丽'],
    ]);
  });

  it('when a balance remark is repeated, then the ledger is debited once', async () => {
    const h = await startHarness();
    await h.as('xiaozhou').post(`/ledger/${nick}/credits`, { amount: 50, reason: '多付退回' });
    await h.remark('xiaoli', '2001', 'balance.deducted', { amount: '12.05' });
    const again = await h.remark('xiaoli', '2001', 'balance.deducted', { amount: '12.05' });
    expect(again.body.status).toBe('already_present');
    expect((await h.as('xiaoli').get(`/ledger/${nick}`)).body.balanceFen).toBe(3795);
  });

  it('when two deductions for the same buyer race on two orders, then only what the balance covers is debited', async () => {
    const h = await startHarness();
    await h.as('xiaozhou').post(`/ledger/${nick}/credits`, { amount: '30', reason: '补偿' });
    const [a, b] = await Promise.all([
      h.remark('xiaoli', '2001', 'balance.deducted', { amount: '20' }),
      h.remark('admin', '2004', 'balance.deducted', { amount: '20' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 400]);
    expect((await h.as('xiaoli').get(`/ledger/${nick}`)).body.balanceFen).toBe(1000);
  });

  it('when the keeper sends a bad amount, then 400 names amount', async () => {
    const h = await startHarness();
    const res = await h.as('admin').post(`/ledger/${nick}/credits`, { amount: '1.234', reason: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('amount');
  });
});

describe('the balance ledger itself', () => {
  it('when credits of 0.1 and 0.2 yuan are added, then the balance is exactly 30 fen', async () => {
    const ledger = createBalanceLedger(createMemoryStore());
    await ledger.credit('b', movement('c1', 10));
    await ledger.credit('b', movement('c2', 20));
    expect(ledger.balance('b')).toBe(30);
    expect(ledger.account('b').balanceYuan).toBe('0.3');
  });

  it('when a debit exceeds the balance, then it is refused and the balance is unchanged', async () => {
    const ledger = createBalanceLedger(createMemoryStore());
    await ledger.credit('b', movement('c1', 1000));
    await expect(ledger.debit('b', movement('d1', 1001))).rejects.toBeInstanceOf(ConflictError);
    await ledger.debit('b', movement('d2', 1000));
    await ledger.debit('b', movement('d2', 1000));
    expect(ledger.balance('b')).toBe(0);
    expect(ledger.balance('b', { excluding: 'd2' })).toBe(1000);
  });
});
