import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceRig } from '../support/service-rig.js';
import { orderPlacer } from './support/new-order.js';

/**
 * What acts on orders reads the details a message left out before it acts (issue 19): a print batch reads every
 * pending order at its time (readPendingDetails), a job's message reads its order first (readDetailsFirst); a pending
 * order a batch could not read is held with a reason the console reads from /api/labels.
 */
let rig: Awaited<ReturnType<typeof serviceRig>>;
beforeAll(async () => {
  rig = await serviceRig();
});
afterAll(() => rig.close());

const newOrder = orderPlacer(() => rig);

const stored = async (tid: string) => {
  const token = await rig.login('admin');
  const res = await request(rig.svc.url).get(`/api/orders/${tid}`).set('authorization', `Bearer ${token}`);
  return res.body.order ?? res.body;
};

describe('reading pending details before acting on an order', () => {
  it('when a batch asks for every pending order, then each is read now and has its lines', async () => {
    const a = await newOrder();
    expect(a.order).toMatchObject({ items: [] });
    expect(rig.svc.tmc.detailsPending(a.tid)).toBe(true);
    await rig.svc.tmc.readPendingDetails();
    expect(rig.svc.tmc.detailsPending(a.tid)).toBe(false);
    expect((await stored(a.tid)).items.length).toBeGreaterThan(0);
  });

  it('when a job’s message is about a pending order, then that order is read first', async () => {
    const a = await newOrder();
    expect(rig.svc.tmc.detailsPending(a.tid)).toBe(true);
    await rig.svc.tmc.readDetailsFirst(a.tid);
    expect(rig.svc.tmc.detailsPending(a.tid)).toBe(false);
    const calls = rig.svc.outside.platform.stats().calls;
    await rig.svc.tmc.readDetailsFirst(a.tid); // nothing pending: no call
    expect(rig.svc.outside.platform.stats().calls).toBe(calls);
  });

  it('the hold’s reason is served by /api/labels', async () => {
    const token = await rig.login('admin');
    const labels = await request(rig.svc.url).get('/api/labels').set('authorization', `Bearer ${token}`);
    expect(labels.body.printing.holds.details_pending).toBe('商品和收货信息还在从平台读取');
  });
});
