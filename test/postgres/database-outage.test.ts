/**
 * Issue 20, failure tests: the database goes away under a running service and comes back. The service runs in
 * this process on a real PostgreSQL reached through a TCP forwarder (test/support/tcp-proxy.ts) that can cut every
 * connection and refuse new ones, as a database restart or a network failure does; the test reads the database
 * directly, past the forwarder. Scheduled jobs fire every second during the outage (config.json), so what they do
 * when the database is away happens here, not in a unit test.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/accounts/index.js';
import { loadConfig } from '../../src/config/load-config.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { createLogger } from '../../src/shared/logger.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { ROOT } from '../support/service-rig.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { waitFor } from './wait.js';

const OUTAGE_WORDS = '数据库暂时连不上，刚才的操作没有保存，请稍后再试';

let db: TestPostgres;
let proxy: TcpProxy;
let direct: pg.Client;
let svc: RunningService;
let dir: string;
let token: string;
/** What the service logged (pino lines as objects): the proof that scheduled ticks met the outage. */
const logged: { level: number; msg: string; job?: string }[] = [];
/** Anything that would have ended a standalone process. */
const fatal: unknown[] = [];
const onFatal = (err: unknown) => void fatal.push(err);

const api = (method: 'get' | 'post', path: string) =>
  request(svc.url)[method](`/api${path}`).set('authorization', `Bearer ${token}`);
const remarkOn = (tid: string) => api('post', `/orders/${tid}/remarks`).send({ kind: 'price.ordinary', fields: {} });
const historyIds = async (tid: string) =>
  ((await api('get', `/orders/${tid}/remarks`).expect(200)).body.history as { id: string }[]).map((e) => e.id);
/** The remark entries of an order as the database holds them (past the forwarder). */
async function storedIds(tid: string): Promise<string[]> {
  const { rows } = await direct.query<{ doc: unknown }>('select doc from remark_entries where tid = $1', [tid]);
  const doc = rows[0]?.doc as { entries?: { id: string }[] } | { id: string }[] | undefined;
  const entries = Array.isArray(doc) ? doc : (doc?.entries ?? []);
  return entries.map((e) => e.id);
}

beforeAll(async () => {
  process.on('unhandledRejection', onFatal);
  process.on('uncaughtException', onFatal);
  db = await startPostgres();
  proxy = await startTcpProxy(db.port);
  const url = await db.createDatabase('outage');
  direct = new pg.Client({ connectionString: url });
  await direct.connect();
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-pg-outage-'));
  // Two jobs every second: logistics-refresh has no single owner, order-sync belongs to the sync's lock holder.
  const schedules = { 'logistics-refresh': '* * * * * *', 'order-sync': '*/2 * * * * *' };
  await writeFile(join(dir, 'config.json'), JSON.stringify({ jobs: { schedules } }));
  const config = loadConfig(
    {
      XIAOER_DATA_DIR: dir,
      PORT: '0',
      XIAOER_SANDBOX_ORDERS: '60',
      XIAOER_SANDBOX_TICK_MS: '0',
      XIAOER_DATABASE_URL: url.replace(`:${db.port}/`, `:${proxy.port}/`),
    },
    ROOT,
  );
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void logged.push(JSON.parse(line) as (typeof logged)[number]) },
  });
  svc = await startService(config, { jobs: true, initialSync: false, logger });
  await svc.sync.syncAll();
  const res = await request(svc.url).post('/api/session').send({ username: 'xiaoli', password: 'xiaoer-demo' });
  expect(res.status).toBe(201);
  token = res.body.token as string;
}, 120_000);

afterAll(async () => {
  await proxy?.restore().catch(() => undefined);
  await svc?.close();
  await direct?.end();
  await proxy?.close();
  await db?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  process.off('unhandledRejection', onFatal);
  process.off('uncaughtException', onFatal);
});

/**
 * Orders the remark kind fits (not printed yet: unpaid, or paid and waiting to ship; the sandbox keeps two fresh ones
 * of each at any hour), the same ones in the same order on every call.
 */
async function notPrinted(): Promise<string[]> {
  const tids: string[] = [];
  for (const status of ['WAIT_SELLER_SEND_GOODS', 'WAIT_BUYER_PAY']) {
    const list = await api('get', `/orders?status=${status}&pageSize=4`).expect(200);
    tids.push(...(list.body.orders as { tid: string }[]).map((o) => o.tid));
  }
  return tids;
}

/** Two orders the remark kind fits, one written before the outage, one during and after. */
async function twoOrders(): Promise<[string, string]> {
  const tids = await notPrinted();
  expect(tids.length).toBeGreaterThanOrEqual(2);
  return [tids[0]!, tids[1]!];
}

describe('the database stops and comes back under a running service', () => {
  it('answers 503 in Chinese while it is away, keeps nothing of a refused write, survives the jobs, and writes once after', async () => {
    const [before, during] = await twoOrders();
    const first = await remarkOn(before);
    expect(first.status).toBe(201);
    expect(await storedIds(during)).toEqual([]);

    await proxy.cut();
    const cutAt = logged.length;
    // Reads, writes and a login: every request first takes in other instances' writes, so each one meets the outage.
    for (const res of [
      await api('get', '/orders?pageSize=5'),
      await remarkOn(during),
      await request(svc.url).post('/api/session').send({ username: 'xiaoli', password: 'xiaoer-demo' }),
    ]) {
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toEqual({ error: { code: 'storage_unavailable', message: OUTAGE_WORDS } });
    }
    // The same write from inside, past the request gate: the store itself refuses it and holds nothing of it.
    await expect(
      svc.remarks.write({ tid: during, kind: 'price.ordinary', user: DEMO_ACCOUNTS[0]! }),
    ).rejects.toMatchObject({ code: 'storage_unavailable', message: OUTAGE_WORDS });

    // Scheduled fires meet the outage (every second): the coordinator cannot answer, the slot is skipped and logged.
    await waitFor(
      'two scheduled fires of logistics-refresh during the outage',
      () =>
        logged.slice(cutAt).filter((l) => l.job === 'logistics-refresh' && /run coordinator did not answer/.test(l.msg))
          .length >= 2 || undefined,
      { withinMs: 15_000 },
    );
    // A job run by hand during the outage ends as a failed run, it does not throw out of the scheduler.
    const manual = await svc.scheduler.runNow('remark-outbox');
    expect(manual.job).toBe('remark-outbox');
    const dispatch = await svc.scheduler.runNow('message-dispatch');
    expect(dispatch.job).toBe('message-dispatch');
    expect(fatal).toEqual([]);

    const { rows: mark } = await direct.query<{ id: string }>('select coalesce(max(id), 0) as id from job_runs');
    await proxy.restore();
    // The next request after the database is back is served (the pool connects again on demand).
    const after = await waitFor(
      'a remark to be accepted once the database is back',
      async () => {
        const res = await remarkOn(during);
        return res.status === 503 ? undefined : res;
      },
      { withinMs: 10_000, everyMs: 250 },
    );
    expect(after.status).toBe(201);
    expect(after.body.status).toBe('written');
    // The order holds exactly the write made after the outage: the refused ones left nothing, here or in the database.
    expect(await historyIds(during)).toEqual([after.body.id]);
    expect(await storedIds(during)).toEqual([after.body.id]);
    expect(await historyIds(before)).toEqual([first.body.id]);
    // The memo on the platform got the entry once.
    const { sellerMemo: memo } = await svc.outside.platform.getOrder(during);
    expect(memo.split(after.body.entry as string).length - 1).toBe(1);

    // The scheduled jobs resume by themselves: a new run of logistics-refresh ends well, recorded in the database.
    // Within 75 s: a run that was going when the database went away could not record its end, so its claim holds
    // the job (every slot is skipped-overlap) until that claim's heartbeat is 60 s old (STALE_AFTER_MS).
    const resumed = await waitFor(
      'logistics-refresh to run again after the outage',
      async () => {
        const { rows } = await direct.query<{ outcome: string }>(
          "select outcome from job_runs where job = 'logistics-refresh' and id > $1 and outcome = 'ok' limit 1",
          [mark[0]!.id],
        );
        return rows[0];
      },
      { withinMs: 75_000, everyMs: 250 },
    );
    expect(resumed.outcome).toBe('ok');
    expect(fatal).toEqual([]);
  }, 150_000);

  it('when the server ends every connection, as a restart does, serves the next requests and writes a remark once', async () => {
    const tid = (await notPrinted())[2];
    expect(tid).toBeDefined();
    // 57P01 (terminating connection due to administrator command) on every connection of the service, idle or not.
    const { rows } = await direct.query<{ ended: boolean }>(
      "select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = 'outage' and pid <> pg_backend_pid()",
    );
    expect(rows.length).toBeGreaterThan(0);
    const res = await waitFor(
      'the first remark accepted after the connections ended',
      async () => {
        const r = await remarkOn(tid!);
        return r.status === 503 ? undefined : r;
      },
      { withinMs: 10_000, everyMs: 250 },
    );
    expect(res.status).toBe(201);
    expect(await historyIds(tid!)).toEqual([res.body.id]);
    expect(await storedIds(tid!)).toEqual([res.body.id]);
    expect(fatal).toEqual([]);
  }, 60_000);
});
