// The PostgreSQL figures of issue 20, beside lowdb's, in one run on a 100k-order sandbox shop of their own:
//  - a full sync of the shop into lowdb and into PostgreSQL (each in a fresh process, the store the service opens);
//  - remark writes per second and p99 over the HTTP API with one and with two instances on one database (and one
//    on lowdb for comparison), with the count of acknowledged writes that landed once;
//  - the peak RSS of an instance holding the 100k orders, on PostgreSQL and on lowdb;
//  - the handover report at 100k orders on PostgreSQL (target < 300 ms).
// Run alone: `node bench/postgres-bench.mjs` after `npm run build`; `npm run bench` runs it beside the other figures.
// Where PostgreSQL comes from: bench/pg-database.mjs. Without one, the figures are printed as not measured.
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDatabase } from './pg-database.mjs';
import { BENCH_STAFF, instanceEnv } from './pg-config.mjs';
import { landedOnce, login, writableTids, writeRemarks } from './pg-remarks.mjs';

const NOW = '2026-11-23T10:00:00+08:00';

/** A child that answers once (or is killed after `timeoutS`). */
function once(script, arg, timeoutS) {
  const p = fork(new URL(script, import.meta.url), [JSON.stringify(arg)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`${script} took over ${timeoutS} s`));
    }, timeoutS * 1000);
    p.once('message', (m) => {
      clearTimeout(timer);
      resolve(m);
    });
    p.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before answering`));
    });
  });
}

/** A long-lived child speaking typed messages: the shop or an instance. */
function spawnChild(script, args) {
  const child = fork(new URL(script, import.meta.url), args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  const next = (type, timeoutS = 120) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script}: no ${type} within ${timeoutS} s`)), timeoutS * 1000);
      const h = (m) => {
        if (m.type !== type) return;
        child.off('message', h);
        clearTimeout(timer);
        resolve(m);
      };
      child.on('message', h);
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    });
  const ask = (type, answer = type, timeoutS) => {
    const r = next(answer, timeoutS);
    child.send({ type });
    return r;
  };
  return { child, next, ask, kill: () => child.exitCode === null && child.kill('SIGKILL') };
}

/** Every instance's clock reads `now` at `origin` (the start of this section) and runs on from there. */
let origin = Date.now();

async function startInstance(env, now) {
  const inst = spawnChild('./pg-instance.mjs', [JSON.stringify({ env, now, origin })]);
  const ready = await inst.next('ready', 180);
  return { ...inst, ...ready };
}

async function stopInstance(inst) {
  const stats = await inst.ask('stats');
  await inst.ask('stop', 'stopped', 30).catch(() => inst.kill());
  return stats;
}

export async function benchPostgres({ orders = 100_000, seconds = 10, writers = 16 } = {}) {
  const db = await benchDatabase();
  if (db.why) return { measured: false, why: db.why };
  const now = Date.parse(NOW);
  origin = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'xiaoer-pg-bench-'));
  const shop = spawnChild('./sandbox-server.mjs', [String(orders), NOW]);
  const running = [shop];
  const r = { measured: true, origin: db.origin, settings: db.settings, orders, writers, seconds };
  const t0 = performance.now();
  try {
    const ready = await shop.next('ready', 180);
    const shopUrl = `http://127.0.0.1:${ready.port}`;
    const lowEnv = await instanceEnv({ dir: join(dir, 'lowdb'), shopUrl });
    const pgEnv = (name) => instanceEnv({ dir: join(dir, name), shopUrl, databaseUrl: db.url });
    r.sync = {
      lowdb: await once('./pg-sync-child.mjs', { env: lowEnv, shopUrl, now }, 180),
      postgres: await once('./pg-sync-child.mjs', { env: await pgEnv('pg-sync'), shopUrl, now }, 300),
    };
    const tids = await writableTids(db.url, 900);
    const sets = [tids.slice(0, 300), tids.slice(300, 600), tids.slice(600, 900)];

    // One instance, then a second one on the same database: the same load spread over both.
    const a = await startInstance(await pgEnv('pg-a'), now);
    running.push(a);
    const tokenA = await login(a.url, BENCH_STAFF[0].username);
    const one = await writeRemarks({
      targets: [{ url: a.url, token: tokenA }],
      tids: sets[0],
      seconds,
      writers,
      tag: 'PGA',
    });
    const b = await startInstance(await pgEnv('pg-b'), now);
    running.push(b);
    const tokenB = await login(b.url, BENCH_STAFF[1].username);
    const targets = [
      { url: a.url, token: tokenA },
      { url: b.url, token: tokenB },
    ];
    const two = await writeRemarks({ targets, tids: sets[1], seconds, writers, tag: 'PGB' });
    r.remarks = {
      one: { ...one, landed: await landedOnce({ writes: one.writes, shopUrl, now, databaseUrl: db.url }) },
      two: { ...two, landed: await landedOnce({ writes: two.writes, shopUrl, now, databaseUrl: db.url }) },
    };
    r.handover = { postgres: await a.ask('handover') };
    r.instances = {
      postgres: { openMs: a.openMs, orders: a.orders, ...(await stopInstance(a)) },
      second: { openMs: b.openMs, orders: b.orders, ...(await stopInstance(b)) },
    };

    // The same instance on the lowdb store the sync filled, under the same load: the comparison.
    const l = await startInstance(lowEnv, now);
    running.push(l);
    const tokenL = await login(l.url, BENCH_STAFF[0].username);
    const low = await writeRemarks({
      targets: [{ url: l.url, token: tokenL }],
      tids: sets[2],
      seconds,
      writers,
      tag: 'LOW',
    });
    r.remarks.lowdb = { ...low, landed: await landedOnce({ writes: low.writes, shopUrl, now, databaseUrl: null }) };
    r.handover.lowdb = await l.ask('handover');
    r.instances.lowdb = { openMs: l.openMs, orders: l.orders, ...(await stopInstance(l)) };
  } catch (err) {
    r.failed = String(err?.stack ?? err);
  } finally {
    for (const c of running) c.kill();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  }
  r.totalSeconds = (performance.now() - t0) / 1000;
  r.load = loadavg()[0];
  return r;
}

export { printPostgres } from './pg-print.mjs';

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printPostgres } = await import('./pg-print.mjs');
  const row = (what, value, target = '') => console.log(`  ${what}: ${value}${target ? `   (target ${target})` : ''}`);
  const orders = Number(process.env.BENCH_ORDERS ?? 100_000);
  printPostgres(await benchPostgres({ orders, seconds: Number(process.env.BENCH_PG_SECONDS ?? 10) }), row);
}
