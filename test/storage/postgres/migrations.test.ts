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

  describe('the store tables answer the domain queries', () => {
    let db: Db;
    beforeAll(async () => {
      db = connect(await pg.createDatabase('shaped'));
      await migrateToLatest(db);
    });
    const putOrder = (tid: string, doc: object) =>
      sql`insert into orders (tid, doc, seq) values (${tid}, ${JSON.stringify(doc)}::json, nextval('store_seq'))`.execute(
        db,
      );

    it('when an order has waybills, then it is found by waybill and by status and modified time, from the document alone', async () => {
      await putOrder('3001', {
        tid: '3001',
        status: 'WAIT_BUYER_CONFIRM_GOODS',
        buyerNick: 'tb_小王',
        modifiedAt: '2026-11-23T12:00:00+08:00',
        items: [{ invoiceNo: 'SF1001' }, { invoiceNo: 'YT2002' }],
      });
      await putOrder('3002', {
        tid: '3002',
        status: 'WAIT_SELLER_SEND_GOODS',
        modifiedAt: '2026-11-23T13:00:00+08:00',
        items: [],
      });
      const byWaybill = await sql<{ tid: string }>`select tid from orders where waybills @> '"YT2002"'`.execute(db);
      expect(byWaybill.rows).toEqual([{ tid: '3001' }]);
      const changed = await sql<{ tid: string }>`select tid from orders
        where status = 'WAIT_SELLER_SEND_GOODS' and modified_at >= '2026-11-23T12:30:00+08:00'`.execute(db);
      expect(changed.rows).toEqual([{ tid: '3002' }]);
    });

    it('when a message with a used idempotency key is written, then the database refuses it', async () => {
      const put = (id: string) =>
        sql`insert into messages (id, doc, seq) values (${id}, ${JSON.stringify({ id, key: 'payment-reminder:3001', state: 'queued' })}::json, nextval('store_seq'))`.execute(
          db,
        );
      await put('m1');
      await expect(put('m2')).rejects.toMatchObject({ code: '23505' });
    });
  });
});
