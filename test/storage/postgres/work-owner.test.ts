/**
 * Single-owner work on a real PostgreSQL: instances competing for one name under a session advisory lock. Exactly
 * one owns; when the holder's connection dies (its backend terminated, as when its machine is gone) or it stops,
 * another takes over at its next try, and the old holder says at once that it no longer owns.
 */
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOwner } from '../../../src/scheduler/index.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { postgresWorkOwners, workLockText, type PostgresWorkOwner } from '../../../src/storage/postgres/index.js';
import { startPostgres, type TestPostgres } from '../../support/postgres.js';

const RETRY_MS = 500;
let server: TestPostgres;
let admin: pg.Client;
let url: string;
const started: PostgresWorkOwner[] = [];

beforeAll(async () => {
  server = await startPostgres();
  url = await server.createDatabase('owners');
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((o) => o.stop()));
});
afterAll(async () => {
  await admin?.end();
  await server?.stop();
});

/** An instance's owner of `name`; the type-check also holds the PostgreSQL one to the scheduler's port. */
function owner(name = 'orders', at = url): PostgresWorkOwner & { changes: boolean[] } {
  const o: WorkOwner = postgresWorkOwners({ url: at, logger: silentLogger(), retryMs: RETRY_MS })(name);
  const changes: boolean[] = [];
  o.onChange((owned) => changes.push(owned));
  o.start();
  started.push(o);
  return Object.assign(o, { changes });
}

/** Resolves with the ms it took for `o` to report `owned`; fails after 10 s. */
function until(o: WorkOwner, owned: boolean, from = Date.now()): Promise<number> {
  if (o.owns() === owned) return Promise.resolve(Date.now() - from);
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`${o.name} never turned ${owned}`)), 10_000);
    const off = o.onChange((now) => {
      if (now !== owned) return;
      clearTimeout(timeout);
      off();
      resolve(Date.now() - from);
    });
  });
}

/**
 * An instance that does not hold the lock has asked for it (pg_stat_activity shows each connection's last
 * statement): the answer it got was no. Polled, so the test waits for the ask, never for a fixed time.
 */
async function loserAsked(name: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await admin.query<{ n: string }>(
      `select count(*) as n from pg_stat_activity a
        where a.application_name = $1 and a.state = 'idle' and a.query like '%pg_try_advisory_lock%'
          and not exists (select 1 from pg_locks l where l.pid = a.pid and l.locktype = 'advisory')`,
      [`xiaoer work:${name}`],
    );
    if (Number(rows[0]!.n) >= 1) return;
    if (Date.now() > deadline) throw new Error('no instance without the lock has asked for it');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The backend holding the name's lock, as the server sees it. */
async function holderPid(name: string): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>(
    `select l.pid from pg_locks l
      where l.locktype = 'advisory' and l.granted
        and ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended($1, 0)`,
    [workLockText(name)],
  );
  return rows.map((r) => r.pid);
}

/**
 * A forwarder to the database that can go silent: stalled, it passes no byte either way and closes nothing, as a
 * network that stops answering. A side that closes is still passed on (the holder hanging up ends the session).
 */
async function stallingProxy(targetPort: number) {
  let stalled = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (d) => stalled || to.write(d));
      from.on('error', () => undefined);
      from.on('close', () => to.destroy());
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    stall: () => void (stalled = true),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(r));
    },
  };
}

describe('work owner on PostgreSQL', () => {
  it('when two instances compete for one name, then exactly one owns it and the server shows one lock', async () => {
    const a = owner();
    const b = owner();
    await Promise.race([until(a, true), until(b, true)]);
    await loserAsked('orders');
    expect([a.owns(), b.owns()].filter(Boolean)).toHaveLength(1);
    expect(await holderPid('orders')).toHaveLength(1);
    // Another name is another lock: an owner of it owns it beside them.
    const c = owner('reports');
    await until(c, true);
    expect([a.owns(), b.owns()].filter(Boolean)).toHaveLength(1);
  });

  it("when the holder's connection is killed on the server, then it stops owning at once and the other takes over within the retry interval", async () => {
    const a = owner();
    await until(a, true);
    const b = owner();
    await loserAsked('orders');
    expect(b.owns()).toBe(false);
    const [pid] = await holderPid('orders');
    const killedAt = Date.now();
    const lost = until(a, false, killedAt);
    const taken = until(b, true, killedAt);
    await admin.query('select pg_terminate_backend($1)', [pid]);
    const lostMs = await lost;
    const takenMs = await taken;
    expect(lostMs).toBeLessThan(RETRY_MS);
    // b's next try comes at most one interval after the kill; the margin is for a loaded machine.
    expect(takenMs).toBeLessThan(RETRY_MS + 1500);
    // The old holder reconnects and tries again later: it finds the lock taken and stays out.
    await loserAsked('orders');
    expect([a.owns(), b.owns()]).toEqual([false, true]);
    expect(a.changes).toEqual([true, false]);
    console.info(`work owner: lost after ${lostMs} ms, taken over after ${takenMs} ms (retry ${RETRY_MS} ms)`);
  });

  it("when the holder's connection goes silent, then its own check turns it false and the other takes over", async () => {
    const proxy = await stallingProxy(server.port);
    try {
      const a = owner('orders', url.replace(`:${server.port}/`, `:${proxy.port}/`));
      await until(a, true);
      const b = owner();
      await loserAsked('orders');
      const stalledAt = Date.now();
      const lost = until(a, false, stalledAt);
      const taken = until(b, true, stalledAt);
      proxy.stall();
      // Nothing reaches a: only its check every interval (one query timeout, 1 s here) can tell it.
      const lostMs = await lost;
      expect(lostMs).toBeGreaterThanOrEqual(1000);
      expect(lostMs).toBeLessThan(RETRY_MS + 1000 + 1500);
      // Hanging up reaches the server through this forwarder, so the lock is freed and b takes it at its next try
      // (on a network that truly died the server's keepalives end the session instead, in ~25 s).
      await taken;
      expect([a.owns(), b.owns()]).toEqual([false, true]);
    } finally {
      await proxy.close();
    }
  });

  it('when the holder stops, then the lock is freed with its connection and the other owns within the retry interval', async () => {
    const a = owner();
    await until(a, true);
    const b = owner();
    await loserAsked('orders');
    const stoppedAt = Date.now();
    const taken = until(b, true, stoppedAt);
    await a.stop();
    expect(a.owns()).toBe(false);
    expect(a.changes).toEqual([true, false]);
    expect(await taken).toBeLessThan(RETRY_MS + 1500);
    expect(await holderPid('orders')).toHaveLength(1);
  });

  it('when the database cannot be reached, then that instance does not own and nothing throws, while another owns', async () => {
    const down = postgresWorkOwners({
      url: url.replace(`:${server.port}/`, ':1/'),
      logger: silentLogger(),
      retryMs: RETRY_MS,
    })('orders');
    const changes: boolean[] = [];
    down.onChange((o) => changes.push(o));
    down.start();
    started.push(down);
    const up = owner();
    await until(up, true);
    expect(down.owns()).toBe(false);
    expect(changes).toEqual([]);
  });
});
