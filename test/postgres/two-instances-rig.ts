/**
 * Two xiaoer instances (`node dist/main.js`, test/support/instances.ts) on one real PostgreSQL, pointed at one
 * standalone `xiaoer sandbox` as at the real platform, with buyer messages going to a fake Aliyun SMS endpoint in
 * this process (the SMS outbox: every SendSms it was asked, by OutId). Instance A starts first, so it owns the order
 * sync; B joins once A has synced. The database is read directly, as a person checking would.
 */
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { callTop } from '../platform/sandbox/third-party-client.js';
import { run } from '../support/cli.js';
import { startInstance, writeInstanceConfig, type Instance, type StaffLogin } from '../support/instances.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { ROOT } from '../support/service-rig.js';
import { startSandboxProcess, type SandboxProcess } from '../sandbox-standalone/sandbox-process.js';
import { waitFor } from './wait.js';

export const STAFF: StaffLogin = { username: 'xiaoli', displayName: '小丽', role: 'staff', password: 'kill-test-pw' };
const ADMIN: StaffLogin = { username: 'boss', displayName: '店长', role: 'admin', password: 'kill-test-admin' };

/** A fake Aliyun SMS endpoint: records every call; holds SendSms answers while `hold` is on; QuerySendDetails fails. */
export interface FakeSms {
  url: string;
  calls: Record<string, string>[];
  /** While true, SendSms is received and recorded but never answered (the sender waits, as on a slow network). */
  hold: boolean;
  sendsOf(outId: string): number;
  close(): Promise<void>;
}

async function startFakeSms(): Promise<FakeSms> {
  const ok = readFileSync(join(ROOT, 'test/fixtures/aliyun-sms/send-ok.json'), 'utf8');
  const held: ServerResponse[] = [];
  const fake: FakeSms = {
    url: '',
    calls: [],
    hold: false,
    sendsOf: (outId) => fake.calls.filter((c) => c.Action === 'SendSms' && c.OutId === outId).length,
    close: async () => {
      for (const res of held) res.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8').on('data', (s: string) => (body += s));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      fake.calls.push(params);
      if (params.Action === 'SendSms' && fake.hold) {
        held.push(res);
        return;
      }
      // Nobody can tell whether a send went out: the provider does not answer the lookup.
      if (params.Action !== 'SendSms') res.writeHead(503).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(ok.replace('__OUT_ID__', params.OutId ?? ''));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** A window of quiet hours that is not now (12 hours away), so buyer messages are due whenever the test runs. */
function quietHoursAway(): { start: string; end: string } {
  const shanghaiHour = (new Date().getUTCHours() + 8 + 12) % 24;
  const hh = String(shanghaiHour).padStart(2, '0');
  return { start: `${hh}:00`, end: `${hh}:05` };
}

export interface TwoInstances {
  db: TestPostgres;
  /** A client on the shop's database (not through any instance). */
  sql: pg.Client;
  sandbox: SandboxProcess;
  sms: FakeSms;
  a: Instance;
  b: Instance;
  /** A login made on A (sessions are in the database: it works on B too). */
  token: string;
  /** Each instance's id in the registry (`instances`), by its process id. */
  idOf(i: Instance): Promise<string>;
  /** The trade as the sandbox's gateway answers it (what the platform holds). */
  gatewayTrade(tid: string): Promise<{ seller_memo?: string; status?: string }>;
  close(): Promise<void>;
}

export async function startTwoInstances(opts: { orders: number; schedules: Record<string, string> }) {
  if (!existsSync(join(ROOT, 'dist/service/sandbox-server.js')) || !existsSync(join(ROOT, 'dist/main.js')))
    await run('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT });
  const root = await mkdtemp(join(tmpdir(), 'xiaoer-two-'));
  const cleanup: (() => Promise<unknown>)[] = [() => rm(root, { recursive: true, force: true })];
  const close = async () => {
    for (const c of cleanup.reverse()) await c().catch(() => undefined);
  };
  try {
    const db = await startPostgres();
    cleanup.push(() => db.stop());
    const url = await db.createDatabase('shop');
    const sql = new pg.Client({ connectionString: url });
    await sql.connect();
    cleanup.push(() => sql.end());
    const sms = await startFakeSms();
    cleanup.push(() => sms.close());
    const sandbox = await startSandboxProcess([
      '--port',
      '0',
      '--data',
      join(root, 'sandbox'),
      '--orders',
      String(opts.orders),
      '--tick-ms',
      '0',
    ]);
    cleanup.push(() => sandbox.interrupt());
    const messaging = {
      buyerChannel: 'aliyun-sms',
      quietHours: quietHoursAway(),
      aliyunSms: {
        accessKeyId: 'killTestId',
        accessKeySecret: 'killTestSecret',
        signName: '拾光衣橱',
        templateCodes: { 'payment-reminder-first': 'SMS_20261123' },
        endpoint: sms.url,
        // Longer than the test holds a send: the sender is still waiting for Aliyun when it is killed.
        timeoutMs: 120_000,
      },
    };
    const spec = async (name: string) => {
      const dataDir = join(root, name);
      await writeInstanceConfig(dataDir, {
        sandbox: sandbox.snippet,
        staff: [STAFF, ADMIN],
        extra: { jobs: { schedules: opts.schedules }, messaging },
      });
      // No message channel: the order sync then polls the platform on every run (with TMC it mostly waits).
      return { name, dataDir, databaseUrl: url, env: { XIAOER_TMC: 'off' } };
    };
    const specA = await spec('A');
    const specB = await spec('B');
    const a = await startInstance(specA);
    cleanup.push(() => a.kill());
    const token = await a.login(STAFF.username, STAFF.password);
    // A owns the sync (it started alone) and syncs the shop once; B joins after.
    await waitFor(
      'instance A to sync the sandbox shop',
      async () => {
        const res = await a.request<{ total?: number }>('GET', '/api/orders?pageSize=1', { token });
        return res.status === 200 && (res.data.total ?? 0) >= opts.orders ? true : undefined;
      },
      { withinMs: 120_000, everyMs: 500 },
    );
    const b = await startInstance(specB);
    cleanup.push(() => b.kill());
    const rig: TwoInstances = {
      db,
      sql,
      sandbox,
      sms,
      a,
      b,
      token,
      async idOf(i) {
        const { rows } = await sql.query<{ id: string }>('select id from instances where pid = $1', [i.pid]);
        if (!rows[0]) throw new Error(`instance ${i.spec.name} (pid ${i.pid}) is not in the registry`);
        return rows[0].id;
      },
      async gatewayTrade(tid) {
        const answer = await callTop(sandbox.url as never, Date.now(), 'taobao.trade.fullinfo.get', {
          tid,
          fields: 'tid,status,seller_memo',
        });
        return answer.json.trade_fullinfo_get_response.trade as { seller_memo?: string; status?: string };
      },
      close,
    };
    return rig;
  } catch (err) {
    await close();
    throw err;
  }
}
