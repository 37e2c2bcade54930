/**
 * Issue 20, "done when": with XIAOER_DATABASE_URL set and a standalone `xiaoer sandbox` running, two instances on
 * different ports (staff made by `xiaoer hash-password`) serve the same shop. Everything runs as a shop runs it:
 * the compiled service and CLI in their own processes, a real PostgreSQL, the sandbox as an outside system.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_JOB_NAMES, JOB_NAMES } from '../../src/operations/jobs-config.js';
import { ensureBuiltSandbox, startSandboxProcess, type SandboxProcess } from '../sandbox-standalone/sandbox-process.js';
import { startInstance, waitFor, writeInstanceConfig, type Instance, type StaffLogin } from '../support/instances.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { ROOT } from '../support/service-rig.js';

const run = promisify(execFile);
const ORDERS = 60;
const BOSS: StaffLogin = { username: 'boss', displayName: '店长', role: 'admin', password: 'boss-e2e-password' };
const XIAOLI: StaffLogin = { username: 'xiaoli', displayName: '小丽', role: 'staff', password: 'xiaoli-e2e-password' };
/** Every configurable job every minute, so that slots come while the test waits; the fixed ones already do. */
const EVERY_MINUTE = Object.fromEntries(JOB_NAMES.map((n) => [n, '* * * * *']));
const MINUTE_JOBS: readonly string[] = [...JOB_NAMES, ...FIXED_JOB_NAMES];
const MINUTE = 60_000;

describe('two instances on one PostgreSQL with a standalone sandbox', () => {
  let root: string;
  let postgres: TestPostgres;
  let url: string;
  let sandbox: SandboxProcess;
  let a: Instance;
  let b: Instance;
  /** The first whole minute both instances were up for: its slot and the next are the ones checked. */
  let firstSlot: number;

  async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await ensureBuiltSandbox();
    root = await mkdtemp(join(tmpdir(), 'xiaoer-e2e-'));
    await chmod(root, 0o755);
    postgres = await startPostgres();
    url = await postgres.createDatabase('xiaoer');
    sandbox = await startSandboxProcess([
      '--port',
      '0',
      '--data',
      join(root, 'shop'),
      '--orders',
      `${ORDERS}`,
      '--tick-ms',
      '0',
    ]);
    for (const name of ['a', 'b'])
      await writeInstanceConfig(join(root, name), {
        sandbox: sandbox.snippet,
        staff: [BOSS, XIAOLI],
        cliUser: BOSS.username,
        extra: { jobs: { schedules: EVERY_MINUTE } },
      });
    // One after the other, as a shop brings a second machine up: the first migrates, the second finds it done.
    a = await startInstance({ name: 'A', dataDir: join(root, 'a'), databaseUrl: url });
    b = await startInstance({ name: 'B', dataDir: join(root, 'b'), databaseUrl: url });
    firstSlot = Math.ceil(Date.now() / MINUTE) * MINUTE;
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await sandbox?.interrupt();
    await postgres?.stop();
    await rm(root, { recursive: true, force: true });
  });

  const failWith = (inst: Instance, status: number, body: unknown) =>
    `${inst.spec.name} answered ${status}: ${JSON.stringify(body)}\n--- A ---\n${a.output()}\n--- B ---\n${b.output()}`;

  it('when they are up, then they are two processes on two ports, and each serves the whole shop', async () => {
    expect(a.port).not.toBe(b.port);
    expect(a.pid).not.toBe(b.pid);
    const token = await b.login(BOSS.username, BOSS.password);
    // The instance that owns the sync takes the shop in; the other reads it from the database.
    for (const inst of [a, b])
      await waitFor(`${inst.spec.name} to serve the synced shop`, async () => {
        const res = await inst.request<{ total: number }>('GET', '/api/orders?pageSize=1', { token });
        if (res.status !== 200) throw new Error(failWith(inst, res.status, res.data));
        return res.data.total === ORDERS ? true : undefined;
      });
  }, 120_000);

  it('when a login is made on A, then its token works on B, and a logout on B ends it on A', async () => {
    const token = await a.login(XIAOLI.username, XIAOLI.password);
    const me = await b.request<{ user: { username: string; displayName: string } }>('GET', '/api/me', { token });
    expect(me.status, failWith(b, me.status, me.data)).toBe(200);
    expect(me.data.user).toMatchObject({ username: 'xiaoli', displayName: '小丽', role: 'staff' });
    expect((await b.request('DELETE', '/api/session', { token })).status).toBeLessThan(300);
    expect((await a.request('GET', '/api/me', { token })).status).toBe(401);
    // A wrong password is refused on either: the accounts come from each one's config, hashed by the CLI.
    await expect(b.login(XIAOLI.username, 'not-her-password')).rejects.toThrow(/answered 401/);
  });

  it('when xiaoli writes a remark on A, then B reads it in the order history and memo at once', async () => {
    const token = await a.login(XIAOLI.username, XIAOLI.password);
    const list = await a.request<{ orders: { tid: string }[] }>(
      'GET',
      '/api/orders?status=WAIT_SELLER_SEND_GOODS&pageSize=1',
      { token },
    );
    const tid = list.data.orders[0]!.tid;
    const written = await a.request<{ status: string; entry: string; memo: string }>(
      'POST',
      `/api/orders/${tid}/remarks`,
      { token, data: { kind: 'price.ordinary', fields: {} } },
    );
    expect(written.status, failWith(a, written.status, written.data)).toBe(201);
    expect(written.data.status).toBe('written');
    // The very next request on B: every request first takes in what other instances committed.
    const read = await b.request<{ history: { text?: string; entry?: string; by?: string }[]; memo: { raw: string } }>(
      'GET',
      `/api/orders/${tid}/remarks`,
      { token: await b.login(BOSS.username, BOSS.password) },
    );
    expect(read.status, failWith(b, read.status, read.data)).toBe(200);
    expect(read.data.memo.raw).toBe(written.data.memo);
    expect(read.data.memo.raw).toContain(written.data.entry);
    expect(JSON.stringify(read.data.history)).toContain('xiaoli');
  });

  it(
    'when two slots of every job pass, then each job ran once per slot, and xiaoer jobs list on B says by whom',
    async () => {
      const slots = [firstSlot, firstSlot + MINUTE];
      const slotTexts = slots.map((s) => new Date(s).toISOString());
      type Row = { job: string; slot: Date; instance_id: string; outcome: string | null; n: string };
      const rows = await waitFor(
        'every job to have finished both slots',
        async () => {
          const found = await query<Row>(
            `select job, slot, min(instance_id) as instance_id, min(outcome) as outcome, count(*) as n from job_runs
            where slot = any($1::timestamptz[]) and finished_at is not null group by job, slot`,
            [slotTexts],
          );
          return found.length >= MINUTE_JOBS.length * 2 ? found : undefined;
        },
        3.5 * MINUTE,
      );
      const ids = new Set<string>();
      for (const job of MINUTE_JOBS)
        for (const slot of slots) {
          const row = rows.find((r) => r.job === job && r.slot.getTime() === slot);
          expect(row, `${job} at ${new Date(slot).toISOString()}`).toMatchObject({ n: '1' });
          ids.add(row!.instance_id);
        }
      // Both are instances of this test (host:pid:…), the ids the registry holds.
      const pids = [...ids].map((id) => Number(id.split(':').at(-2)));
      expect(
        pids.every((p) => p === a.pid || p === b.pid),
        [...ids].join(', '),
      ).toBe(true);
      // What the instances themselves recorded: one run (ok or failed) of each job per slot, not one on each.
      const records = await query<{ record: { job: string; startedAt: string; outcome: string; reason?: string } }>(
        `select record from store_logs where name = 'job-runs'`,
      );
      for (const job of MINUTE_JOBS)
        for (const slot of slots) {
          const ran = records.filter(({ record: r }) => {
            const at = Date.parse(r.startedAt);
            const isRun = r.outcome === 'ok' || r.outcome === 'failed';
            return r.job === job && r.reason === 'scheduled' && isRun && at >= slot && at < slot + MINUTE;
          });
          // A slot the coordinator settled as skipped (the job still ran from the slot before) was run by nobody.
          const row = rows.find((r) => r.job === job && r.slot.getTime() === slot)!;
          const expected = row.outcome === 'ok' || row.outcome === 'failed' ? 1 : 0;
          expect(ran, `${job} at ${new Date(slot).toISOString()} (${row.outcome})`).toHaveLength(expected);
        }
      await checkJobsListOnB();
    },
    5 * MINUTE,
  );

  /** `xiaoer login --server B` then `xiaoer jobs list --server B`, as an admin at another computer would. */
  async function checkJobsListOnB() {
    const env = {
      ...process.env,
      XDG_CONFIG_HOME: join(root, 'home'),
      XIAOER_DATA_DIR: join(root, 'cli-data'),
      XIAOER_PASSWORD: BOSS.password,
      XIAOER_LOG_LEVEL: 'silent',
    };
    const cli = (args: string[]) =>
      run(process.execPath, [join(ROOT, 'dist/cli/index.js'), ...args], { env, cwd: root });
    const login = await cli(['login', '--server', b.url, '--user', BOSS.username]);
    expect(login.stdout).toContain(`已登录 ${b.url}：店长（boss）`);
    const listed = JSON.parse((await cli(['jobs', 'list', '--server', b.url, '--json'])).stdout) as {
      name: string;
      lastRun: { instanceId?: string; startedAt: string } | null;
    }[];
    for (const job of MINUTE_JOBS)
      expect(listed.find((j) => j.name === job)?.lastRun?.instanceId, job).toMatch(new RegExp(`:(${a.pid}|${b.pid}):`));
    // Both instances answer alike: the last run comes from the shared table, not each one's own memory. Jobs run
    // every minute, so the two lists are read together within one minute, away from its first seconds.
    const tokens = { a: await a.login(BOSS.username, BOSS.password), b: await b.login(BOSS.username, BOSS.password) };
    const [onA, onB] = await waitFor(
      'two lists read within one quiet part of a minute',
      async () => {
        if (Date.now() % MINUTE < 25_000) return undefined;
        const started = Date.now();
        const pair = await Promise.all(
          [a, b].map((i) =>
            i.request<{ jobs: typeof listed }>('GET', '/api/jobs', { token: tokens[i === a ? 'a' : 'b'] }),
          ),
        );
        const sameMinute = Math.floor(started / MINUTE) === Math.floor(Date.now() / MINUTE);
        return sameMinute ? pair.map((res) => res.data.jobs) : undefined;
      },
      2 * MINUTE,
    );
    for (const job of MINUTE_JOBS)
      expect(onA!.find((j) => j.name === job)?.lastRun, job).toEqual(onB!.find((j) => j.name === job)?.lastRun);
    const text = (await cli(['jobs', 'list', '--server', b.url])).stdout;
    expect(text).toContain('所有时间均为北京时间');
    expect(text).toMatch(/发送到期的消息\s+message-dispatch .*实例 /);
  }
});
