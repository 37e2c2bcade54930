/**
 * The buyer desk through the real service (login, role table, error table) on a synced sandbox shop: search by part
 * of a nick, a waybill and a phone's last four digits; a buyer's JSON with orders, remarks, a complaint among the open
 * problems and the opt-out; the profile with who changed it; the receiver by role; an unknown nick in Chinese.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/orders/index.js';
import { serviceRig } from '../support/service-rig.js';

let rig: Awaited<ReturnType<typeof serviceRig>>;
const tokens: Record<string, string> = {};
let order: Order;

const as = (user: string) => ({
  get: (path: string) => request(rig.svc.url).get(`/api${path}`).set('Authorization', `Bearer ${tokens[user]}`),
  post: (path: string, body: object = {}) =>
    request(rig.svc.url).post(`/api${path}`).set('Authorization', `Bearer ${tokens[user]}`).send(body),
  put: (path: string, body: object = {}) =>
    request(rig.svc.url).put(`/api${path}`).set('Authorization', `Bearer ${tokens[user]}`).send(body),
});
/** The buyer's mobile as the sandbox platform holds it in plain text. */
const plainMobile = () => rig.svc.outside.shop!.buyer(order.buyerNick)!.mobile;
const nickPath = (nick: string) => `/buyers/${encodeURIComponent(nick)}`;

beforeAll(async () => {
  rig = await serviceRig();
  for (const u of ['xiaoli', 'azhang', 'xiaozhou']) tokens[u] = await rig.login(u);
  // An order with a waybill and a mainland mobile (masked by the platform: 138****5678), whose buyer's nick is long
  // enough to search by a part of it.
  const shop = rig.svc.outside.shop!;
  order = [...rig.svc.store.all<Order>('orders')].find(
    (o) =>
      o.items.some((i) => i.invoiceNo) &&
      !shop.buyer(o.buyerNick)!.overseas &&
      /\d{4}$/.test(o.receiver.mobile) &&
      [...o.buyerNick].length >= 4,
  )!;
}, 90_000);
afterAll(async () => rig.close());

describe('GET /api/search', () => {
  it('when searched by part of a nick, a waybill and a phone tail, then the buyer is among the results each time', async () => {
    const nick = [...order.buyerNick];
    const part = nick.slice(1, 4).join('');
    const waybill = order.items.find((i) => i.invoiceNo)!.invoiceNo;
    const tail = order.receiver.mobile.slice(-4);
    for (const [q, kind] of [
      [part, /nick_/],
      [waybill.toLowerCase(), /waybill/],
      [tail, /phone_tail/],
    ] as const) {
      const res = await as('xiaoli')
        .get(`/search?q=${encodeURIComponent(q)}`)
        .expect(200);
      const hit = res.body.buyers.find((b: { nick: string }) => b.nick === order.buyerNick);
      expect(hit, q).toBeDefined();
      expect(
        hit.matches.some((m: { kind: string }) => kind.test(m.kind)),
        q,
      ).toBe(true);
      expect(JSON.stringify(res.body)).not.toContain(plainMobile());
    }
    const byWaybill = await as('xiaoli').get(`/search?q=${encodeURIComponent(waybill)}`);
    expect(byWaybill.body.buyers[0].nick).toBe(order.buyerNick);
  });

  it('when the query is empty, then it is refused in Chinese naming the field', async () => {
    const res = await as('xiaoli').get('/search?q=').expect(400);
    expect(res.body.error.message).toMatch(/搜索内容|请输入/);
  });
});

describe('GET /api/buyers/:nick', () => {
  it("when a remark and a complaint were written, then the buyer's JSON has the orders, the remark and the open complaint", async () => {
    await as('xiaoli').post(`/orders/${order.tid}/remarks`, { kind: 'sale.record', fields: {} }).expect(201);
    await as('xiaoli')
      .post('/complaints', {
        buyerNick: order.buyerNick,
        tid: order.tid,
        channel: 'wangwang',
        category: 'quality',
        content: '开线了',
      })
      .expect(201);
    const res = await as('xiaoli').get(nickPath(order.buyerNick)).expect(200);
    const b = res.body;
    expect(b.nick).toBe(order.buyerNick);
    expect(b.orders.map((o: { tid: string }) => o.tid)).toContain(order.tid);
    const dates = b.orders.map((o: { createdAt: string }) => o.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(b.remarks[0]).toMatchObject({ tid: order.tid, kind: 'sale.record', staff: '小丽' });
    expect(b.complaints[0]).toMatchObject({ content: '开线了', stage: 'awaiting_response' });
    expect(b.openProblems.some((i: { kind: string }) => i.kind === 'complaint')).toBe(true);
    expect(b.timeline[0].at >= b.timeline.at(-1).at).toBe(true);
    // Staff read receivers masked, as on the order page.
    expect(JSON.stringify(b)).not.toContain(plainMobile());
  });

  it('when the assistant opens the same buyer, then the receiver is masked as for everyone: a reveal is per order, logged', async () => {
    const res = await as('azhang').get(nickPath(order.buyerNick)).expect(200);
    const o = res.body.orders.find((x: { tid: string }) => x.tid === order.tid);
    // As the platform handed it out (138****5678), not masked a second time (13****78).
    expect(o.receiver.mobile).toBe(order.receiver.mobile);
    expect(o.receiver.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(o.receiver.name).toMatch(/^.\*$/u);
  });

  it('when the buyer opts out through the messaging route, then it still works and the page shows it', async () => {
    await as('xiaoli')
      .post(`${nickPath(order.buyerNick)}/opt-out`)
      .expect(201);
    expect((await as('xiaoli').get(`${nickPath(order.buyerNick)}/opt-out`)).body.optedOut).toBe(true);
    const res = await as('xiaoli').get(nickPath(order.buyerNick)).expect(200);
    expect(res.body.optOut).toMatchObject({ by: 'xiaoli', source: 'staff' });
  });

  it('when the nick is unknown, then the answer is 404 in Chinese naming the nick', async () => {
    const res = await as('xiaoli').get(nickPath('没有这个买家123')).expect(404);
    expect(res.body.error).toMatchObject({ code: 'buyer_not_found', params: { nick: '没有这个买家123' } });
    expect(res.body.error.message).toContain('没有这个买家123');
    await as('xiaoli')
      .put(`${nickPath('没有这个买家123')}/profile`, { notes: '试试' })
      .expect(404);
  });
});

describe('PUT /api/buyers/:nick/profile', () => {
  it('when 小周 saves a courier and a contact preference, then the profile names 小周 and the page shows it', async () => {
    const res = await as('xiaozhou')
      .put(`${nickPath(order.buyerNick)}/profile`, { preferredCourier: 'shunfeng', contact: 'chat_only' })
      .expect(200);
    expect(res.body.profile).toMatchObject({
      preferredCourier: 'shunfeng',
      contact: 'chat_only',
      updatedByName: '小周',
    });
    const page = await as('xiaoli').get(nickPath(order.buyerNick)).expect(200);
    expect(page.body.profile.history.at(-1).byName).toBe('小周');
  });

  it('when the body names who changed it, then it is refused: the login says who', async () => {
    const res = await as('xiaoli')
      .put(`${nickPath(order.buyerNick)}/profile`, { notes: 'x', by: 'admin' })
      .expect(400);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
