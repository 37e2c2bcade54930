/**
 * 查看完整收件人 through the real HTTP app: who may reveal, what a scene shows, that every attempt is in the access log
 * (without the values) before the answer leaves, and what a spent quota or a stale oaid does.
 */
import { describe, expect, it } from 'vitest';
import { PLAIN, TID, privacyApp, storedOrder } from './support/privacy-app.js';

const reveal = (scene: string, reason = '买家要改地址，核对门牌号') => ({ scene, reason });
const path = `/orders/${TID}/receiver/reveal`;

describe('POST /api/orders/:tid/receiver/reveal', () => {
  it('when the assistant reveals for 改地址 (1008), then the address comes back once, not the name or mobile, and the log has who, which order, which scene and why', async () => {
    const app = await privacyApp();
    const res = await app.as('azhang').post(path, reveal('1008'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.receiver).toMatchObject({
      tid: TID,
      scene: '1008',
      sceneLabel: '改地址',
      addressDetail: PLAIN.addressDetail,
      district: PLAIN.district,
    });
    expect(res.body.receiver).not.toHaveProperty('name');
    expect(res.body.receiver).not.toHaveProperty('mobile');
    expect(app.calls).toEqual([{ items: [{ tid: TID, oaid: 'oaid-now' }], scene: '1008' }]);

    const [record, ...more] = await app.privacy.log.list();
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      at: '2026-11-23T10:00:00.000+08:00',
      username: 'azhang',
      displayName: '阿张',
      role: 'assistant',
      tid: TID,
      scene: '1008',
      reason: '买家要改地址，核对门牌号',
      outcome: 'shown',
    });
    expect(JSON.stringify(record)).not.toContain(PLAIN.addressDetail);
  });

  it('when the admin reveals for a waybill scene (1001), then name, mobile and address come back', async () => {
    const app = await privacyApp();
    const res = await app.as('admin').post(path, reveal('1001', '补打面单'));
    expect(res.body.receiver).toMatchObject({
      name: PLAIN.name,
      mobile: PLAIN.mobile,
      addressDetail: PLAIN.addressDetail,
    });
  });

  it('when 查看收件人姓名 (1009) is asked, then only the name comes back', async () => {
    const app = await privacyApp();
    const res = await app.as('azhang').post(path, reveal('1009', '核对收件人'));
    expect(res.body.receiver.name).toBe(PLAIN.name);
    expect(Object.keys(res.body.receiver)).not.toContain('addressDetail');
  });

  it('when staff ask, then they are refused and the platform is not asked', async () => {
    const app = await privacyApp();
    const res = await app.as('xiaoli').post(path, reveal('1001'));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/没有这个操作的权限/);
    expect(app.calls).toEqual([]);
    expect(await app.privacy.log.list()).toEqual([]);
  });

  it("when the keeper writes a waybill (1001) or checks the name (1009), then she sees the scene's fields and the log names her", async () => {
    const app = await privacyApp();
    const waybill = await app.as('xiaozhou').post(path, reveal('1001', '汇款订单写面单'));
    expect(waybill.status, JSON.stringify(waybill.body)).toBe(200);
    expect(waybill.body.receiver).toMatchObject({
      name: PLAIN.name,
      mobile: PLAIN.mobile,
      addressDetail: PLAIN.addressDetail,
    });
    const name = await app.as('xiaozhou').post(path, reveal('1009', '核对汇款人和收件人'));
    expect(name.body.receiver.name).toBe(PLAIN.name);
    expect((await app.privacy.log.list()).map((r) => [r.username, r.role, r.scene, r.outcome])).toEqual([
      ['xiaozhou', 'keeper', '1009', 'shown'], // newest first, as the admin reads it
      ['xiaozhou', 'keeper', '1001', 'shown'],
    ]);
  });

  it("when the keeper asks for 改地址 (1008), then it is a 400 on the scene and nothing is decrypted (an address change is the assistant's task)", async () => {
    const app = await privacyApp();
    const res = await app.as('xiaozhou').post(path, reveal('1008'));
    expect([res.status, res.body.error.field, res.body.error.message]).toEqual([400, 'scene', '请选择查看用途']);
    expect(app.calls).toEqual([]);
    expect(await app.privacy.log.list()).toEqual([]);
  });

  it('when the scene is a message scene (2002) or the reason is missing, then it is a 400 naming the field, nothing decrypted', async () => {
    const app = await privacyApp();
    const sms = await app.as('azhang').post(path, reveal('2002'));
    expect([sms.status, sms.body.error.field, sms.body.error.message]).toEqual([400, 'scene', '请选择查看用途']);
    const noReason = await app.as('azhang').post(path, { scene: '1008', reason: '  ' });
    expect([noReason.status, noReason.body.error.field]).toEqual([400, 'reason']);
    expect(app.calls).toEqual([]);
  });

  it('when the order is unknown, then it is a 404 in Chinese', async () => {
    const app = await privacyApp();
    const res = await app.as('azhang').post('/orders/1234567890123456789/receiver/reveal', reveal('1008'));
    expect([res.status, res.body.error.message]).toEqual([404, '没有找到订单 1234567890123456789']);
  });

  it("when the day's quota is spent, then it is a 409 saying so in Chinese, and the attempt is logged as such", async () => {
    const app = await privacyApp();
    app.state.quotaSpent = true;
    const res = await app.as('azhang').post(path, reveal('1008'));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'decrypt_quota_spent',
      message: '今天的收件人解密额度已用完，明天 0 点以后才能再查看',
    });
    expect((await app.privacy.log.list()).map((r) => r.outcome)).toEqual(['quota']);
  });

  it('when the stored oaid is stale (the buyer changed the address), then the order is read again and its new oaid decrypted', async () => {
    const app = await privacyApp({ orders: [storedOrder(TID, 'oaid-old')] });
    const res = await app.as('azhang').post(path, reveal('1008'));
    expect(res.status).toBe(200);
    expect(app.reads).toEqual([TID]);
    expect(app.calls.map((c) => c.items[0]!.oaid)).toEqual(['oaid-old', 'oaid-now']);
  });

  it('when the stored order has no oaid yet, then the platform order gives it', async () => {
    const app = await privacyApp({ orders: [storedOrder(TID, undefined)] });
    const res = await app.as('azhang').post(path, reveal('1009', '核对收件人'));
    expect(res.status).toBe(200);
    expect(app.calls.map((c) => c.items[0]!.oaid)).toEqual(['oaid-now']);
  });

  it('when the reason holds a phone number, then the log keeps it masked', async () => {
    const app = await privacyApp();
    await app.as('azhang').post(path, reveal('1008', '买家来电 13987654321 要改地址'));
    const [record] = await app.privacy.log.list();
    expect(record!.reason).toBe('买家来电 139****4321 要改地址');
  });
});
