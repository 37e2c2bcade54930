/**
 * The admin's access log: every reveal listed newest first with filters, the day's decrypt quota beside it, and the
 * CSV export that Excel opens (BOM, order numbers as text, Chinese columns, no revealed value anywhere).
 */
import { describe, expect, it } from 'vitest';
import { PLAIN, TID, privacyApp, storedOrder } from './support/privacy-app.js';

const OTHER = '4137654321098765499';

async function withHistory() {
  const app = await privacyApp({ orders: [storedOrder(TID), storedOrder(OTHER)] });
  await app.as('azhang').post(`/orders/${TID}/receiver/reveal`, { scene: '1008', reason: '改地址' });
  app.clock.set('2026-11-24T09:30:00+08:00');
  await app.as('admin').post(`/orders/${OTHER}/receiver/reveal`, { scene: '1001', reason: '=补打面单' });
  app.state.quotaSpent = true;
  await app.as('azhang').post(`/orders/${OTHER}/receiver/reveal`, { scene: '1009', reason: '核对姓名' });
  return app;
}

describe('GET /api/privacy/access-log', () => {
  it('when the admin reads it, then every reveal is there newest first, with the quota of today', async () => {
    const app = await withHistory();
    const res = await app.as('admin').get('/privacy/access-log');
    expect(res.status).toBe(200);
    expect(res.body.records.map((r: { scene: string; outcome: string }) => `${r.scene}:${r.outcome}`)).toEqual([
      '1009:quota',
      '1001:shown',
      '1008:shown',
    ]);
    expect(res.body.quota).toEqual({ day: '2026-11-23', used: 3, limit: 1000, exhausted: true });
    expect(JSON.stringify(res.body)).not.toContain(PLAIN.mobile);
  });

  it('when filtered by day, account, order and scene, then only the matching reveals come back', async () => {
    const app = await withHistory();
    const get = async (q: string) =>
      (await app.as('admin').get(`/privacy/access-log?${q}`)).body.records.map((r: { scene: string }) => r.scene);
    expect(await get('from=2026-11-24')).toEqual(['1009', '1001']);
    expect(await get('to=2026-11-23')).toEqual(['1008']);
    expect(await get('username=azhang')).toEqual(['1009', '1008']);
    expect(await get(`tid=${TID}`)).toEqual(['1008']);
    expect(await get('scene=1001')).toEqual(['1001']);
    const bad = await app.as('admin').get('/privacy/access-log?from=24.11.2026');
    expect([bad.status, bad.body.error.field]).toEqual([400, 'from']);
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const none = await app.as('admin').get('/privacy/access-log?to=2026-02-30');
    expect([none.status, none.body.error.field, none.body.error.message]).toEqual([
      400,
      'to',
      '没有 2026-02-30 这一天',
    ]);
  });

  it('when staff, the assistant or the keeper ask for it, then they are refused', async () => {
    const app = await withHistory();
    for (const user of ['xiaoli', 'azhang', 'xiaozhou']) {
      expect((await app.as(user).get('/privacy/access-log')).status).toBe(403);
      expect((await app.as(user).get('/privacy/access-log/export')).status).toBe(403);
      expect((await app.as(user).get('/privacy/decrypt-quota')).status).toBe(403);
    }
  });

  it('when the platform does not say its limit and the configuration does, then the admin sees the configured one', async () => {
    const app = await privacyApp({ dailyLimit: 5000 });
    app.state.limit = null;
    expect((await app.as('admin').get('/privacy/decrypt-quota')).body.quota).toMatchObject({ limit: 5000 });
    app.state.limit = 800;
    expect((await app.as('admin').get('/privacy/decrypt-quota')).body.quota).toMatchObject({ limit: 800 });
  });

  it('when the admin asks for the quota alone, then it is the platform adapter count', async () => {
    const app = await withHistory();
    expect((await app.as('admin').get('/privacy/decrypt-quota')).body.quota).toMatchObject({ used: 3, limit: 1000 });
  });
});

describe('GET /api/privacy/access-log/export', () => {
  it('when exported, then the CSV opens in Excel: BOM, CRLF, Chinese columns, the order number as text, a formula defused', async () => {
    const app = await withHistory();
    const out = await app.as('admin').get('/privacy/access-log/export?username=admin');
    expect(out.status).toBe(200);
    expect(out.headers['content-type']).toMatch(/^text\/csv/);
    expect(out.headers['content-disposition']).toContain('privacy-access-log.csv');
    const text = out.text;
    expect(text.startsWith('\uFEFF时间,账号,姓名,角色,订单号,解密场景,原因,结果\r\n')).toBe(true);
    // The order number as ="…" (quoted, as CSV writes a cell with quotes), so Excel keeps all 19 digits.
    expect(text).toContain(
      `2026-11-24 09:30:00,admin,管理员,管理员,"=""${OTHER}""",1001 顺丰电子面单发货,'=补打面单,已显示`,
    );
    expect(text.trim().split('\r\n')).toHaveLength(2);
    expect(text).not.toContain(PLAIN.name);
  });
});
