/**
 * `npm run start:pg` as a person runs it (scripts/start-pg.mjs over the build): a local PostgreSQL kept in the data
 * folder's postgres/, the database xiaoer, the service on it; Ctrl-C (SIGINT to the terminal's whole foreground
 * group) stops the service, then the cluster; the next run starts the same cluster with what it holds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopCluster } from '../../src/storage/postgres/local-cluster.js';
import { processGone, waitFor } from '../support/instances.js';
import { findPostgresBinaries } from '../support/postgres.js';
import { ROOT } from '../support/service-rig.js';

interface StartPg {
  child: ChildProcess;
  output(): string;
  /** The port the service printed. */
  servicePort: number;
  /** Ctrl-C: SIGINT to the whole process group, as a terminal sends it; resolves with the exit code. */
  interrupt(): Promise<number | null>;
}

async function startPg(cwd: string): Promise<StartPg> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start-pg.mjs')], {
    cwd,
    // Its own process group, as a terminal gives a command: the group is what Ctrl-C reaches.
    detached: true,
    env: {
      ...process.env,
      PORT: '0',
      XIAOER_SANDBOX_ORDERS: '120',
      XIAOER_SANDBOX_TICK_MS: '0',
      XIAOER_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s));
  const servicePort = await waitFor(
    'start:pg to serve',
    async () => {
      if (child.exitCode !== null) throw new Error(`start:pg exited with ${child.exitCode}:\n${out}`);
      const m = /is serving at http:\/\/localhost:(\d+)/.exec(out);
      return m ? Number(m[1]) : undefined;
    },
    120_000,
  );
  return {
    child,
    output: () => out,
    servicePort,
    async interrupt() {
      process.kill(-child.pid!, 'SIGINT');
      return processGone(child);
    },
  };
}

async function orderCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('select count(*) as n from orders')).rows[0]!.n);
  } finally {
    await client.end();
  }
}

describe('npm run start:pg', () => {
  let root: string;
  let first: StartPg;
  const clusterDir = () => join(root, 'data', 'postgres');

  beforeAll(async () => {
    // As a repository is: open to others, so that as root the server's user (nobody) can get into data/.
    root = await mkdtemp(join(tmpdir(), 'xiaoer-start-pg-'));
    await chmod(root, 0o755);
    first = await startPg(root);
  }, 180_000);

  afterAll(async () => {
    if (first && first.child.exitCode === null) await first.interrupt();
    await stopCluster(findPostgresBinaries(), clusterDir(), 'immediate').catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  });

  const urlIn = (out: string) => /XIAOER_DATABASE_URL=(postgres:\/\/\S+)/.exec(out)?.[1];

  it('when first run, then it makes the cluster in data/postgres, creates xiaoer and serves the shop from it', async () => {
    const out = first.output();
    expect(out).toContain('正在准备本机 PostgreSQL（数据保存在 data/postgres/）');
    expect(out).toContain('第一次使用：正在初始化数据库集群');
    expect(out).toMatch(/PostgreSQL 已启动，端口 \d+。/);
    expect(out).toContain('已创建数据库 xiaoer。');
    expect(out).toContain('按 Ctrl-C 停止小二服务和 PostgreSQL。');
    expect(existsSync(join(clusterDir(), 'PG_VERSION'))).toBe(true);
    const url = urlIn(out)!;
    expect(url).toMatch(/^postgres:\/\/xiaoer@127\.0\.0\.1:\d+\/xiaoer$/);
    const login = await axios.post(
      `http://127.0.0.1:${first.servicePort}/api/session`,
      { username: 'xiaoli', password: 'xiaoer-demo' },
      { proxy: false },
    );
    expect(login.status).toBe(201);
    // The embedded sandbox's orders reach the database (the instance owning the sync syncs at start).
    expect(await waitFor('the orders in PostgreSQL', async () => ((await orderCount(url)) >= 120 ? true : undefined)));
  });

  it('when Ctrl-C is pressed, then the service stops first and the cluster after it, and the next run keeps the shop', async () => {
    const url = urlIn(first.output())!;
    expect(await first.interrupt()).toBe(0);
    const out = first.output();
    // The service had finished its writes before the cluster was told to stop.
    expect(out.indexOf('finishing writes and stopping')).toBeLessThan(out.indexOf('正在停止 PostgreSQL…'));
    expect(out).toContain('PostgreSQL 已停止。数据保留在 data/postgres/，下次 npm run start:pg 接着用。');
    await expect(orderCount(url)).rejects.toThrow();
    expect(existsSync(join(clusterDir(), 'postmaster.pid'))).toBe(false);

    first = await startPg(root);
    const again = first.output();
    expect(again).not.toContain('第一次使用');
    expect(again).not.toContain('已创建数据库');
    expect(urlIn(again)).toBe(url);
    expect(await orderCount(url)).toBeGreaterThanOrEqual(120);
  }, 180_000);
});
