/**
 * 退款已登记 is written once for a refund even when the keeper and an admin press it at once: the open state is read
 * under the refund's key of the order lock (across instances on PostgreSQL), after the first press's remark landed.
 * Before, both read "open" before either remark landed, and the memo got the line twice.
 */
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/accounts/index.js';
import { createLedgerActions, createRefundRegister, type BalanceLedger } from '../../src/ledger/index.js';
import type { RefundRecord } from '../../src/ledger/index.js';
import type { OrderRepository } from '../../src/orders/index.js';
import { createKeyedLock } from '../../src/shared/keyed-lock.js';
import { fixedClock, parseInstant } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';

const at = '2026-12-07T10:00:00+08:00';
const KEEPER: User = { username: 'xiaozhou', displayName: '小周', role: 'keeper' };
const ADMIN: User = { username: 'admin', displayName: '店长', role: 'admin' };

function rig() {
  const refunds = createRefundRegister(createMemoryStore());
  const written: string[] = [];
  const actions = createLedgerActions({
    ledger: {} as BalanceLedger,
    refunds,
    orders: {} as OrderRepository,
    // The remark service's write: the platform answers a moment later, then the remark's effect registers the refund.
    service: {
      async write(req) {
        await new Promise((r) => setTimeout(r, 10));
        written.push(`${req.kind}+${req.user.displayName}`);
        await refunds.markRegisteredForOrder(req.tid, req.user.displayName, at);
        return { id: `e${written.length}` };
      },
    },
    lock: createKeyedLock(),
    clock: fixedClock(parseInstant(at)),
  });
  return { refunds, written, actions };
}

const record = (id: string): RefundRecord =>
  ({
    id,
    tid: 'T1',
    buyerNick: '小王',
    channel: 'alipay',
    account: 'xw@example.com',
    bankName: null,
    realName: '王小',
    reason: '邮费',
    amountFen: 1000,
    sku: 'A1',
    staff: '小丽',
    username: 'xiaoli',
    line: '',
    createdAt: at,
    day: '2026-12-07',
    state: 'open',
    registeredAt: null,
    registeredBy: null,
    paidAt: null,
    paidBy: null,
  }) as RefundRecord;

describe('registering a refund', () => {
  it('writes 退款已登记 once when the keeper and an admin press it at the same moment', async () => {
    const { refunds, written, actions } = rig();
    await refunds.open(record('R1'));
    const [first, second] = await Promise.all([
      actions.registerRefund('R1', KEEPER),
      actions.registerRefund('R1', ADMIN),
    ]);
    expect(written).toEqual(['refund.registered+小周']);
    expect(first.remark).not.toBeNull();
    expect(second.remark).toBeNull();
    expect(second.refund).toMatchObject({ state: 'registered', registeredBy: '小周' });
  });
});
