import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, migrateToLatest, MIGRATIONS, type Db } from '../../../src/storage/postgres/index.js';
import { findPostgresBinaries, startPostgres, type TestPostgres } from '../../support/postgres.js';

let pg: TestPostgres;
const open: Db[] = [];
const connect = (url: string) => {
  const db = connectPostgres({ url, poolSize: 4 });
  open.push(db);
  return db;
};

beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await Promise.all(open.map((db) => db.destroy()));
  await pg?.stop();
});

describe('test PostgreSQL', () => {
  it('when no binaries are found, then the error says where it looked and how to get them (a failure, not a skip)', () => {
    expect(() => findPostgresBinaries({ XIAOER_PG_BIN: '/nowhere/bin' }, ['/also/not/here'])).toThrow(
      /not found in \/nowhere\/bin, \/also\/not\/here.*postgresql.*XIAOER_PG_BIN/,
    );
  });
});

describe('migrations', () => {
  it('when two instances start at once on one empty database, then the schema is migrated once', async () => {
    const url = await pg.createDatabase('two_boots');
    const [a, b] = await Promise.all([migrateToLatest(connect(url)), migrateToLatest(connect(url))]);
    // The advisory lock makes one wait for the other, which then finds nothing left to run.
    expect([a.applied, b.applied].sort((x, y) => x.length - y.length)).toEqual([[], Object.keys(MIGRATIONS)]);
    const db = connect(url);
    const done = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(done.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
    // A later start finds the schema current.
    expect(await migrateToLatest(db)).toEqual({ applied: [] });
  });

  describe('the first tables answer the domain queries', () => {
    let db: Db;
    beforeAll(async () => {
      db = connect(await pg.createDatabase('shaped'));
      await migrateToLatest(db);
    });

    it('when an order has waybills, then it is found by waybill, and deleting it takes its waybills along', async () => {
      const order = {
        tid: '3001',
        status: 'WAIT_BUYER_CONFIRM_GOODS',
        buyer_nick: 'tb_小王',
        created_at: '2026-11-23T10:00:00+08:00',
        modified_at: '2026-11-23T12:00:00+08:00',
        paid_at: null,
        doc: JSON.stringify({ tid: '3001', payment: 12_900 }),
      };
      await db.insertInto('orders').values(order).execute();
      await db
        .insertInto('order_waybills')
        .values([
          { waybill: 'SF1001', tid: '3001' },
          { waybill: 'YT2002', tid: '3001' },
        ])
        .execute();
      const found = await db
        .selectFrom('order_waybills')
        .innerJoin('orders', 'orders.tid', 'order_waybills.tid')
        .select(['orders.tid', 'orders.doc', 'orders.modified_at'])
        .where('waybill', '=', 'YT2002')
        .execute();
      expect(found).toEqual([
        { tid: '3001', doc: { tid: '3001', payment: 12_900 }, modified_at: new Date('2026-11-23T04:00:00Z') },
      ]);
      await db.deleteFrom('orders').where('tid', '=', '3001').execute();
      expect(await db.selectFrom('order_waybills').selectAll().execute()).toEqual([]);
    });

    it('when a message with a used idempotency key is inserted, then the database refuses it', async () => {
      const message = (id: string) => ({
        id,
        idempotency_key: 'payment-reminder:3001',
        kind: 'payment-reminder',
        audience: 'buyer',
        tid: '3001',
        buyer_nick: 'tb_小王',
        state: 'queued',
        due_at: '2026-11-23T10:00:00+08:00',
        created_at: '2026-11-23T09:00:00+08:00',
        sending_since: null,
        claimed_by: null,
        claimed_at: null,
        doc: '{}',
      });
      await db.insertInto('messages').values(message('m1')).execute();
      await expect(db.insertInto('messages').values(message('m2')).execute()).rejects.toMatchObject({ code: '23505' });
    });

    it('when two instances claim due outbox rows at once, then SKIP LOCKED gives each different rows', async () => {
      await db
        .insertInto('remark_outbox')
        .values(
          ['e1', 'e2', 'e3', 'e4'].map((id, i) => ({
            entry_id: id,
            tid: '3001',
            queued_at: `2026-11-23T10:0${i}:00+08:00`,
          })),
        )
        .execute();
      const claimTwo = (trx: Db) =>
        trx
          .selectFrom('remark_outbox')
          .select('entry_id')
          .orderBy('queued_at')
          .limit(2)
          .forUpdate()
          .skipLocked()
          .execute();
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let first: string[] = [];
      // The first transaction keeps its rows locked while the second claims.
      const holder = db.transaction().execute(async (trx) => {
        first = (await claimTwo(trx)).map((r) => r.entry_id);
        await held;
      });
      while (first.length === 0) await new Promise((r) => setImmediate(r));
      const second = await db.transaction().execute(async (trx) => (await claimTwo(trx)).map((r) => r.entry_id));
      release();
      await holder;
      expect(first).toEqual(['e1', 'e2']);
      expect(second).toEqual(['e3', 'e4']);
    });
  });
});
