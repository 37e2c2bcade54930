import { afterEach, describe, expect, it } from 'vitest';
import { sandboxTmc, type SandboxTmc } from '../../../src/platform/sandbox/index.js';
import { createSandboxShop } from '../../../src/platform/sandbox/shop.js';
import { tradeEvents } from '../../../src/platform/sandbox/tmc/events.js';
import { TRACE_SPAN_MS } from '../../../src/platform/sandbox/trace.js';
import { pay, ship } from '../../../src/platform/sandbox/transitions.js';
import { parseContent } from '../../../src/platform/tmc/index.js';
import { DAY, fixedClock, formatTopTime, HOUR } from '../../../src/shared/time.js';
import { NOW } from './fixtures.js';
import { connectConsumer, type TestConsumer } from './tmc-client.js';
import { serveTmc } from './tmc-server.js';

const TRACE = 'taobao_logistics_LogsticDetailTrace';
/** The fields the platform documents for the message (tmc.js types/taobao.d.ts, LogsticDetailTrace). */
const FIELDS = ['action', 'company_name', 'desc', 'out_sid', 'tid', 'time'];
const ACTIONS = ['CREATE', 'CONSIGN', 'GOT', 'ARRIVAL', 'DEPARTURE', 'SIGNED', 'SENT_SCAN', 'FAILED', 'LOST'];
const DOCUMENTED = new Set([...ACTIONS, 'SENT_CITY', 'TO_EMS', 'OTHER']);

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function living(seed: number) {
  const shop = createSandboxShop({ seed, orders: 300, clock: fixedClock(NOW) });
  const tmc: SandboxTmc = sandboxTmc(shop, { repushDelayMs: 50 });
  const srv = await serveTmc(tmc);
  cleanup.push(srv.close, () => tmc.close());
  const c: TestConsumer = await connectConsumer(srv.url);
  cleanup.push(c.close);
  return { shop, c };
}

describe('sandbox TMC: the courier trace steps', () => {
  it('when the living shop moves on for five days, then every new step of every parcel is published once, as trace.search shows it, with only the documented fields', async () => {
    const { shop, c } = await living(5);
    const end = NOW + 5 * DAY;
    for (let at = NOW + 3 * HOUR; at <= end; at += 3 * HOUR) shop.tick(at);
    // What the platform's trace shows for every parcel by the end, for the steps taken after the shop began to live.
    const expected: string[] = [];
    for (const p of shop.parcels()) {
      for (const s of shop.trace(p.tid, end)!.steps)
        if (s.at > NOW) expected.push(`${p.waybill} ${formatTopTime(s.at)} ${s.desc}`);
    }
    expect(expected.length).toBeGreaterThan(100);
    const got: string[] = [];
    const actions = new Set<string>();
    for (let i = 0; i < expected.length; i++) {
      const m = await c.next((x) => x.topic === TRACE);
      const content = parseContent(m.content);
      expect(Object.keys(content).sort()).toEqual(FIELDS);
      expect(DOCUMENTED.has(String(content.action))).toBe(true);
      expect(shop.trace(String(content.tid), end)!.parcel.waybill).toBe(content.out_sid);
      expect(formatTopTime(m.time)).toBe(content.time);
      actions.add(String(content.action));
      got.push(`${String(content.out_sid)} ${String(content.time)} ${String(content.desc)}`);
    }
    expect(got.sort()).toEqual(expected.sort());
    // Collected, in transit, out for delivery, signed, and trouble (refused or undeliverable, then sent back).
    expect([...actions].sort()).toEqual([
      'ARRIVAL',
      'CONSIGN',
      'DEPARTURE',
      'FAILED',
      'GOT',
      'OTHER',
      'SENT_SCAN',
      'SIGNED',
    ]);
    await expect(c.next((x) => x.topic === TRACE, 300)).rejects.toThrow(/no matching/);
  });

  it('when ticks come often, then a step is published by the tick that passes it, with its own time, and only once', async () => {
    const { shop, c } = await living(9);
    const p = [...shop.parcels()].find((x) => shop.trace(x.tid, NOW + 4 * DAY)!.steps.some((s) => s.at > NOW))!;
    const next = shop.trace(p.tid, NOW + 4 * DAY)!.steps.find((s) => s.at > NOW)!;
    const isIt = (x: { topic: string; content: string }) =>
      x.topic === TRACE && x.content.includes(`"out_sid":"${p.waybill}"`) && x.content.includes(next.desc);
    shop.tick(next.at - 1000);
    shop.tick(next.at);
    const m = await c.next(isIt);
    expect(m.time).toBe(next.at);
    shop.tick(next.at + 1000);
    // Messages come oldest first: a second copy of the step would come before this later memo's message.
    await shop.updateMemo(p.tid, { memo: '标记' });
    await c.next((x) => x.content.includes('标记'));
    expect(c.received.filter(isIt)).toHaveLength(1);
  });

  it("when parcels are looked for new steps, then no parcel's trace goes on past TRACE_SPAN_MS after its consign", () => {
    const shop = createSandboxShop({ seed: 11, orders: 1500, clock: fixedClock(NOW) });
    const spans = [...shop.parcels()].map((p) => shop.trace(p.tid, NOW + 60 * DAY)!.steps.at(-1)!.at - p.consignedAt);
    expect(spans.length).toBeGreaterThan(500);
    expect(Math.max(...spans)).toBeLessThanOrEqual(TRACE_SPAN_MS);
  });

  it('when a trade ships, then the CONSIGN message carries the waybill and the courier name a consumer needs, in the words of trace.search', () => {
    const shop = createSandboxShop({ seed: 3, orders: 200, clock: fixedClock(NOW) });
    const t = structuredClone(
      shop.tradesByCreated(0, NOW, { statuses: new Set(['WAIT_BUYER_PAY' as const]) }, { pageNo: 1, pageSize: 1 })
        .items[0]!,
    );
    pay(t, NOW + 1000);
    const before = structuredClone(t);
    ship(t, { company: 'yuantong', waybill: 'YT1234567890', fate: 'normal' }, NOW + 2000);
    const trace = tradeEvents(before, t, shop).find((e) => e.topic === TRACE)!;
    expect(trace.content).toEqual({
      tid: BigInt(t.tid),
      action: 'CONSIGN',
      company_name: '圆通速递',
      out_sid: 'YT1234567890',
      desc: '卖家已发货，圆通速递运单号 YT1234567890',
      time: formatTopTime(NOW + 2000),
    });
  });
});
