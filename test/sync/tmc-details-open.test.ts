import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceRig } from '../support/service-rig.js';
import { orderPlacer } from './support/new-order.js';

/**
 * Issue 19 on the default sandbox: a new order shows the moment its TradeCreate is applied, before its lines are read
 * (the batch read comes every sync.tmcDetailsSeconds); a person who opens it meanwhile gets it read at once.
 */
let rig: Awaited<ReturnType<typeof serviceRig>>;
beforeAll(async () => {
  rig = await serviceRig();
});
afterAll(() => rig.close());

const newOrder = orderPlacer(() => rig);

describe('a new order opened before its details were read', () => {
  it('when someone opens an order whose lines are still to be read, then GET /api/orders/:tid reads it at once and shows its lines', async () => {
    const token = await rig.login('admin');
    const a = await newOrder();
    expect(a.order).toMatchObject({ items: [] }); // shown from the message: no lines yet
    expect(rig.svc.tmc.detailsPending(a.tid)).toBe(true);

    const calls = rig.svc.outside.platform.stats().calls;
    const res = await request(rig.svc.url).get(`/api/orders/${a.tid}`).set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const body = res.body.order ?? res.body;
    expect(body.items.length).toBeGreaterThan(0);
    expect(res.body.detailsPending).toBeUndefined();
    expect(rig.svc.outside.platform.stats().calls).toBe(calls + 1); // one trade.fullinfo.get
    expect(rig.svc.tmc.detailsPending(a.tid)).toBe(false);
  });

  it('when that read fails, then the order shows what the message said and says in Chinese that its details are being read', async () => {
    const token = await rig.login('admin');
    const a = await newOrder();
    const platform = rig.svc.outside.platform as { getOrder: (...args: unknown[]) => Promise<unknown> };
    const real = platform.getOrder;
    platform.getOrder = async () => {
      throw new Error('socket hang up');
    };
    try {
      const res = await request(rig.svc.url).get(`/api/orders/${a.tid}`).set('authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ detailsPending: true, status: a.order!.status });
    } finally {
      platform.getOrder = real;
    }
    const labels = await request(rig.svc.url).get('/api/labels').set('authorization', `Bearer ${token}`);
    expect(labels.body.tmc.detailsPending).toMatch(/正在从平台读取/);
  });
});
