import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courierCode, createKuaidi100SandboxRouter, createSandboxTracker } from '../../../src/logistics/index.js';
import type { PlatformRefund } from '../../../src/platform/platform-port.js';
import { createSandboxPlatform, createSandboxRouter, createSandboxShop } from '../../../src/platform/sandbox/index.js';
import { DAY, fixedClock, HOUR } from '../../../src/shared/time.js';
import { callTop, topTimestamp } from './third-party-client.js';
import { NOW, sandboxApp } from './fixtures.js';

/** A living shop where a return is asked for on every tick, served over HTTP with its courier. */
async function returnsRig() {
  const clock = fixedClock(NOW);
  const shop = createSandboxShop({
    seed: 5,
    orders: 600,
    clock,
    pace: { newOrders: 0, payments: 0, shipments: 0, deliveries: 0, reviewChance: 0, refundChance: 0, returnChance: 1 },
  });
  const app = express();
  app.use('/sandbox', createSandboxRouter(shop, { clock, sleep: async () => {} }));
  app.use('/sandbox', createKuaidi100SandboxRouter(shop, { clock }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const advance = (ms: number) => {
    clock.set(clock.now() + ms);
    return shop.tick(clock.now());
  };
  return {
    clock,
    shop,
    advance,
    baseUrl,
    platform: createSandboxPlatform({ baseUrl, clock }),
    tracker: createSandboxTracker({ baseUrl, clock }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let rig: Awaited<ReturnType<typeof returnsRig>>;
beforeAll(async () => {
  rig = await returnsRig();
});
afterAll(() => rig.close());

async function refundsSince(start: number): Promise<PlatformRefund[]> {
  const out: PlatformRefund[] = [];
  for await (const page of rig.platform.receivedRefunds({ start, end: rig.clock.now() })) out.push(...page);
  return out;
}

describe('sandbox refunds with goods to return', () => {
  it('when a buyer of a finished trade asks to return it, then the platform lists a return waiting for the seller, without a waybill', async () => {
    const summary = rig.advance(60_000);
    expect(summary.returns.asked).toBe(1);
    const [refund] = await refundsSince(NOW);
    expect(refund).toMatchObject({ status: 'WAIT_SELLER_AGREE', hasGoodReturn: true, goodStatus: 'BUYER_RECEIVED' });
    expect([refund!.companyName, refund!.sid]).toEqual(['', '']);
    expect(refund!.refundFeeFen).toBeGreaterThan(0);
    expect(Number.isInteger(refund!.refundFeeFen)).toBe(true);
    expect(rig.shop.trade(refund!.tid)?.status).toBe('TRADE_FINISHED');
  });

  it('when the seller has agreed and the buyer sends the parcel, then the refund carries the courier and waybill, and the courier carries it to the warehouse until signed', async () => {
    for (let i = 0; i < 12; i++) rig.advance(3 * HOUR);
    for (let i = 0; i < 8; i++) rig.advance(DAY / 2);
    const sent = (await refundsSince(NOW)).filter((r) => r.status === 'WAIT_SELLER_CONFIRM_GOODS' && r.sid);
    expect(sent.length).toBeGreaterThan(1);
    for (const r of sent) {
      expect(r.goodStatus).toBe('BUYER_RETURNED_GOODS');
      expect(courierCode(r.companyName)).toBeDefined();
    }
    // The parcel's fate is the shop's own record: pick one that arrives and one that sits at a hub.
    const fateOf = (r: PlatformRefund) =>
      rig.shop.trade(r.tid)!.lines.find((l) => l.refundId === r.refundId)!.rf!.parcel!.fate;
    const arriving = sent.find((r) => fateOf(r) === 'normal')!;
    const buyerMobile = rig.shop.buyerOf(rig.shop.trade(arriving.tid)!).mobile;
    const company = courierCode(arriving.companyName)!;
    const early = await rig.tracker.track(company, arriving.sid, buyerMobile);
    expect(['collected', 'in_transit', 'dispatching', 'signed']).toContain(early.state);
    expect(early.events.at(-1)!.description).toContain('揽收');
    rig.clock.set(rig.clock.now() + 6 * DAY);
    const later = await rig.tracker.track(company, arriving.sid, buyerMobile);
    expect(later.state).toBe('signed');
    expect(later.events[0]!.location).toBe('杭州市');
  });

  it('when the courier requires a phone, then only the buyer’s or the warehouse’s last four digits are accepted', async () => {
    const r = (await refundsSince(NOW)).find(
      (x) => x.sid && ['shunfeng', 'zhongtong'].includes(courierCode(x.companyName)!),
    );
    expect(r).toBeDefined();
    const company = courierCode(r!.companyName)!;
    // Fresh trackers: a tracker answers a waybill it was just asked about from its own record.
    const fresh = () => createSandboxTracker({ baseUrl: rig.baseUrl, clock: rig.clock });
    await expect(fresh().track(company, r!.sid, '13800000000')).rejects.toThrow();
    const buyer = rig.shop.buyerOf(rig.shop.trade(r!.tid)!).mobile;
    expect((await fresh().track(company, r!.sid, buyer)).waybill).toBe(r!.sid);
    expect((await fresh().track(company, r!.sid, '13958886666')).waybill).toBe(r!.sid);
  });

  it('when nobody confirms the goods for ten days after they were sent, then the platform refunds by itself', async () => {
    rig.advance(11 * DAY);
    const all = await refundsSince(NOW);
    expect(all.some((r) => r.status === 'SUCCESS' && r.sid)).toBe(true);
  });
});

describe('sandbox taobao.refunds.receive.get, as strict as the platform', () => {
  const { app } = sandboxApp();
  const window = { start_modified: topTimestamp(NOW - 30 * DAY), end_modified: topTimestamp(NOW) };

  it('when fields is missing, then the missing-parameter error', async () => {
    const { json } = await callTop(app, NOW, 'taobao.refunds.receive.get', window);
    expect(json.error_response.sub_code).toBe('isv.missing-parameter:fields');
  });

  it('when the status is not one of the platform’s, then invalid parameter', async () => {
    const { json } = await callTop(app, NOW, 'taobao.refunds.receive.get', {
      ...window,
      fields: 'refund_id,status',
      status: 'RETURNING',
    });
    expect(json.error_response.sub_code).toBe('isv.invalid-parameter');
  });

  it('when page_size is over 100, then invalid parameter', async () => {
    const { json } = await callTop(app, NOW, 'taobao.refunds.receive.get', {
      ...window,
      fields: 'refund_id',
      page_size: '101',
    });
    expect(json.error_response.code).toBe(41);
  });

  it('when asked for some fields, then only those come back, ids as bare numbers and fees as yuan text', async () => {
    const { json, text } = await callTop(app, NOW, 'taobao.refunds.receive.get', {
      ...window,
      fields: 'refund_id,tid,refund_fee,status',
      type: 'fixed,step',
    });
    const body = json.refunds_receive_get_response;
    expect(body.total_results).toBeGreaterThan(0);
    const first = body.refunds.refund[0];
    expect(Object.keys(first).sort()).toEqual(['refund_fee', 'refund_id', 'status', 'tid']);
    expect(first.refund_fee).toMatch(/^\d+\.\d{2}$/);
    expect(text).toMatch(/"refund_id":\d{19}/);
  });
});
