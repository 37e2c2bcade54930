import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_SHARDS, ORDERS } from '../../src/orders/order-repository.js';
import { shardFileName, shardOf } from '../../src/storage/shards.js';
import { serviceRig } from '../support/service-rig.js';

let rig: Awaited<ReturnType<typeof serviceRig>>;
let staff: string;
let keeper: string;
let admin: string;

beforeAll(async () => {
  rig = await serviceRig();
  [staff, keeper, admin] = await Promise.all([rig.login('xiaoli'), rig.login('xiaozhou'), rig.login('admin')]);
}, 60_000);
afterAll(async () => rig.close());

const api = () => request(rig.svc.url);

describe('HTTP API on the sandbox shop', () => {
  it('when /healthz is asked without a token, then it answers with version, platform kind and last sync time', async () => {
    const res = await api().get('/healthz').expect(200);
    expect(res.body).toMatchObject({ ok: true, version: '0.1.0', platform: 'sandbox', logistics: 'sandbox' });
    expect(res.body.lastSync).toMatch(/\+08:00$/);
    expect(res.body.orders).toBe(rig.svc.outside.shop!.size());
  });

  it('when an /api route is called without a token or with a wrong one, then it answers 401 JSON', async () => {
    const none = await api().get('/api/orders').expect(401);
    expect(none.body.error.code).toBe('unauthenticated');
    await api().get('/api/orders').set('authorization', 'Bearer nope').expect(401);
  });

  it('when a request cannot even be read (bad JSON, an unknown charset or encoding, a broken address), then it is a 400 JSON error, never a 500', async () => {
    const staffToken = `Bearer ${staff}`;
    const cases = [
      api().post('/api/session').set('content-type', 'application/json').send('{"username":'),
      api().post('/api/session').set('content-type', 'application/json; charset=latin1').send('{"username":"xiaoli"}'),
      api()
        .post('/api/session')
        .set('content-type', 'application/json')
        .set('content-encoding', 'foo')
        .send('{"username":"xiaoli"}'),
      api().get('/api/orders/%ff').set('authorization', staffToken),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toMatch(/^invalid_(json|request)$/);
    }
  });

  it('when the password is wrong, then login answers 401 and names no user', async () => {
    const res = await api().post('/api/session').send({ username: 'xiaoli', password: 'wrong' }).expect(401);
    expect(res.body.error.message).toMatch(/用户名或密码错误/);
    await api().post('/api/session').send({ username: 'xiaoli' }).expect(400);
  });

  it('when 小丽 logs in, then she gets a token and her display name and role from the account, and can log out', async () => {
    const res = await api().post('/api/session').send({ username: 'xiaoli', password: 'xiaoer-demo' }).expect(201);
    expect(res.body.user).toEqual({ username: 'xiaoli', displayName: '小丽', role: 'staff' });
    await api().get('/api/me').set('authorization', `Bearer ${res.body.token}`).expect(200);
    await api().delete('/api/session').set('authorization', `Bearer ${res.body.token}`).expect(204);
    await api().get('/api/me').set('authorization', `Bearer ${res.body.token}`).expect(401);
  });

  it('when the console logs in, then the session cookie is HttpOnly and SameSite=Strict, and writes with it need the CSRF header', async () => {
    const login = await api().post('/api/session').send({ username: 'xiaoli', password: 'xiaoer-demo' }).expect(201);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/xiaoer_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0]!;
    await api().get('/api/me').set('cookie', cookie).expect(200);
    // A cross-site form post carries the cookie (if the browser sent it) but cannot add our header.
    const forged = await api().delete('/api/session').set('cookie', cookie).expect(403);
    expect(forged.body.error.code).toBe('csrf');
    await api().delete('/api/session').set('cookie', cookie).set('x-xiaoer-csrf', '1').expect(204);
    await api().get('/api/me').set('cookie', cookie).expect(401);
  });

  it('when orders are listed, then they come newest first, paged, with amounts in fen and yuan', async () => {
    const res = await api().get('/api/orders?pageSize=20').set('authorization', `Bearer ${staff}`).expect(200);
    expect(res.body.total).toBe(rig.svc.outside.shop!.size());
    expect(res.body.orders).toHaveLength(20);
    const created = res.body.orders.map((o: { createdAt: string }) => o.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const o = res.body.orders[0];
    expect(Number.isInteger(o.payment)).toBe(true);
    expect(o.paymentYuan).toBe(`${Math.floor(o.payment / 100)}.${String(o.payment % 100).padStart(2, '0')}`);
  });

  it('when orders are filtered by status and buyer, then only matching orders come back', async () => {
    const res = await api()
      .get('/api/orders?status=WAIT_BUYER_PAY&pageSize=200')
      .set('authorization', `Bearer ${staff}`)
      .expect(200);
    expect(res.body.orders.length).toBeGreaterThan(0);
    expect(res.body.orders.every((o: { status: string }) => o.status === 'WAIT_BUYER_PAY')).toBe(true);
    const nick = res.body.orders[0].buyerNick;
    const byNick = await api()
      .get(`/api/orders?buyerNick=${encodeURIComponent(nick)}`)
      .set('authorization', `Bearer ${staff}`)
      .expect(200);
    expect(byNick.body.orders.every((o: { buyerNick: string }) => o.buyerNick.includes(nick))).toBe(true);
    const bad = await api().get('/api/orders?status=PAID').set('authorization', `Bearer ${staff}`).expect(400);
    expect(bad.body.error.field).toBe('status.0');
  });

  it('when staff open an order, then the receiver is masked, for the keeper too (a full one is revealed per order, logged); logistics events come along', async () => {
    const list = await api()
      .get('/api/orders?status=WAIT_BUYER_CONFIRM_GOODS&pageSize=50')
      .set('authorization', `Bearer ${staff}`)
      .expect(200);
    // A buyer at home: one abroad keeps a country code in the mask (+81 ****5678), the shape checked below is mainland.
    const shop = rig.svc.outside.shop!;
    const tid = list.body.orders.find(
      (o: { waybills: string[]; buyerNick: string }) => o.waybills.length && !shop.buyer(o.buyerNick)!.overseas,
    )?.tid as string;
    const asStaff = await api().get(`/api/orders/${tid}`).set('authorization', `Bearer ${staff}`).expect(200);
    const asKeeper = await api().get(`/api/orders/${tid}`).set('authorization', `Bearer ${keeper}`).expect(200);
    expect(asStaff.body.receiverMasked).toBe(true);
    expect(asStaff.body.receiver.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(asKeeper.body.receiverMasked).toBe(true);
    expect(asKeeper.body.receiver.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(asStaff.body.receiverRevealable).toBe(false);
    expect(asKeeper.body.receiverRevealable).toBe(true); // she writes waybills: a logged reveal for a waybill scene
    expect(asStaff.body.tid).toBe(tid);
    expect(asStaff.body.logistics.length).toBeGreaterThan(0);
    expect(asStaff.body.logistics[0].events.length).toBeGreaterThan(0);
  });

  it('when orders are searched by waybill, then the shipped order with that waybill comes back', async () => {
    const list = await api()
      .get('/api/orders?status=WAIT_BUYER_CONFIRM_GOODS&pageSize=50')
      .set('authorization', `Bearer ${staff}`)
      .expect(200);
    const withWaybill = list.body.orders.find((o: { waybills: string[] }) => o.waybills.length);
    const waybill = (withWaybill.waybills[0] as string).split(' ').pop()!;
    const res = await api().get(`/api/orders?waybill=${waybill}`).set('authorization', `Bearer ${staff}`).expect(200);
    expect(res.body.orders.map((o: { tid: string }) => o.tid)).toContain(withWaybill.tid);
    expect(res.body.orders.every((o: { waybills: string[] }) => o.waybills.some((w) => w.endsWith(waybill)))).toBe(
      true,
    );
  });

  it('when an unknown order is asked for, then 404 names it', async () => {
    const res = await api().get('/api/orders/1234567890123456789').set('authorization', `Bearer ${staff}`).expect(404);
    expect(res.body.error.message).toContain('1234567890123456789');
  });

  it('when staff ask to run a sync, then 403; an admin can', async () => {
    await api().post('/api/sync').set('authorization', `Bearer ${staff}`).expect(403);
    const run = await api().post('/api/sync').set('authorization', `Bearer ${admin}`).expect(200);
    expect(run.body.ok).toBe(true);
    expect(run.body.ordersNew).toBe(0);
  });

  it('when the service runs, then the orders are in shard files on disk and the lock names its port for the CLI', async () => {
    await rig.svc.lowdb!.checkpoint();
    const shards = (await readdir(join(rig.dir, 'collections', 'orders'))).sort();
    // One file for every shard that holds an order (a small shop can leave a shard empty), and each
    // order in the file its id hashes to.
    const tids = [...rig.svc.store.all<{ tid: string }>(ORDERS)].map((o) => o.tid);
    expect(shards).toEqual([...new Set(tids.map((tid) => shardFileName(shardOf(tid, ORDER_SHARDS))))].sort());
    let onDisk = 0;
    for (const f of shards) {
      const ids = Object.keys(JSON.parse(await readFile(join(rig.dir, 'collections', 'orders', f), 'utf8')).docs);
      expect(ids.every((tid) => shardFileName(shardOf(tid, ORDER_SHARDS)) === f)).toBe(true);
      onDisk += ids.length;
    }
    expect(onDisk).toBe(rig.svc.outside.shop!.size());
    const lock = JSON.parse(await readFile(join(rig.dir, '.lock'), 'utf8'));
    expect(lock.port).toBe(rig.svc.port);
    expect(lock.pid).toBe(process.pid);
    // The local CLI token works against the API.
    await api().get('/api/me').set('authorization', `Bearer ${lock.token}`).expect(200);
  });

  it('when the console page is served, then it carries a strict CSP that works over plain http on a LAN', async () => {
    const res = await api().get('/').expect(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('when an unknown /api path is asked, then 404 JSON, not the console page', async () => {
    const res = await api().get('/api/nope').set('authorization', `Bearer ${staff}`).expect(404);
    expect(res.body.error.code).toBe('no_route');
  });
});
