/**
 * The buyer's "transfer received" message says how much arrived: the payment stores the amount the bank rows
 * brought (receivedFen) and announcePaid passes it to messaging, so the message renders and is queued. Before, no
 * amount was passed and the message was refused (a missing 汇款金额) without anyone knowing.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/shared/logger.js';
import { announcePaid, applyPayment, type Payment } from '../../../src/reconciliation/transfers/transfer-payment.js';
import type { Writer } from '../../../src/reconciliation/transfers/transfer-repository.js';
import type { TransferOrder } from '../../../src/reconciliation/transfers/transfer-types.js';
import { world } from '../../messaging/support/world.js';

const xiaoli = { username: 'xiaoli', displayName: '小丽' };

function order(id: string, over: Partial<TransferOrder> = {}): TransferOrder {
  return {
    id,
    buyerNick: '毛毛雨',
    buyerName: null,
    tid: null,
    items: [{ itemNo: 'A1', size: 'M', quantity: 1, priceFen: 128800 }],
    address: '上海',
    amountDueFen: 128800,
    uniqueAmountFen: null,
    uniqueHeld: false,
    reference: `REF${id}`,
    overseas: false,
    staff: xiaoli,
    createdAt: '2026-11-20T10:00:00.000+08:00',
    state: 'claimed',
    claims: [],
    paidBy: [],
    paidAt: null,
    verifiedBy: null,
    rule: null,
    waybill: null,
    shippedAt: null,
    cancelledAt: null,
    platform: { closed: false, memo: null, note: null },
    ...over,
  };
}

/** applyPayment's writer over a map: what the repository's transaction would hold. */
function writerOver(orders: TransferOrder[]) {
  const byId = new Map(orders.map((t) => [t.id, t]));
  const w = {
    tx: { get: (_c: string, id: string) => byId.get(id) },
    put: (t: TransferOrder) => byId.set(t.id, t),
    audit: () => {},
  };
  return w as unknown as Writer;
}

const payment = (over: Partial<Payment>): Payment => ({
  transferIds: [],
  rowIdentities: ['row-1'],
  receivedFen: 0,
  rule: 'manual',
  reason: '人工确认',
  by: xiaoli,
  at: '2026-11-23T10:00:00.000+08:00',
  ...over,
});

describe('the amount a transfer-received message tells the buyer', () => {
  it('when one credit pays one order, then the order keeps what the credit brought (a surplus included)', () => {
    const [paid] = applyPayment(writerOver([order('T1')]), payment({ transferIds: ['T1'], receivedFen: 130000 }));
    expect(paid).toMatchObject({ state: 'paid', receivedFen: 130000 });
  });

  it('when one credit pays several orders, then each keeps its own amount, its unique amount while held', () => {
    const paid = applyPayment(
      writerOver([order('T1', { uniqueAmountFen: 128803, uniqueHeld: true }), order('T2', { amountDueFen: 5000 })]),
      payment({ transferIds: ['T1', 'T2'], receivedFen: 133803 }),
    );
    expect(paid.map((t) => t.receivedFen)).toEqual([128803, 5000]);
  });

  it('when the payment is announced, then the message carries the amount and is queued with it in the text', async () => {
    const w = await world();
    const [paid] = applyPayment(writerOver([order('T1')]), payment({ transferIds: ['T1'], receivedFen: 128800 }));
    await announcePaid([paid!], {
      messages: { enqueue: (m) => w.module.service.enqueue(m) },
      logger: silentLogger(),
    });
    const [m] = w.module.service.list({ kind: 'transfer-received' });
    expect(m).toMatchObject({ state: 'queued', buyerNick: '毛毛雨' });
    expect(m?.text).toContain('您的汇款¥1288.00已经到账啦');
    expect(w.module.service.problems()).toEqual([]);
  });

  it('when an order was paid before the amount was stored, then the amount it asked for is told', async () => {
    const w = await world();
    await announcePaid([order('T9', { state: 'paid', uniqueAmountFen: 128807 })], {
      messages: { enqueue: (m) => w.module.service.enqueue(m) },
      logger: silentLogger(),
    });
    expect(w.module.service.list({ kind: 'transfer-received' })[0]?.text).toContain('¥1288.07');
  });
});
