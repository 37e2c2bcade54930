import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBackOfficeRouter, sandboxTmc, type SandboxTmc } from '../../../src/platform/sandbox/index.js';
import { createSandboxRouter } from '../../../src/platform/sandbox/router.js';
import { createSandboxShop, type SandboxShop } from '../../../src/platform/sandbox/shop.js';
import { connectFrame, decodeFrame, encodeFrame, parseContent, pullFrame } from '../../../src/platform/tmc/index.js';
import { fixedClock } from '../../../src/shared/time.js';
import { NOW } from './fixtures.js';
import { callTop } from './third-party-client.js';
import { connectConsumer, sign, type TestConsumer } from './tmc-client.js';

let server: Server;
let url: string;
let shop: SandboxShop;
let tmc: SandboxTmc;
let app: express.Express;
const consumers: TestConsumer[] = [];

beforeEach(async () => {
  shop = createSandboxShop({ seed: 7, orders: 300, clock: fixedClock(NOW) });
  tmc = sandboxTmc(shop, { repushDelayMs: 50 });
  app = express();
  app.use('/sandbox', createSandboxRouter(shop, { sleep: async () => {} }), createBackOfficeRouter(shop));
  server = createServer(app);
  server.on('upgrade', (req, socket, head) => {
    if (!tmc.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox/tmc`;
});
afterEach(async () => {
  for (const c of consumers.splice(0)) await c.close();
  tmc.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
const consumer = async (o?: Parameters<typeof connectConsumer>[1]) => {
  const c = await connectConsumer(url, o);
  consumers.push(c);
  return c;
};
const openTid = (status = 'WAIT_SELLER_SEND_GOODS') =>
  shop.tradesByCreated(0, NOW, { statuses: new Set([status as never]) }, { pageNo: 1, pageSize: 1 }).items[0]!.tid;

describe('sandbox TMC publisher', () => {
  it('when a memo is written through the TOP gateway, then a consumer of the default group receives TradeMemoModified with seller_memo and seller_flag, ids exact', async () => {
    const c = await consumer();
    expect(c.ack.token).toMatch(/^[0-9a-f-]{36}$/);
    const tid = openTid();
    const { json } = await callTop(app, NOW, 'taobao.trade.memo.update', { tid, memo: '改发顺丰', flag: '3' });
    expect(json.trade_memo_update_response).toBeDefined();
    const m = await c.next((x) => x.topic === 'taobao_trade_TradeMemoModified');
    const content = parseContent(m.content);
    expect(content).toMatchObject({ tid, seller_memo: '改发顺丰', seller_flag: 3, action_type: 'seller' });
    expect(m.content).toContain(`"tid":${tid}`); // a bare 64-bit number, as the platform writes it
    expect(m.id).toBeGreaterThan(2n ** 53n);
    expect(m.nick).toBe('小二女装旗舰店');
    expect(m.time).toBe(shop.trade(tid)!.modified);
  });

  it('when the signature is wrong or the app key unknown, then the connect-ack carries a status code and no token, and the socket closes', async () => {
    for (const o of [{ secret: 'guess' }, { appKey: '999' }]) {
      const ws = new WebSocket(url);
      await new Promise((r) => ws.once('open', r));
      const closed = new Promise((r) => ws.once('close', r));
      const ack = new Promise<Buffer>((r) => ws.once('message', r));
      const ts = String(Date.now());
      const appKey = o.appKey ?? '10000001';
      const s = sign(o.secret ?? 'xiaoer-sandbox-secret', { app_key: appKey, group_name: 'default', timestamp: ts });
      ws.send(encodeFrame(connectFrame({ appKey, groupName: 'default', timestamp: ts, sign: s, sdk: 't' })));
      const f = decodeFrame(await ack);
      expect(f.type).toBe(1);
      expect(f.statusCode).toBeGreaterThan(0);
      expect(f.statusPhrase).toMatch(o.secret ? /sign/ : /app_key/);
      expect(f.token).toBeUndefined();
      await closed;
    }
  });

  it('when a frame comes before the connect, then the service refuses and closes', async () => {
    const ws = new WebSocket(url);
    await new Promise((r) => ws.once('open', r));
    const ack = new Promise<Buffer>((r) => ws.once('message', r));
    const closed = new Promise((r) => ws.once('close', r));
    ws.send(encodeFrame(pullFrame('nope')));
    expect(decodeFrame(await ack).statusCode).toBeGreaterThan(0);
    await closed;
  });

  it('when a consumer disconnects without confirming, then the message is pushed again after it reconnects, retried 1; a confirmed one is not', async () => {
    const first = await consumer();
    const [a, b] = [openTid(), openTid('WAIT_BUYER_PAY')];
    await shop.updateMemo(a, { memo: '甲' });
    await shop.updateMemo(b, { memo: '乙' });
    const ma = await first.next((x) => x.content.includes('"甲"'));
    const mb = await first.next((x) => x.content.includes('"乙"'));
    first.confirm(mb.id);
    await first.close();
    const again = await consumer();
    const re = await again.next((x) => x.topic === 'taobao_trade_TradeMemoModified');
    expect(re.id).toBe(ma.id);
    expect(re.retried).toBe(1);
    again.confirm(re.id);
    // The queue pushes oldest first: had the confirmed message stayed, it would come before this newer one.
    await shop.updateMemo(a, { memo: '丙' });
    await again.next((x) => x.content.includes('"丙"'));
    expect(again.received.map((x) => x.id)).not.toContain(mb.id);
  });

  it('when a consumer sends a failed ack, then the same message is pushed again', async () => {
    const c = await consumer();
    await shop.updateMemo(openTid(), { memo: '重推' });
    const m = await c.next((x) => x.content.includes('重推'));
    c.fail(m.id);
    const again = await c.next((x) => x.id === m.id);
    expect(again.retried).toBe(1);
  });

  it('when the living shop moves on, then creates, payments, shipments and closes are published with their topics', async () => {
    const c = await consumer();
    shop.tick(NOW + 60_000);
    shop.tick(NOW + 120_000);
    await c.next((x) => x.topic === 'taobao_trade_TradeCreate');
    const topics = new Set(c.received.map((x) => x.topic));
    expect([...topics].every((t) => /^taobao_(trade|refund|logistics)_/.test(t))).toBe(true);
    expect(tmc.stats().published).toBeGreaterThanOrEqual(c.received.length);
  });

  it('when the back office changes an address, then TradeLogisticsAddressChanged is published and fullinfo shows the new address', async () => {
    const c = await consumer();
    const tid = openTid();
    const res = await request(app)
      .post(`/sandbox/back-office/trades/${tid}/address`)
      .send({ state: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 90 号' });
    expect(res.status).toBe(200);
    const m = await c.next((x) => x.topic === 'taobao_trade_TradeLogisticsAddressChanged');
    expect(parseContent(m.content).tid).toBe(tid);
    expect(shop.receiverOf(shop.trade(tid)!).address).toBe('文三路 90 号');
    const memo = await request(app).post(`/sandbox/back-office/trades/${tid}/memo`).send({});
    expect(memo.status).toBe(400);
    expect(memo.body.error.message).toBe('备注和旗帜至少要改一样');
  });

  it('when the seller permits only some topics, then only those are published, and tmc.user.get reports them', async () => {
    const c = await consumer();
    const permit = await callTop(app, NOW, 'taobao.tmc.user.permit', { topics: 'taobao_trade_TradeClose' });
    expect(permit.json.tmc_user_permit_response.is_success).toBe(true);
    await shop.updateMemo(openTid(), { memo: '不发布' });
    const tid = openTid('WAIT_BUYER_PAY');
    await shop.closeTrade(tid, '缺货');
    const m = await c.next();
    expect(m.topic).toBe('taobao_trade_TradeClose');
    const got = await callTop(app, NOW, 'taobao.tmc.user.get', { fields: 'user_nick,topics', nick: '小二女装旗舰店' });
    expect(got.json.tmc_user_get_response.tmc_user.topics.string).toEqual(['taobao_trade_TradeClose']);
    const bad = await callTop(app, NOW, 'taobao.tmc.user.permit', { topics: 'taobao_nope_X' });
    expect(bad.json.error_response.sub_code).toBe('isv.topic-not-exist');
  });
});
