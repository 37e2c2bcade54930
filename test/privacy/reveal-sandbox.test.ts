/**
 * 查看完整收件人 end to end through the real service and the strict sandbox platform (masked receivers with oaids,
 * taobao.top.oaid.decrypt with its scene table and daily quota): the assistant sees the plain values the platform
 * alone holds, the look is in the admin's access log, and nothing of it reaches a file of xiaoer's data folder.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredOrder } from '../../src/orders/index.js';
import { serviceRig } from '../support/service-rig.js';

type Rig = Awaited<ReturnType<typeof serviceRig>>;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** A synced order with an oaid whose buyer is not under privacy protection (a real mobile comes back). */
function plainOrder(rig: Rig) {
  const shop = rig.svc.outside.shop!;
  const order = [...rig.svc.store.all<StoredOrder>('orders')].find((o) => {
    const t = shop.trade(o.tid);
    return o.receiver.oaid && t && !shop.underPrivacyProtection(t) && shop.plainReceiver(t).mobile;
  })!;
  return { order, plain: shop.plainReceiver(shop.trade(order.tid)!) };
}

describe('reveal through the sandbox platform', () => {
  let rig: Rig;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    rig = await serviceRig({ XIAOER_SANDBOX_ORDERS: '40' });
    for (const u of ['azhang', 'admin']) tokens[u] = await rig.login(u);
  }, 90_000);
  afterAll(async () => rig.close());

  it('when the assistant reveals for a waybill (1001), then the plain receiver comes back, is logged, and no file outside data/sandbox holds it', async () => {
    const { order, plain } = plainOrder(rig);
    expect(order.receiver.mobile).not.toBe(plain.mobile); // stored masked
    const res = await request(rig.svc.url)
      .post(`/api/orders/${order.tid}/receiver/reveal`)
      .set('Authorization', `Bearer ${tokens.azhang}`)
      .send({ scene: '1001', reason: '补打面单' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.receiver).toMatchObject({
      name: plain.name,
      mobile: plain.mobile,
      addressDetail: plain.address,
      privacyProtection: false,
    });

    const log = await request(rig.svc.url)
      .get(`/api/privacy/access-log?tid=${order.tid}`)
      .set('Authorization', `Bearer ${tokens.admin}`)
      .expect(200);
    expect(log.body.records).toMatchObject([{ username: 'azhang', tid: order.tid, scene: '1001', outcome: 'shown' }]);
    expect(log.body.quota).toMatchObject({ used: 1, calls: 1, exhausted: false });

    await rig.svc.store.flush();
    const holding: string[] = [];
    for (const file of await filesUnder(rig.dir)) {
      if (relative(rig.dir, file).startsWith('sandbox')) continue; // the platform's own folder
      const text = await readFile(file, 'utf8');
      if (text.includes(plain.mobile) || text.includes(plain.address)) holding.push(relative(rig.dir, file));
    }
    expect(holding).toEqual([]);
  });

  it('when the buyer is protected, then a waybill reveal gives the privacy number, its extension and its expiry, not the real mobile', async () => {
    const shop = rig.svc.outside.shop!;
    const order = [...rig.svc.store.all<StoredOrder>('orders')].find((o) => {
      const t = shop.trade(o.tid);
      return o.receiver.oaid && t && shop.underPrivacyProtection(t);
    })!;
    const real = shop.plainReceiver(shop.trade(order.tid)!).mobile;
    const res = await request(rig.svc.url)
      .post(`/api/orders/${order.tid}/receiver/reveal`)
      .set('Authorization', `Bearer ${tokens.azhang}`)
      .send({ scene: '1001', reason: '补打面单' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.receiver).toMatchObject({ privacyProtection: true });
    expect(res.body.receiver.mobile).toMatch(/^17[01]\d{8}$/);
    expect(res.body.receiver.mobile).not.toBe(real);
    expect(res.body.receiver.extension).toMatch(/^\d{4}$/);
    expect(res.body.receiver.secretNoExpireAt).toMatch(/\+08:00$/);
  });
});

describe('reveal when the sandbox quota is 0', () => {
  let rig: Rig;
  let token: string;
  beforeAll(async () => {
    rig = await serviceRig({ XIAOER_SANDBOX_ORDERS: '20', XIAOER_SANDBOX_DECRYPT_QUOTA: '0' });
    token = await rig.login('azhang');
  }, 90_000);
  afterAll(async () => rig.close());

  it('when the platform refuses for its quota, then the assistant is told in Chinese, and a second try sends nothing', async () => {
    const { order } = plainOrder(rig);
    const ask = () =>
      request(rig.svc.url)
        .post(`/api/orders/${order.tid}/receiver/reveal`)
        .set('Authorization', `Bearer ${token}`)
        .send({ scene: '1008', reason: '改地址' });
    const first = await ask();
    expect([first.status, first.body.error.code]).toEqual([409, 'decrypt_quota_spent']);
    const calls = rig.svc.outside.platform.stats().calls;
    const second = await ask();
    expect(second.status).toBe(409);
    expect(rig.svc.outside.platform.stats().calls).toBe(calls);
    expect(rig.svc.outside.platform.decryptQuota()).toMatchObject({ exhausted: true, used: 0 });
  });
});
