// Where the PostgreSQL figures run: a database of their own, created for this run and dropped after it.
// XIAOER_BENCH_DATABASE_URL names a server to use (its database is only where the new one is created from);
// without it, a throwaway local cluster from the machine's binaries, when the project can start one from dist/.
// No PostgreSQL at all is not a failure of the bench: the answer says why, and the figures are printed as not measured.
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

/** A throwaway local cluster, when dist/ has the project's way to start one (src/storage/postgres/local-cluster.ts). */
async function localCluster() {
  let mod;
  try {
    mod = await import('../dist/storage/postgres/local-cluster.js');
  } catch {
    return {
      why: 'dist/ has no local cluster (src/storage/postgres/local-cluster.ts) and XIAOER_BENCH_DATABASE_URL is unset',
    };
  }
  const start = mod.startLocalPostgres ?? mod.startPostgres ?? mod.startLocalCluster;
  if (typeof start !== 'function')
    return { why: 'dist/storage/postgres/local-cluster.js starts no cluster the bench knows' };
  try {
    const cluster = await start();
    return { cluster };
  } catch (err) {
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
