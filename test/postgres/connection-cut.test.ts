/**
 * A statement in flight when the database goes away. pg reports a connection that ends unexpectedly as an 'error'
 * event on its client, besides failing the statement; a client checked out of the pool by Kysely (the run
 * coordinator, the instance registry) has nobody listening to that event, and an 'error' event nobody listens to
 * ends a Node process. The statement must fail, and the process must go on.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgresPool } from '../../src/storage/postgres/connect.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

let db: TestPostgres;
let proxy: TcpProxy;
const fatal: unknown[] = [];
const onFatal = (err: unknown) => void fatal.push(err);

beforeAll(async () => {
  db = await startPostgres();
  proxy = await startTcpProxy(db.port);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
}, 120_000);
afterAll(async () => {
  process.off('uncaughtException', onFatal);
  process.off('unhandledRejection', onFatal);
  await proxy?.close();
  await db?.stop();
});

describe('a connection cut under a statement', () => {
  it('fails the Kysely statement in flight and leaves no error for the process to die of, and the pool connects again', async () => {
    const url = db.url.replace(`:${db.port}/`, `:${proxy.port}/`);
    const idle: Error[] = [];
    const { db: kdb } = connectPostgresPool({ url, onIdleError: (err) => void idle.push(err) });
    try {
      const slow = sql`select pg_sleep(5)`.execute(kdb);
      // The statement has reached the server when it shows in pg_stat_activity.
      for (let i = 0; i < 100; i++) {
        const { rows } = await sql<{ n: number }>`select 1 as n`.execute(kdb);
        expect(rows).toHaveLength(1);
        const { rows: busy } = await sql<{
          n: string;
        }>`select count(*) as n from pg_stat_activity where query like 'select pg_sleep(5)%'`.execute(kdb);
        if (Number(busy[0]!.n) > 0) break;
      }
      await proxy.cut();
      await expect(slow).rejects.toThrow(/Connection terminated unexpectedly/);
      // An 'error' event nobody handled is raised on a later tick.
      await new Promise((r) => setImmediate(r));
      expect(fatal).toEqual([]);
      await proxy.restore();
      const { rows } = await sql<{ n: number }>`select 2 as n`.execute(kdb);
      expect(rows[0]!.n).toBe(2);
    } finally {
      await proxy.restore().catch(() => undefined);
      await kdb.destroy();
    }
  });
});
