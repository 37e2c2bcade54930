/**
 * The composition root's single-owner work (issue 20): the order sync job and the message channel's consumer run
 * only on the instance that owns them. Wired as start-service wires them (lowdb, the sandbox with its channel on
 * the service's own port), with an owner the test hands over and takes back.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { loadTemplates } from '../../src/messaging/templates/index.js';
import { ORDER_COLLECTION, ORDERS } from '../../src/orders/index.js';
import type { ShopPlatform } from '../../src/platform/index.js';
import type { WorkOwner } from '../../src/scheduler/index.js';
import { connectOutside } from '../../src/service/outside.js';
import { wireDomains, type Domains } from '../../src/service/wire-domains.js';
import { silentLogger } from '../../src/shared/logger.js';
import { packageInfo } from '../../src/shared/package-info.js';
import { systemClock } from '../../src/shared/time.js';
import { openLowdbStore } from '../../src/storage/index.js';
import { ROOT } from '../support/service-rig.js';

/** An owner the test hands the work to and takes it back from, as the PostgreSQL lock would. */
function handedOwner() {
  let owned = false;
  const listeners = new Set<(owned: boolean) => void>();
  const owner: WorkOwner & { hand(to: boolean): void } = {
    name: '',
    owns: () => owned,
    start: () => undefined,
    stop: async () => undefined,
    onChange(l) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    hand(to) {
      owned = to;
      for (const l of listeners) l(to);
    },
  };
  return owner;
}

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** The service's pieces as start-service opens them, with every platform call and channel connection counted. */
async function instance(owner: WorkOwner) {
  const dir = await mkdtemp(join(tmpdir(), 'xiaoer-owner-'));
  closers.push(() => rm(dir, { recursive: true, force: true }));
  const config = loadConfig(
    { XIAOER_DATA_DIR: dir, PORT: '0', XIAOER_SANDBOX_ORDERS: '60', XIAOER_SANDBOX_TICK_MS: '0' },
    ROOT,
  );
  const logger = silentLogger();
  const store = await openLowdbStore({ dir, collections: { [ORDERS]: ORDER_COLLECTION }, logger });
  closers.push(() => store.close());
  let handler: RequestListener = (_req, res) => res.writeHead(503).end();
  // What the owner said at each connection the channel received: a connection while not owning is the failure.
  const connectedWhileOwning: boolean[] = [];
  let upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean = () => false;
  const server = createServer((req, res) => handler(req, res));
  server.on('upgrade', (req, socket, head) => {
    connectedWhileOwning.push(owner.owns());
    if (!upgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise((r) => (server.closeAllConnections(), server.close(r))));
  const selfUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const outside = await connectOutside(config, { selfUrl, clock: systemClock, logger });
  closers.push(() => outside.close());
  upgrade = outside.upgrade;
  const calls: string[] = [];
  const platform = new Proxy(outside.platform, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (
        calls.push(String(key)),
        (value as (...a: unknown[]) => unknown).apply(target, args)
      );
    },
  }) as ShopPlatform;
  const domains: Domains = await wireDomains({
    config,
    store,
    outside: { ...outside, platform },
    templates: await loadTemplates(packageInfo.templatesDir),
    clock: systemClock,
    logger,
    runJobs: false,
    workOwners: () => owner,
  });
  closers.push(() => domains.scheduler.stop());
  handler = domains.app;
  domains.tmc.start();
  closers.push(() => domains.tmc.stop());
  return { domains, calls, connectedWhileOwning };
}

/** Polls the consumer's own status until it is (dis)connected; fails after 10 s. */
async function channel(d: Domains, connected: boolean) {
  const deadline = Date.now() + 10_000;
  while (d.tmc.consumer!.status().connected !== connected) {
    if (Date.now() > deadline) throw new Error(`the channel never turned ${connected ? 'connected' : 'off'}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('single-owner work in the composition root', () => {
  it('when another instance owns the orders, then the order sync asks the platform nothing and the channel stays off; handed over, both start', async () => {
    const owner = handedOwner();
    const { domains, calls, connectedWhileOwning } = await instance(owner);
    calls.length = 0;
    const skipped = await domains.scheduler.runNow('order-sync');
    expect(skipped).toMatchObject({ outcome: 'skipped-not-owner', counts: {} });
    expect(calls).toEqual([]);
    expect(domains.tmc.health()).toEqual({ enabled: true, connected: false, elsewhere: true });

    owner.hand(true);
    await channel(domains, true);
    const ran = await domains.scheduler.runNow('order-sync');
    expect(ran.outcome).toBe('ok');
    expect(calls.length).toBeGreaterThan(0);
    expect(domains.tmc.health()).toMatchObject({ enabled: true, connected: true });

    // Lost again (the database connection dropped): the channel is let go for the new owner.
    owner.hand(false);
    await channel(domains, false);
    expect(connectedWhileOwning.length).toBeGreaterThan(0);
    expect(connectedWhileOwning.every(Boolean)).toBe(true);
    calls.length = 0;
    expect((await domains.scheduler.runNow('order-sync')).outcome).toBe('skipped-not-owner');
    expect(calls).toEqual([]);
  });
});
