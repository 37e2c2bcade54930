/**
 * The instance registry on a real PostgreSQL (issue 20): an instance is alive while its heartbeat, in database
 * time, is younger than 60 s; a graceful stop removes it at once. Heartbeat ages are set in the table, so no test
 * waits for a minute to pass.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Instances } from '../../../src/scheduler/index.js';
import {
  connectPostgres,
  createPostgresInstances,
  type Db,
  type PostgresInstances,
} from '../../../src/storage/postgres/index.js';
import { startMigratedPostgres, type TestPostgres } from '../../support/postgres.js';

let pg: TestPostgres;
const pools: Db[] = [];
const registries: PostgresInstances[] = [];

const pool = (url: string) => {
  const db = connectPostgres({ url, poolSize: 2 });
  pools.push(db);
  return db;
};

/** One instance's registry on its own pool, started. */
async function started(url: string, options: Parameters<typeof createPostgresInstances>[1] = {}) {
  const r = createPostgresInstances(pool(url), options);
  registries.push(r);
  await r.start();
  return r;
}

/** Makes an instance's last beat `seconds` old, in database time. */
const beatAgo = (db: Db, id: string, seconds: number) =>
  db
    .updateTable('instances')
    .set({ heartbeat_at: sql<Date>`now() - make_interval(secs => ${seconds})` })
    .where('id', '=', id)
    .execute();

beforeAll(async () => {
  pg = await startMigratedPostgres();
});
afterAll(async () => {
  await Promise.all(registries.map((r) => r.stop()));
  await Promise.all(pools.map((db) => db.destroy()));
  await pg?.stop();
});

describe('instance registry on PostgreSQL', () => {
  it('when an instance beats, then another sees it alive until its beat is 60 s old, and alive again after the next beat', async () => {
    const url = await pg.createDatabase('ages', { template: 'migrated' });
    const a = await started(url, { id: 'host-a:1:aa', port: 8080 });
    const b = await started(url, { id: 'host-b:2:bb', port: 8081 });
    const db = pool(url);
    // The shape the domain's port asks for (src/scheduler/instances.ts).
    const port: Instances = a;

    expect(await port.alive(b.self)).toBe(true);
    expect(await b.alive(a.self)).toBe(true);
    await beatAgo(db, b.self, 55);
    expect(await a.alive(b.self)).toBe(true);
    await beatAgo(db, b.self, 61);
    expect(await a.alive(b.self)).toBe(false);
    // An instance is alive to itself whatever its row says: it is the one running this code.
    expect(await b.alive(b.self)).toBe(true);
    await b.beat();
    expect(await a.alive(b.self)).toBe(true);
    expect(await a.alive('host-c:3:never-started')).toBe(false);

    const rows = await db.selectFrom('instances').select(['id', 'host', 'pid', 'port']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'host-a:1:aa', host: expect.any(String), pid: process.pid, port: 8080 },
      { id: 'host-b:2:bb', host: expect.any(String), pid: process.pid, port: 8081 },
    ]);
  });

  it('when an instance stops, then it is dead at once; a removed row comes back with the next beat', async () => {
    const url = await pg.createDatabase('stops', { template: 'migrated' });
    const a = await started(url);
    const b = await started(url);
    expect(a.self).not.toBe(b.self);
    expect(a.self).toMatch(/^.+:\d+:[0-9a-f]{8}$/);

    await b.stop();
    expect(await a.alive(b.self)).toBe(false);

    const db = pool(url);
    await db.deleteFrom('instances').where('id', '=', a.self).execute();
    expect(await b.alive(a.self)).toBe(false);
    await a.beat();
    expect(await b.alive(a.self)).toBe(true);
  });

  it('when started, then it beats by itself, and rows of instances gone for a week are removed', async () => {
    const url = await pg.createDatabase('beats', { template: 'migrated' });
    const db = pool(url);
    await db
      .insertInto('instances')
      .values([
        { id: 'old:1:aa', host: 'old', pid: 1, heartbeat_at: sql<Date>`now() - interval '8 days'` },
        { id: 'recent:2:bb', host: 'recent', pid: 2, heartbeat_at: sql<Date>`now() - interval '1 day'` },
      ])
      .execute();
    const a = await started(url, { heartbeatMs: 50 });
    const ids = await db.selectFrom('instances').select('id').orderBy('id').execute();
    expect(ids.map((r) => r.id)).toEqual([a.self, 'recent:2:bb'].sort());

    const b = await started(url);
    // Two minutes old is dead (the first test shows it); only a beat of a's own timer can make it alive again. No
    // look in between: a beat every 50 ms may already have come.
    await beatAgo(db, a.self, 120);
    await vi.waitFor(async () => expect(await b.alive(a.self)).toBe(true), { timeout: 5000, interval: 50 });
  });

  it('when the database cannot be reached, then alive throws instead of answering dead', async () => {
    const url = await pg.createDatabase('away', { template: 'migrated' });
    const a = await started(url);
    const db = connectPostgres({ url: url.replace(`:${pg.port}/`, ':1/'), poolSize: 1 });
    pools.push(db);
    const cut = createPostgresInstances(db);
    await expect(cut.alive(a.self)).rejects.toThrow();
  });
});
