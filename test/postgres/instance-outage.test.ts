/**
 * Issue 20, failure tests: the database goes away under a real instance (`node dist/main.js`, a process of its own,
 * test/support/instances.ts) and comes back. The instance reaches PostgreSQL through a TCP forwarder that cuts every
 * connection and refuses new ones; its jobs fire every second meanwhile. A process that dies of an error nobody
 * handled (an 'error' event of a pg client, a rejected promise) shows here as an exit, which the in-process test
 * (database-outage.test.ts) can only approximate with process-level hooks.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstance, writeInstanceConfig, type Instance } from '../support/instances.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { startSandboxProcess, type SandboxProcess } from '../sandbox-standalone/sandbox-process.js';
import { STAFF } from './two-instances-rig.js';
import { waitFor } from './wait.js';

const OUTAGE = { error: { code: 'storage_unavailable', message: '数据库暂时连不上，刚才的操作没有保存，请稍后再试' } };
/** How long the database stays away: long enough for every job to fire several times, and the heartbeats once. */
const OUTAGE_MS = 16_000;

let root: string;
let db: TestPostgres;
let proxy: TcpProxy;
let sandbox: SandboxProcess;
let instance: Instance;
let token: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'xiaoer-instance-outage-'));
  db = await startPostgres();
  proxy = await startTcpProxy(db.port);
  const url = (await db.createDatabase('shop')).replace(`:${db.port}/`, `:${proxy.port}/`);
  sandbox = await startSandboxProcess([
    '--port',
    '0',
    '--data',
    join(root, 'sandbox'),
    '--orders',
    '80',
    '--tick-ms',
    '0',
  ]);
  const dataDir = join(root, 'instance');
  const schedules = { 'order-sync': '* * * * * *', 'logistics-refresh': '* * * * * *' };
  await writeInstanceConfig(dataDir, { sandbox: sandbox.snippet, staff: [STAFF], extra: { jobs: { schedules } } });
  instance = await startInstance({ name: 'A', dataDir, databaseUrl: url });
  token = await instance.login(STAFF.username, STAFF.password);
}, 180_000);
afterAll(async () => {
  await instance?.kill();
  await sandbox?.interrupt();
  await proxy?.close();
  await db?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the database away under an instance in its own process', () => {
  it('answers 503 in Chinese while it is away, stays up through its jobs, and writes a remark once after', async () => {
    const orders = await waitFor(
      'the instance to sync the shop',
      async () => {
        const res = await instance.request<{ orders: { tid: string }[] }>('GET', '/api/orders?pageSize=2', { token });
        return res.status === 200 && res.data.orders.length === 2 ? res.data.orders : undefined;
      },
      { withinMs: 60_000, everyMs: 500 },
    );
    const tid = orders[1]!.tid;
    const remark = (waybill: string) =>
      instance.request<{ id?: string }>('POST', `/api/orders/${tid}/remarks`, {
        token,
        data: { kind: 'copy.transfer', fields: { waybill } },
      });

    await proxy.cut();
    const until = Date.now() + OUTAGE_MS;
    let answered = 0;
    // Asked again and again while the jobs fire: every answer is the 503, and the process is still there.
    while (Date.now() < until) {
      for (const res of [
        await instance.request('GET', '/api/orders?pageSize=1', { token }),
        await remark(`OUT${String(answered).padStart(4, '0')}`),
      ]) {
        expect(res.status).toBe(503);
        expect(res.data).toEqual(OUTAGE);
        answered++;
      }
      expect(instance.child.exitCode).toBeNull();
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(answered).toBeGreaterThan(10);

    await proxy.restore();
    const after = await waitFor(
      'a remark accepted once the database is back',
      async () => {
        const res = await remark('BACK0001');
        return res.status === 503 ? undefined : res;
      },
      { withinMs: 15_000, everyMs: 250 },
    );
    expect(after.status, JSON.stringify(after.data)).toBe(201);
    const history = await instance.request<{ history: { id: string; text: string }[] }>(
      'GET',
      `/api/orders/${tid}/remarks`,
      { token },
    );
    // Only the write made after: none of those refused during the outage.
    expect(history.data.history.map((e) => e.id)).toEqual([after.data.id]);
    expect(instance.child.exitCode).toBeNull();
    expect(instance.child.signalCode).toBeNull();
    expect(instance.output()).not.toMatch(/uncaught|unhandled/i);
  }, 120_000);
});
