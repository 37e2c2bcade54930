import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sandboxTmc, type SandboxTmc } from '../../../src/platform/sandbox/index.js';
import { createSandboxShop, type SandboxShop } from '../../../src/platform/sandbox/shop.js';
import { MESSAGE_TTL_MS, TmcQueue } from '../../../src/platform/sandbox/tmc/queue.js';
import { parseContent } from '../../../src/platform/tmc/index.js';
import { fixedClock, HOUR } from '../../../src/shared/time.js';
import { openLowdbStore, type LowdbStore } from '../../../src/storage/index.js';
import { NOW } from './fixtures.js';
import { connectConsumer, type TestConsumer } from './tmc-client.js';
import { serveTmc } from './tmc-server.js';

/**
 * The sandbox's TMC queue in the shop's own store: a "restart" closes the publisher, the shop and the store, then opens
 * all three again from the same folder, as the service does on start.
 */
let dir: string;
const clock = fixedClock(NOW);
let running: { store: LowdbStore; shop: SandboxShop; tmc: SandboxTmc; url: string; stop(): Promise<void> } | null;
const consumers: TestConsumer[] = [];

async function start() {
  const store = await openLowdbStore({ dir });
  const shop = createSandboxShop({ seed: 4, orders: 200, clock, store });
  const tmc = sandboxTmc(shop, { store, repushDelayMs: 50 });
  const srv = await serveTmc(tmc);
  running = {
    store,
    shop,
    tmc,
    url: srv.url,
    async stop() {
      for (const c of consumers.splice(0)) await c.close();
      tmc.close();
      await srv.close();
      await shop.flush();
      await store.close();
      running = null;
    },
  };
  return running;
}
const consumer = async (url: string) => {
  const c = await connectConsumer(url);
  consumers.push(c);
  return c;
};
const openTids = (shop: SandboxShop, n: number) =>
  shop
    .tradesByCreated(0, NOW, { statuses: new Set(['WAIT_SELLER_SEND_GOODS' as const]) }, { pageNo: 1, pageSize: n })
    .items.map((t) => t.tid);
const memo = (text: string) => (x: { content: string }) => x.content.includes(`"${text}"`);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-sandbox-tmc-'));
  clock.set(NOW);
});
afterEach(async () => {
  await running?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('sandbox TMC queue kept in the sandbox store', () => {
  it('when the service restarts, then messages pushed but not confirmed, and ones never pushed, come again after the consumer reconnects; confirmed ones do not', async () => {
    let s = await start();
    const [a, b, c] = openTids(s.shop, 3);
    const first = await consumer(s.url);
    await s.shop.updateMemo(a!, { memo: '甲' });
    await s.shop.updateMemo(b!, { memo: '乙' });
    const ma = await first.next(memo('甲'));
    const mb = await first.next(memo('乙'));
    first.confirm(mb.id);
    await first.close();
    await s.shop.updateMemo(c!, { memo: '丙' }); // published with nobody connected
    await s.tmc.flush();
    await s.stop();

    s = await start();
    expect(s.tmc.stats().queued).toBe(2);
    const again = await consumer(s.url);
    const ra = await again.next(memo('甲'));
    const rc = await again.next(memo('丙'));
    expect([ra.id, ra.retried, ra.topic, ra.time]).toEqual([ma.id, 1, ma.topic, ma.time]);
    expect(ra.content).toBe(ma.content);
    expect(rc.retried).toBe(0);
    // Ids go on past the old ones: a consumer never sees an id twice for two messages.
    await s.shop.updateMemo(a!, { memo: '丁' });
    const md = await again.next(memo('丁'));
    expect(md.id).toBeGreaterThan(rc.id);
    expect(again.received.map((x) => x.id)).not.toContain(mb.id);
    for (const m of [ra, rc, md]) again.confirm(m.id);
    await vi.waitFor(() => expect(s.tmc.stats().queued).toBe(0));
    await s.tmc.flush();
    await s.stop();

    s = await start();
    expect(s.tmc.stats().queued).toBe(0);
    expect(s.store.count('sandbox.tmc')).toBe(0);
  });

  it('when a message waited unconfirmed for more than three days, then it is dropped from the queue and the store', async () => {
    let s = await start();
    const [a, b] = openTids(s.shop, 2);
    await s.shop.updateMemo(a!, { memo: '旧' });
    clock.advance(MESSAGE_TTL_MS - 60_000);
    await s.shop.updateMemo(b!, { memo: '新' });
    await s.tmc.flush();
    await s.stop();

    clock.advance(120_000); // the first is now three days and a minute old, the second two minutes
    s = await start();
    const c = await consumer(s.url);
    await c.next(memo('新'));
    expect(c.received.some(memo('旧'))).toBe(false);
    await s.tmc.flush();
    expect(s.store.count('sandbox.tmc')).toBe(1);
  });
});

describe('sandbox TMC trace steps across a restart', () => {
  it('when the sandbox was stopped for a day, then its first tick publishes the courier steps taken meanwhile, once', async () => {
    let s = await start();
    for (let h = 1; h <= 12; h++) s.shop.tick(NOW + h * HOUR);
    await s.stop();
    clock.set(NOW + 36 * HOUR);
    s = await start();
    const c = await consumer(s.url);
    s.shop.tick(NOW + 36 * HOUR);
    const expected = [...s.shop.parcels()].flatMap((p) =>
      s.shop
        .trace(p.tid, NOW + 36 * HOUR)!
        .steps.filter((x) => x.at > NOW + 12 * HOUR && x.action !== 'CONSIGN')
        .map((x) => `${p.waybill} ${x.desc}`),
    );
    expect(expected.length).toBeGreaterThan(20);
    const got: string[] = [];
    while (got.length < expected.length) {
      // The shipments of this tick are told too (CONSIGN, with the shipment): the later steps are the ones to count.
      const m = await c.next(
        (x) =>
          x.topic === 'taobao_logistics_LogsticDetailTrace' &&
          x.time > NOW + 12 * HOUR &&
          !x.content.includes('CONSIGN'),
      );
      const content = parseContent(m.content);
      got.push(`${String(content.out_sid)} ${String(content.desc)}`);
    }
    expect(got.sort()).toEqual(expected.sort());
  });
});

describe('sandbox TMC queue bounds', () => {
  it('when more messages wait than the cap, then the oldest are dropped and the store is told', () => {
    const dropped: bigint[] = [];
    const q = new TmcQueue({ sink: { kept: () => undefined, dropped: (id) => dropped.push(id) }, cap: 3 });
    for (let i = 1n; i <= 5n; i++) q.add({ id: i, topic: 't', content: '{}', time: 0, nick: 'n' }, 0);
    expect(q.size).toBe(3);
    expect(dropped).toEqual([1n, 2n]);
    expect(q.due(0, 1000, 10).map((e) => e.msg.id)).toEqual([3n, 4n, 5n]);
  });
});
