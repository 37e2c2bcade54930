/**
 * Transfer orders on two real PostgreSQL instances (docs/postgres.md, "Decisions made across instances"): shipping
 * writes the memo before the state changes, so it takes turns under the shared order lock; the reference code and
 * the unique amount are chosen inside the transaction, so an instance that chose what another just took chooses again.
 */
import { describe, expect, it } from 'vitest';
import type { User } from '../../../src/accounts/index.js';
import type { OrderRepository } from '../../../src/orders/index.js';
import type { ShopPlatform } from '../../../src/platform/index.js';
import { createTransfersModule, type TransferOrder } from '../../../src/reconciliation/index.js';
import { REFERENCE_LENGTH } from '../../../src/reconciliation/matching/unique-amount.js';
import { createTransferRepository } from '../../../src/reconciliation/transfers/transfer-repository.js';
import { createTransfersService } from '../../../src/reconciliation/transfers/transfers-facade.js';
import { createKeyedLock, type KeyedLock } from '../../../src/shared/keyed-lock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { fixedClock, parseInstant } from '../../../src/shared/time.js';
import { createPostgresKeyedLock, openPostgresStore, type PostgresStore } from '../../../src/storage/postgres/index.js';
import { postgresPerTest } from '../../support/postgres.js';

const pg = postgresPerTest('transfers');

const at = '2026-12-07T10:00:00+08:00';
const XIAOLI: User = { username: 'xiaoli', displayName: '小丽', role: 'staff' };
const KEEPER: User = { username: 'xiaozhou', displayName: '小周', role: 'keeper' };

async function twoInstances() {
  const url = await pg.database();
  const open = (id: string) => openPostgresStore({ url, instanceId: id, migrations: [], pollMs: 60_000 });
  const stores: [PostgresStore, PostgresStore] = [await open('a'), await open('b')];
  stores.forEach((s) => pg.closeAfter(s));
  const shared = (s: PostgresStore) => {
    return pg.closeAfter(createPostgresKeyedLock({ url, catchUp: () => s.catchUp() }));
  };
  return { stores, shared };
}

/** The remark service's write as transfers use it: the platform answers a moment later; every write counted. */
function memoWrites() {
  const written: string[] = [];
  return {
    written,
    async write(req: { tid: string; kind: string; fields: Record<string, unknown> }) {
      await new Promise((r) => setTimeout(r, 20));
      written.push(`${req.tid} ${req.kind} ${String(req.fields.waybill)}`);
      return { entry: `运单 ${String(req.fields.waybill)}`, status: 'written' };
    },
  };
}

function transfersOn(store: PostgresStore, opts: { remarks: ReturnType<typeof memoWrites>; lock: KeyedLock }) {
  return createTransfersModule({
    store,
    orders: {} as OrderRepository,
    platform: {} as ShopPlatform,
    clock: fixedClock(parseInstant(at)),
    logger: silentLogger(),
    remarks: opts.remarks as never,
    lock: opts.lock,
  }).service;
}

/** The order service alone, drawing its reference codes from `codes` in turn (the same on both instances). */
function orderServiceOn(store: PostgresStore, codes: readonly number[]) {
  let draw = 0;
  return createTransfersService({
    repo: createTransferRepository(store),
    orders: {} as OrderRepository,
    platform: {} as ShopPlatform,
    remarks: memoWrites() as never,
    clock: fixedClock(parseInstant(at)),
    logger: silentLogger(),
    random: (size) => codes[Math.floor(draw++ / REFERENCE_LENGTH)]! % size,
  });
}

const body = (buyerNick: string, identify: string) => ({
  buyerNick,
  items: [{ itemNo: 'A1', quantity: 1, priceFen: 28800 }],
  address: '浙江省杭州市西湖区',
  amountDueFen: 28800,
  identify,
});

describe('transfer orders on two instances', () => {
  async function shipFromBoth(lockOf: (s: PostgresStore, shared: (s: PostgresStore) => KeyedLock) => KeyedLock) {
    const { stores, shared } = await twoInstances();
    const [a, b] = stores;
    const paid = { id: 'H1', tid: '3001', state: 'paid', buyerNick: '小王', paidBy: [], claims: [] };
    await a.transact((tx) => tx.put('transfers', 'H1', paid as unknown as TransferOrder));
    await b.catchUp();
    const remarks = memoWrites();
    const outcomes = await Promise.allSettled([
      transfersOn(a, { remarks, lock: lockOf(a, shared) }).ship('H1', { waybill: 'SF1001' }, KEEPER),
      transfersOn(b, { remarks, lock: lockOf(b, shared) }).ship('H1', { waybill: 'SF2002' }, XIAOLI),
    ]);
    return { memo: remarks.written, outcomes };
  }

  it('writes the waybill into the memo once when two instances ship one order at once; the other is told it shipped', async () => {
    const { memo, outcomes } = await shipFromBoth((s, shared) => shared(s));
    expect(memo).toHaveLength(1);
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'transfer_not_paid' });
  });

  it('writes it twice with a lock per process (why shipping takes the shared one)', async () => {
    const { memo } = await shipFromBoth(() => createKeyedLock());
    expect(memo).toHaveLength(2);
  });

  it('gives two orders created at once on two instances different reference codes, though both drew the same first', async () => {
    const { stores } = await twoInstances();
    const [a, b] = stores;
    const created = await Promise.all([
      orderServiceOn(a, [1, 2, 3]).create(body('小王', 'reference'), XIAOLI),
      orderServiceOn(b, [1, 2, 3]).create(body('小李', 'reference'), XIAOLI),
    ]);
    await Promise.all([a.catchUp(), b.catchUp()]);
    const refs = created.map((t) => t.reference);
    expect(new Set(refs).size).toBe(2);
    expect(a.get<TransferOrder>('transfers', created[1]!.id)?.reference).toBe(refs[1]);
  });

  it('gives them different unique amounts too', async () => {
    const { stores } = await twoInstances();
    const [a, b] = stores;
    const created = await Promise.all([
      orderServiceOn(a, [1]).create(body('小王', 'unique-amount'), XIAOLI),
      orderServiceOn(b, [1]).create(body('小李', 'unique-amount'), XIAOLI),
    ]);
    expect(created.map((t) => t.uniqueAmountFen).sort()).toEqual([28801, 28802]);
  });
});
