// Where the PostgreSQL figures run: a database of their own, created for this run and dropped after it.
// XIAOER_BENCH_DATABASE_URL names a server to use (its database is only where the new one is created from);
// without it, a throwaway local cluster from the machine's binaries, started and removed by the bench.
// No PostgreSQL at all is not a failure of the bench: the answer says why, and the figures are printed as not measured.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const withDatabase = (url, name) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** The address of a server without any password in it, for the printed lines. */
export const shown = (url) => {
  const u = new URL(url);
  u.password = '';
  return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}`;
};

async function onServer(url, run) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh database on the server at `serverUrl`, with what the figures should say about the server. */
async function freshDatabase(serverUrl, origin, stopServer = async () => undefined) {
  const name = `xiaoer_bench_${process.pid}_${Date.now().toString(36)}`;
  const settings = await onServer(serverUrl, async (c) => {
    await c.query(`create database ${name}`);
    const { rows } = await c.query(
      `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'server_version')`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  });
  return {
    url: withDatabase(serverUrl, name),
    origin,
    settings,
    async drop() {
      await onServer(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).catch(() => undefined);
      await stopServer();
    },
  };
}

/** A bench killed before its end must not leave a server behind on a shared machine (as test/support/postgres.ts). */
function watch(lc, bin, root, data) {
  const q = (x) => `'${x.replace(/'/g, `'\\''`)}'`;
  const stop = [join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'].map(q).join(' ');
  const as = lc.runsAsRoot() ? `runuser -u ${lc.CLUSTER_OS_USER} -- ` : '';
  const script =
    `while kill -0 ${process.pid} 2>/dev/null && [ -d ${q(root)} ]; do sleep 2; done; ` +
    `if [ -d ${q(root)} ]; then ${as}${stop} >/dev/null 2>&1; rm -rf ${q(root)}; fi`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * A throwaway cluster from the machine's binaries (src/storage/postgres/local-cluster.ts), with PostgreSQL's durable
 * defaults (fsync, synchronous commit), as a shop's server runs: lowdb's figures beside it fsync every commit too.
 */
async function localCluster() {
  let lc;
  try {
    lc = await import('../dist/storage/postgres/local-cluster.js');
  } catch (err) {
    return { why: `dist/storage/postgres/local-cluster.js did not load (${err?.message ?? err})` };
  }
  const { found, candidates } = lc.locatePostgresBinaries();
  if (!found) return { why: `no PostgreSQL binaries (initdb, postgres, pg_ctl) in ${candidates.join(', ')}` };
  const root = await mkdtemp(join(tmpdir(), 'xiaoer-bench-pg-'));
  const data = join(root, 'data');
  const stop = async () => {
    await lc.stopCluster(found, data, 'immediate').catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  };
  try {
    await lc.ownByCluster(root);
    await lc.initCluster(found, data, { sync: false });
    const port = await lc.freePort();
    await lc.startCluster({ bin: found, data, port, logFile: join(root, 'log'), socketDir: root });
    watch(lc, found, root, data);
    return { cluster: { url: lc.localClusterUrl(port, 'postgres'), stop } };
  } catch (err) {
    await stop();
    return { why: `no local PostgreSQL could be started: ${String(err?.message ?? err).split('\n')[0]}` };
  }
}

/** `{ url, origin, settings, drop() }`, or `{ why }` when there is no PostgreSQL to measure on. */
export async function benchDatabase(env = process.env) {
  const given = env.XIAOER_BENCH_DATABASE_URL?.trim();
  if (given) {
    try {
      return await freshDatabase(given, `XIAOER_BENCH_DATABASE_URL (${shown(given)})`);
    } catch (err) {
      return { why: `XIAOER_BENCH_DATABASE_URL ${shown(given)} did not answer: ${err?.message ?? err}` };
    }
  }
  const local = await localCluster();
  if (!local.cluster) return { why: local.why };
  const c = local.cluster;
  try {
    return await freshDatabase(c.url, `a throwaway local cluster (${shown(c.url)})`, () => c.stop());
  } catch (err) {
    await c.stop().catch(() => undefined);
    return { why: `the local cluster did not take a database: ${err?.message ?? err}` };
  }
}
