/**
 * Two instances of the compiled service on one PostgreSQL database, pointed at one standalone sandbox (issue 20):
 * a job run on either is listed alike by both — over HTTP and by `xiaoer jobs list --server` on a staff computer —
 * with the instance that ran it, so a person reading any instance's list sees who ran each job last.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltSandbox, startSandboxProcess, type SandboxProcess } from '../sandbox-standalone/sandbox-process.js';
import { xiaoer } from '../support/cli.js';
import { startInstance, writeInstanceConfig, type Instance, type StaffLogin } from '../support/instances.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

const admin: StaffLogin = { username: 'laoban', displayName: '老板', role: 'admin', password: 'jobs-list-pass-1' };

let dir: string;
let pg: TestPostgres;
let sandbox: SandboxProcess | undefined;
const instances: Instance[] = [];

interface Listed {
  name: string;
  lastRun: { instanceId: string | null; reason: string; outcome: string } | null;
}

beforeAll(async () => {
  await ensureBuiltSandbox();
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-jobs-list-'));
  pg = await startPostgres();
  const databaseUrl = await pg.createDatabase('shop');
  sandbox = await startSandboxProcess([
    '--port',
    '0',
    '--data',
    join(dir, 'sandbox'),
    '--orders',
    '5',
    '--tick-ms',
    '0',
  ]);
  for (const name of ['A', 'B']) {
    const dataDir = join(dir, name);
    await writeInstanceConfig(dataDir, { sandbox: sandbox.snippet, staff: [admin] });
    // One after the other: two first starts at once would only wait on each other's migrations on two cores.
    instances.push(await startInstance({ name, dataDir, databaseUrl }));
  }
}, 300_000);
afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await sandbox?.interrupt();
  await pg?.stop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

describe('the job list on two instances of one shop', () => {
  it('when A runs one job and B another, then both list each run with the instance that ran it, and so does the CLI', async () => {
    const [a, b] = instances as [Instance, Instance];
    const tokens = [await a.login(admin.username, admin.password), await b.login(admin.username, admin.password)];
    const run = async (i: number, job: string) => {
      const res = await instances[i]!.request<{ run: { instanceId: string; outcome: string } }>(
        'POST',
        `/api/jobs/${job}/run`,
        { token: tokens[i] },
      );
      expect(res.status, JSON.stringify(res.data)).toBe(200);
      return res.data.run.instanceId;
    };
    const byA = await run(0, 'revisit-list');
    const byB = await run(1, 'stuck-parcels');
    expect(byA).not.toBe(byB);
    for (const [i, instance] of instances.entries()) {
      const res = await instance.request<{ jobs: Listed[] }>('GET', '/api/jobs', { token: tokens[i] });
      expect(res.status).toBe(200);
      const last = (job: string) => res.data.jobs.find((j) => j.name === job)?.lastRun;
      expect([last('revisit-list')?.instanceId, last('stuck-parcels')?.instanceId], instance.spec.name).toEqual([
        byA,
        byB,
      ]);
      expect(last('revisit-list')).toMatchObject({ reason: 'manual', outcome: 'ok' });
    }

    // A staff computer: its own home and data folder, logged in to B only.
    const env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XIAOER_SERVER: '' };
    const laptop = join(dir, 'laptop');
    await xiaoer(['login', '--server', b.url, '--user', admin.username], laptop, {
      ...env,
      XIAOER_PASSWORD: admin.password,
    });
    const { stdout } = await xiaoer(['jobs', 'list', '--server', b.url], laptop, env);
    const line = (job: string) => stdout.split('\n').find((l) => l.includes(` ${job} `)) ?? stdout;
    expect(line('revisit-list')).toContain(`  实例 ${byA}`);
    expect(line('stuck-parcels')).toContain(`  实例 ${byB}`);
  }, 180_000);
});
