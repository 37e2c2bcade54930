/**
 * A bank statement imported on two instances of one PostgreSQL database at once (issue 20): each instance decides
 * which rows are new against what it holds, and the other's import may store them meanwhile. Whatever the timing,
 * every statement row is stored once, by the import that counts it; a credit pays at most one order; no order is
 * paid twice; a matched row is never overwritten as queued or unmatched. On the code before the fix (rows taken as
 * new before the writes, imports serialized within one process only) the second test failed every run: instance B
 * stored again the four rows A had stored (imports counting 6 + 6 rows of 8) and overwrote the row that paid 王五's
 * order as unmatched.
 */
import { describe, expect, it } from 'vitest';
import {
  TRANSFER_ROWS,
  TRANSFERS,
  type ImportSummary,
  type StoredRow,
  type TransferOrder,
} from '../../../src/reconciliation/index.js';
import { MIGRATIONS } from '../../../src/service/migrations.js';
import type { Store } from '../../../src/storage/index.js';
import { openPostgresStore, type PostgresStore } from '../../../src/storage/postgres/index.js';
import { encode } from '../../fixtures/statements/statement-fixtures.js';
import { postgresPerTest } from '../../support/postgres.js';
import { orderBody, startTransfers, XIAOLI, XIAOZHOU, type TransfersHarness } from './support/transfer-harness.js';

const pg = postgresPerTest('imports');

/** Two instances on a fresh database; they poll rarely, so what one sees of the other comes by NOTIFY or catchUp. */
async function twoInstances(): Promise<[PostgresStore, PostgresStore]> {
  const url = await pg.database();
  const open = async (id: string) =>
    pg.closeAfter(await openPostgresStore({ url, instanceId: id, migrations: MIGRATIONS, pollMs: 60_000 }));
  return [await open('a'), await open('b')];
}

/**
 * Eight BOC credits with their own balances, so a row is the same bank row (same identity) in every file that
 * holds it: four pay the orders made by `ordersOn`, one is a stranger paying 孙八's amount (queued), three are
 * small amounts nobody owes (unmatched).
 */
const CREDITS: [yuan: string, payer: string][] = [
  ['123.00', '张三'],
  ['123.01', '李四'],
  ['456.00', '陌生人'],
  ['7.00', '路人甲'],
  ['123.02', '王五'],
  ['8.00', '路人乙'],
  ['123.03', '赵六'],
  ['9.00', '路人丙'],
];
const HEADER = '记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行';
let balanceFen = 10_000_000;
const LINES = CREDITS.map(([yuan, payer], i) => {
  // The bank's running balance (each row is checked against the one before); integer fen, printed as yuan.
  balanceFen += Number(yuan.replace('.', ''));
  const balance = `${Math.floor(balanceFen / 100)}.${String(balanceFen % 100).padStart(2, '0')}`;
  return `2026-11-23,11:0${i}:00,人民币,${yuan},${balance},转账,网银,,,${payer},6222000000001111,`;
});
/** The credits from..to-1 as one export. */
const statement = (from: number, to: number) => encode(`${[HEADER, ...LINES.slice(from, to)].join('\n')}\n`, 'gbk');
const FIRST = statement(0, 6);
/** Overlaps FIRST by four rows (the stranger, 王五, two small amounts) and adds 赵六 and one small amount. */
const OVERLAPPING = statement(2, 8);

async function ordersOn(h: TransfersHarness): Promise<TransferOrder[]> {
  const made: TransferOrder[] = [];
  for (const [i, name] of ['张三', '李四', '王五', '赵六'].entries()) {
    made.push(
      await h.service.create(orderBody({ buyerNick: `买家${i}`, buyerName: name, amountDueFen: 12300 + i }), XIAOLI),
    );
  }
  made.push(await h.service.create(orderBody({ buyerNick: '乙', buyerName: '孙八', amountDueFen: 45600 }), XIAOLI));
  return made;
}

const importOn = (h: TransfersHarness, bytes: Buffer, name: string) =>
  h.service.importStatement(bytes, name, { user: XIAOZHOU });

/** What both instances hold once each has taken in the other's writes: the same, and the money rule kept. */
async function expectStoredOnce(stores: PostgresStore[], h: TransfersHarness, summaries: ImportSummary[]) {
  await Promise.all(stores.map((s) => s.catchUp()));
  const rowsOf = (s: Store) => [...s.all<StoredRow>(TRANSFER_ROWS)].sort((x, y) => (x.identity < y.identity ? -1 : 1));
  const rows = rowsOf(stores[0]!);
  expect(rowsOf(stores[1]!)).toEqual(rows);
  expect(rows).toHaveLength(CREDITS.length);
  // Each row was counted by the import that stored it, and by no other.
  expect(summaries.reduce((n, s) => n + s.imported, 0)).toBe(CREDITS.length);
  for (const s of summaries) {
    expect(rows.filter((r) => r.importId === s.importId)).toHaveLength(s.imported);
    expect(s.imported + s.duplicates).toBe(s.credits);
    expect(s.counts.matched + s.counts.queued + s.counts.unmatched).toBe(s.imported);
  }
  const orders = [...stores[0]!.all<TransferOrder>(TRANSFERS)];
  const paid = orders.filter((t) => t.state === 'paid');
  expect(paid.map((t) => t.buyerName).sort()).toEqual(['张三', '李四', '王五', '赵六'].sort());
  // Each credit pays at most one order, and each paying row is stored as matched to that order.
  const payers = paid.flatMap((t) => t.paidBy);
  expect(new Set(payers).size).toBe(payers.length);
  for (const t of paid) {
    expect(t.paidBy).toHaveLength(1);
    expect(rows.find((r) => r.identity === t.paidBy[0])).toMatchObject({ status: 'matched', transferIds: [t.id] });
  }
  expect(rows.filter((r) => r.status === 'matched')).toHaveLength(4);
  // No order is paid twice; the queued row waits once, with one audit line.
  const audit = h.service.audit();
  const matchedLines = audit.filter((e) => e.action === 'matched').map((e) => e.transferId);
  expect(matchedLines.sort()).toEqual(paid.map((t) => t.id).sort());
  expect(rows.filter((r) => r.status === 'queued').map((r) => r.row.counterpartyName)).toEqual(['陌生人']);
  expect(audit.filter((e) => e.action === 'queued')).toHaveLength(1);
  return rows;
}

describe('a statement imported on two instances at once', () => {
  it('when both instances import the same statement and an overlapping one at the same moment, then every row is stored once and each credit pays one order', async () => {
    const [a, b] = await twoInstances();
    const [ha, hb] = [await startTransfers({ store: a }), await startTransfers({ store: b })];
    await ordersOn(ha);
    await b.catchUp();

    const summaries = await Promise.all([
      importOn(ha, FIRST, 'a-1.csv'),
      importOn(hb, FIRST, 'b-1.csv'),
      importOn(ha, OVERLAPPING, 'a-2.csv'),
      importOn(hb, OVERLAPPING, 'b-2.csv'),
    ]);

    await expectStoredOnce([a, b], ha, summaries);
  });

  it('when B has decided which rows of an overlapping statement are new and A stores them before B writes, then B stores only the two rows A did not', async () => {
    const [a, b] = await twoInstances();
    // B's transfers module reaches its store through a gate: its first write waits until A's import is stored,
    // as on an instance that took longer to get there. Everything it reads and writes is B's real store.
    let gate = Promise.resolve();
    let reached = () => {};
    const gated: Store = {
      ...b,
      transact: (fn) => {
        reached();
        return gate.then(() => b.transact(fn));
      },
    };
    const [ha, hb] = [await startTransfers({ store: a }), await startTransfers({ store: gated })];
    await ordersOn(ha);
    await b.catchUp();
    const entered = new Promise<void>((resolve) => (reached = resolve));
    let release = () => {};
    gate = new Promise<void>((resolve) => (release = resolve));

    const late = importOn(hb, OVERLAPPING, 'b.csv');
    await Promise.race([entered, late]);
    const early = await importOn(ha, FIRST, 'a.csv');
    release();
    const second = await late;

    expect(early).toMatchObject({ imported: 6, duplicates: 0, counts: { matched: 3, queued: 1, unmatched: 2 } });
    expect(second).toMatchObject({ imported: 2, duplicates: 4, counts: { matched: 1, queued: 0, unmatched: 1 } });
    expect(second.matched.map((m) => m.row.counterpartyName)).toEqual(['赵六']);
    expect(second.unmatched.map((r) => r.counterpartyName)).toEqual(['路人丙']);
    const rows = await expectStoredOnce([a, b], ha, [early, second]);
    expect(rows.find((r) => r.row.counterpartyName === '王五')).toMatchObject({ importId: early.importId });
  });
});
