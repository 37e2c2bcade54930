/**
 * /api/returns through the real HTTP app (logins, the role table, the error middleware): lists by state, and every
 * refusal in Chinese naming the field or the return's state; the warehouse's check only by the warehouse.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/accounts/accounts.js';
import { staffDirectoryFromUsers } from '../../src/remarks/index.js';
import { createReturnsModule, RETURNS, type ReturnRecord, type ReturnsService } from '../../src/returns/index.js';
import { silentLogger } from '../../src/shared/logger.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { createTaskRepository, createTaskService } from '../../src/tasks/index.js';
import { apiApp } from '../support/api-app.js';

const clock = fixedClock('2026-11-23T10:00:00+08:00');

function record(id: string, over: Partial<ReturnRecord> = {}): ReturnRecord {
  return {
    id,
    tid: '4137654321098765432',
    oid: '4137654321098765433',
    buyerNick: 'tb_小雨',
    title: '宽松针织开衫',
    reason: '尺码不合适',
    refundFeeFen: 12850,
    platformStatus: 'WAIT_SELLER_CONFIRM_GOODS',
    goodStatus: 'BUYER_RETURNED_GOODS',
    companyName: '中通快递',
    parcel: {
      company: 'zhongtong',
      waybill: '78123456789012',
      state: 'signed',
      subState: '301',
      lastEvent: { at: '2026-11-22T15:00:00.000+08:00', description: '【杭州市】您的快件已签收' },
      signedAt: '2026-11-22T15:00:00.000+08:00',
      checkedAt: '2026-11-23T09:30:00.000+08:00',
    },
    purpose: 'refund',
    createdAt: '2026-11-18T09:00:00.000+08:00',
    modifiedAt: '2026-11-19T09:00:00.000+08:00',
    waybillSeenAt: '2026-11-19T09:30:00.000+08:00',
    receipt: null,
    exchange: null,
    receiptTaskId: null,
    refundTaskId: null,
    ...over,
  };
}

let api: Awaited<ReturnType<typeof apiApp>>;
let remarkCalls: unknown[];
let gate: Promise<void> | null;
let service: ReturnsService;

beforeEach(async () => {
  const store = createMemoryStore();
  await store.transact((tx) => {
    tx.put(RETURNS, '901', record('901'));
    tx.put(RETURNS, '902', record('902', { parcel: null, companyName: '', platformStatus: 'WAIT_BUYER_RETURN_GOODS' }));
    tx.put(RETURNS, '903', record('903', { platformStatus: 'SUCCESS' }));
  });
  remarkCalls = [];
  gate = null;
  const returns = createReturnsModule({
    store,
    platform: {
      async *receivedRefunds() {
        /* not synced here */
      },
    },
    tracker: {
      kind: 'sandbox',
      track: () => {
        throw new Error('not tracked here');
      },
    },
    orders: { get: () => undefined },
    tasks: createTaskService({ repo: createTaskRepository(store), clock }),
    remarks: {
      write: async (req) => {
        remarkCalls.push(req);
        await gate;
        return { id: 'r1', status: 'written', entry: '', memo: '', flag: 2 };
      },
    },
    staff: staffDirectoryFromUsers(DEMO_ACCOUNTS),
    keeper: () => 'xiaozhou',
    clock,
    logger: silentLogger(),
    schedule: '*/30 * * * *',
  });
  service = returns.service;
  api = await apiApp({ store, clock, routes: returns.routers });
});

describe('/api/returns', () => {
  it('when two colleagues send the exchange waybill at the same moment, then the remark is written once', async () => {
    await api.as('xiaoli').post('/returns/901/purpose', { purpose: 'exchange' });
    await api.as('azhang').post('/returns/901/receipt', { condition: 'good' });
    // The remark service holds both writes until released: without the return's lock both would be on their way.
    let release!: () => void;
    gate = new Promise<void>((r) => (release = r));
    const body = { courier: '中通快递', waybill: '78123400001111' };
    const [xiaoli, xiaozhou] = [DEMO_ACCOUNTS[0]!, DEMO_ACCOUNTS[2]!];
    const both = Promise.all([
      service.shipExchange('901', body, xiaoli),
      service.shipExchange('901', { ...body, waybill: '78123400002222' }, xiaozhou),
    ]);
    await new Promise((r) => setImmediate(r));
    expect(remarkCalls).toHaveLength(1);
    release();
    const answers = await both;
    expect(answers.map((a) => a.already)).toEqual([false, true]);
    expect(remarkCalls).toHaveLength(1);
    expect(answers[1].return.exchange!.waybill).toBe('78123400001111');
  });

  it('when the list is asked for, then open returns come with where they stand, settled ones only on asking', async () => {
    const open = await api.as('xiaoli').get('/returns');
    expect(open.status).toBe(200);
    expect(open.body.returns.map((r: { id: string; state: string }) => [r.id, r.state])).toEqual([
      ['901', 'returned'],
      ['902', 'awaiting_parcel'],
    ]);
    const refunded = await api.as('azhang').get('/returns?state=refunded');
    expect(refunded.body.returns.map((r: { id: string }) => r.id)).toEqual(['903']);
  });

  it('when the state filter is not one of ours, then 400 naming 退货状态', async () => {
    const res = await api.as('xiaoli').get('/returns?state=lost');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('退货状态');
  });

  it('when a return is not known, then 404 in Chinese', async () => {
    const res = await api.as('azhang').post('/returns/999/receipt', { condition: 'good' });
    expect([res.status, res.body.error.message]).toEqual([404, '没有找到这件退货，请刷新后重试']);
  });

  it('when the condition is not one of ours, then 400 naming 验收结果', async () => {
    const res = await api.as('azhang').post('/returns/901/receipt', { condition: 'fine' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('验收结果');
  });

  it('when the goods have not come back, then the check is refused naming where the return stands', async () => {
    const res = await api.as('azhang').post('/returns/902/receipt', { condition: 'good' });
    expect([res.status, res.body.error.message]).toEqual([409, '这件退货现在是“等买家寄回”，不能验收']);
  });

  it('when the assistant marks an exchange, then 403: customer service settles it with the buyer', async () => {
    const res = await api.as('azhang').post('/returns/901/purpose', { purpose: 'exchange' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('when the goods were checked, then the purpose can no longer change, and an exchange waybill must look like one', async () => {
    await api.as('xiaoli').post('/returns/901/purpose', { purpose: 'exchange' });
    await api.as('azhang').post('/returns/901/receipt', { condition: 'good' });
    const change = await api.as('xiaoli').post('/returns/901/purpose', { purpose: 'refund' });
    expect([change.status, change.body.error.message]).toEqual([
      409,
      '这件退货现在是“已验收，待换出”，不能再改退款或换货',
    ]);
    const bad = await api.as('xiaoli').post('/returns/901/exchange', { courier: '中通快递', waybill: '78 12' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('运单号');
    expect(remarkCalls).toEqual([]);
    const ok = await api.as('xiaoli').post('/returns/901/exchange', { courier: '中通快递', waybill: '78123400001111' });
    expect(ok.body.return.state).toBe('exchanged');
    expect(remarkCalls).toMatchObject([
      {
        kind: 'exchange.shipped',
        fields: { courier: '中通快递', waybill: '78123400001111' },
        user: { username: 'xiaoli' },
      },
    ]);
  });
});
