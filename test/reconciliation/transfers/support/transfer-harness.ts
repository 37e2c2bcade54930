/**
 * The real HTTP app with the transfers module mounted as the composition root mounts it, over a memory store
 * (or a real lowdb store), a small fake shop platform, and recording fakes of the remarks, tasks and messaging ports.
 */
import request from 'supertest';
import { DEMO_PASSWORD, loadAccounts, type User } from '../../../../src/accounts/accounts.js';
import { createSessions } from '../../../../src/accounts/sessions.js';
import type { Config } from '../../../../src/config/config-schema.js';
import { createApp } from '../../../../src/http/app.js';
import { packageInfo } from '../../../../src/shared/package-info.js';
import type { Order, TradeStatus } from '../../../../src/orders/order.js';
import { createOrderRepository } from '../../../../src/orders/order-repository.js';
import type { ShopPlatform } from '../../../../src/platform/platform-port.js';
import { createTransfersModule } from '../../../../src/reconciliation/index.js';
import { NotFoundError } from '../../../../src/shared/errors.js';
import { silentLogger } from '../../../../src/shared/logger.js';
import { fixedClock } from '../../../../src/shared/time.js';
import { createMemoryStore } from '../../../../src/storage/index.js';
import type { Store } from '../../../../src/storage/store.js';

export const NOW = '2026-11-23T10:00:00+08:00';
export type Username = 'xiaoli' | 'azhang' | 'xiaozhou' | 'admin';
export const XIAOLI: User = { username: 'xiaoli', displayName: '小丽', role: 'staff' };
export const XIAOZHOU: User = { username: 'xiaozhou', displayName: '小周', role: 'keeper' };

export function platformOrder(o: {
  tid: string;
  buyerNick: string;
  status?: TradeStatus;
  createdAt?: string;
  itemNos?: string[];
}): Order {
  const status = o.status ?? 'WAIT_BUYER_PAY';
  return {
    tid: o.tid,
    status,
    type: 'fixed',
    buyerNick: o.buyerNick,
    buyerMessage: '',
    createdAt: o.createdAt ?? '2026-11-23T09:00:00.000+08:00',
    modifiedAt: o.createdAt ?? '2026-11-23T09:00:00.000+08:00',
    paidAt: null,
    consignedAt: null,
    endAt: null,
    payDeadlineAt: null,
    totalFee: 28800,
    payment: 28800,
    postFee: 0,
    discountFee: 0,
    receiver: {
      name: '李莉莉',
      mobile: '13800138000',
      phone: '',
      state: '浙江省',
      city: '杭州市',
      district: '西湖区',
      town: '',
      address: '文三路1号',
      zip: '',
      country: '',
    },
    items: (o.itemNos ?? ['A100']).map((n, i) => ({
      oid: `${o.tid}${i}`,
      numIid: '1',
      title: '羊毛大衣',
      outerIid: n,
      skuId: '',
      skuProperties: '尺码:M',
      price: 28800,
      num: 1,
      totalFee: 28800,
      payment: 28800,
      discountFee: 0,
      status,
      refundStatus: '',
      refundId: '',
      logisticsCompany: '',
      invoiceNo: '',
    })),
    sellerMemo: '',
    sellerFlag: 0,
    buyerRated: false,
    sellerRated: false,
    shippingType: 'express',
  };
}

export function fakeShop(orders: Order[]) {
  const state = new Map(orders.map((o) => [o.tid, structuredClone(o)]));
  const closed: string[] = [];
  const platform: ShopPlatform = {
    kind: 'sandbox',
    async *changedOrders() {
      /* not used by transfers */
    },
    async *createdOrders() {
      /* not used by transfers */
    },
    async getOrder(tid) {
      const o = state.get(tid);
      if (!o) throw new NotFoundError(`trade ${tid} does not exist`);
      return structuredClone(o);
    },
    async updateMemo() {
      return { modifiedAt: NOW };
    },
    async closeTrade(tid) {
      const o = state.get(tid)!;
      o.status = 'TRADE_CLOSED';
      closed.push(tid);
      return { status: o.status, modifiedAt: NOW };
    },
    async *negativeReviews() {
      /* not used */
    },
    async *receivedRefunds() {
      /* not used */
    },
    async decryptReceivers() {
      return []; // transfers never decrypt
    },
    decryptQuota: () => ({ day: NOW.slice(0, 10), used: 0, limit: null, exhausted: false }),
    stats: () => ({ calls: 0 }),
  };
  return { platform, closed };
}

export async function startTransfers(opts: { store?: Store; orders?: Order[] } = {}) {
  const clock = fixedClock(NOW);
  const store = opts.store ?? createMemoryStore();
  const seed = opts.orders ?? [
    platformOrder({ tid: '3001', buyerNick: '毛毛雨' }),
    platformOrder({ tid: '3002', buyerNick: '毛毛雨', status: 'WAIT_SELLER_SEND_GOODS' }),
  ];
  const orders = createOrderRepository(store);
  await orders.upsertMany(seed);
  const shop = fakeShop(seed);
  const remarkCalls: { tid: string; kind: string; fields?: Record<string, unknown>; user: User }[] = [];
  const remarks = {
    async write(req: { tid: string; kind: string; fields?: Record<string, unknown>; user: User }) {
      remarkCalls.push(req);
      const entry =
        req.kind === 'copy.transfer'
          ? `单号:${String(req.fields?.waybill)}+${req.user.displayName}/11.23`
          : `银行汇款订单,待汇款,已通知登记+${req.user.displayName}/11.23`;
      return { status: 'written', entry };
    },
  };
  const tasksOpened: { id: string; assignee: { username: string }; instructions: string }[] = [];
  const notices: { recipient: string; message: string }[] = [];
  const messages: { kind: string; tid?: string; buyerNick: string }[] = [];
  const module = createTransfersModule({
    store,
    orders,
    platform: shop.platform,
    clock,
    logger: silentLogger(),
    remarks,
    tasks: {
      open: async (t) => {
        tasksOpened.push(t);
      },
      notify: async (p, message) => {
        notices.push({ recipient: p.username, message });
      },
    },
    messages: {
      enqueue: async (m) => {
        messages.push(m);
      },
    },
  });
  const accounts = await loadAccounts({ staff: [], platform: { kind: 'sandbox' } } as unknown as Pick<
    Config,
    'staff' | 'platform'
  >);
  const sessions = createSessions({ store, accounts, clock, sessionHours: 72 });
  const app = createApp({
    logger: silentLogger(),
    sessions,
    health: () => ({}),
    routes: module.routers,
    consoleDir: packageInfo.consoleDir,
  });
  const tokens = new Map<Username, string>();
  async function token(user: Username): Promise<string> {
    let t = tokens.get(user);
    if (!t) {
      t = (await request(app).post('/api/session').send({ username: user, password: DEMO_PASSWORD }).expect(201)).body
        .token as string;
      tokens.set(user, t);
    }
    return t;
  }
  const as = (user: Username) => ({
    post: async (path: string, body: unknown = {}) =>
      request(app)
        .post(`/api${path}`)
        .set('Authorization', `Bearer ${await token(user)}`)
        .send(body as object),
    get: async (path: string) =>
      request(app)
        .get(`/api${path}`)
        .set('Authorization', `Bearer ${await token(user)}`),
    download: async (path: string): Promise<Buffer> => {
      const res = await request(app)
        .get(`/api${path}`)
        .set('Authorization', `Bearer ${await token(user)}`)
        .buffer(true)
        .parse((stream, cb) => {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      return res.body as Buffer;
    },
    upload: async (path: string, file: { name: string; bytes: Buffer }, fields: Record<string, string> = {}) => {
      let req = request(app)
        .post(`/api${path}`)
        .set('Authorization', `Bearer ${await token(user)}`);
      for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
      return req.attach('file', file.bytes, file.name);
    },
  });
  return {
    app,
    clock,
    store,
    orders,
    shop,
    module,
    service: module.service,
    as,
    remarkCalls,
    tasksOpened,
    notices,
    messages,
  };
}

export type TransfersHarness = Awaited<ReturnType<typeof startTransfers>>;

/** A transfer order body as staff send it. */
export function orderBody(over: Record<string, unknown> = {}) {
  return {
    buyerNick: '毛毛雨',
    buyerName: '张三丰',
    items: [{ itemNo: 'A100', size: 'M', quantity: 1, priceFen: 128800 }],
    address: '浙江省杭州市西湖区文三路1号',
    amountDueFen: 128800,
    ...over,
  };
}
