/** Writing remarks end to end: real login, the HTTP route, the fake platform's memo and flag. */
import { beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.js';

const ADDRESS = '浙江省杭州市西湖区文三路90号';
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});

describe('writing one remark', () => {
  const families: { tid: string; kind: string; fields: Record<string, unknown>; memo: string; flag: number }[] = [
    {
      tid: '2003',
      kind: 'price.review_reward',
      fields: { amount: '5' },
      memo: '扣除好评获奖金额5元+小丽/11.23',
      flag: 0,
    },
    {
      tid: '2003',
      kind: 'copy.transfer',
      fields: { waybill: 'YT1234567890' },
      memo: '单号:YT1234567890+小丽/11.23',
      flag: 0,
    },
    {
      tid: '2001',
      kind: 'address.change',
      fields: { field: 'address', value: ADDRESS },
      memo: `收件地址修改为:${ADDRESS}+小丽/11.23`,
      flag: 1,
    },
    {
      tid: '2001',
      kind: 'refund.in_trade',
      fields: { sku: 'A1023', type: 'discount', amount: 8.5 },
      memo: 'A1023+可申请折扣8.5元+小丽/11.23',
      flag: 1,
    },
    {
      tid: '2001',
      kind: 'cancel.request',
      fields: { keeper: '小周' },
      memo: '买家不要,申请退款+已提交小周上架+小丽/11.23',
      flag: 1,
    },
    {
      tid: '2001',
      kind: 'exchange.request',
      fields: { fromSku: 'A1023', toSku: 'B2046' },
      memo: 'A1023不要了,可以上架,换B2046,已拍下留货+小丽/11.23',
      flag: 2,
    },
    {
      tid: '2002',
      kind: 'oos.notify',
      fields: { via: '电话' },
      memo: '11.22；此款无货+已撤单,已电话通知买家申请退款+小丽/11.23',
      flag: 1,
    },
    { tid: '2003', kind: 'transfer.awaiting', fields: {}, memo: '银行汇款订单,待汇款,已通知登记+小丽/11.23', flag: 0 },
    { tid: '2004', kind: 'sale.record', fields: {}, memo: '小丽', flag: 3 },
  ];
  it.each(families)(
    "when 小丽 writes $kind on order $tid, then the platform memo and flag are exactly the catalogue's",
    async (c) => {
      const res = await h.remark('xiaoli', c.tid, c.kind, c.fields);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ memo: c.memo, flag: c.flag, status: 'written', task: null });
      expect(c.memo.endsWith(res.body.entry)).toBe(true);
      expect(h.platform.order(c.tid)).toMatchObject({ sellerMemo: c.memo, sellerFlag: c.flag });
      expect(h.orders.get(c.tid)).toMatchObject({ sellerMemo: c.memo, sellerFlag: c.flag });
    },
  );

  it('when the writer sends a staff name in the fields, then 400 names fields.staff and nothing is written', async () => {
    const res = await h.remark('xiaoli', '2001', 'price.ordinary', { staff: '阿张' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('fields.staff');
    expect(h.platform.calls.updateMemo).toBe(0);
  });

  it.each([
    ['an unknown kind', '2001', 'price.magic', {}, 'kind'],
    ['a non-numeric amount', '2003', 'price.review_reward', { amount: 'abc' }, 'fields.amount'],
    ['an amount with three decimals', '2003', 'price.review_reward', { amount: '1.005' }, 'fields.amount'],
    ['a negative amount', '2003', 'price.review_reward', { amount: -5 }, 'fields.amount'],
    ['a missing item number', '2001', 'refund.in_trade', { type: 'postage', amount: '10' }, 'fields.sku'],
    ['an exchange on an unpaid order', '2003', 'exchange.request', { fromSku: 'A1', toSku: 'B2' }, 'state'],
    [
      'an assistant who is not a colleague',
      '2002',
      'address.change',
      { field: 'address', value: ADDRESS, assistant: '老王' },
      'fields.assistant',
    ],
    [
      'a keeper named as the assistant',
      '2002',
      'address.change',
      { field: 'address', value: ADDRESS, assistant: '小周' },
      'fields.assistant',
    ],
  ])(
    'when the request has %s, then 400 names the field and the memo is untouched',
    async (_what, tid, kind, fields, field) => {
      const res = await h.remark('xiaoli', tid, kind, fields);
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(h.platform.calls.updateMemo).toBe(0);
      expect(await (await h.as('xiaoli').get(`/orders/${tid}/remarks`)).body.history).toEqual([]);
    },
  );

  it('when the order is unknown, then 404', async () => {
    const res = await h.remark('xiaoli', '9999', 'price.ordinary');
    expect(res.status).toBe(404);
  });

  it('when the same entry is written twice, then the memo holds it once and the second answer says already_present', async () => {
    const first = await h.remark('xiaoli', '2003', 'price.review_reward', { amount: '5' });
    const second = await h.remark('xiaoli', '2003', 'price.review_reward', { amount: 5 });
    expect(first.body.status).toBe('written');
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      status: 'already_present',
      entry: '扣除好评获奖金额5元+小丽/11.23',
      memo: '扣除好评获奖金额5元+小丽/11.23',
    });
    expect(h.platform.calls.updateMemo).toBe(1);
    expect((await h.as('xiaoli').get('/orders/2003/remarks')).body.history).toHaveLength(1);
  });

  it('when a colleague writes the same kind the same day, then it is a second entry with their own name', async () => {
    await h.remark('xiaoli', '2001', 'copy.ordinary');
    await h.remark('admin', '2001', 'copy.ordinary');
    expect(h.platform.order('2001').sellerMemo).toBe('小丽/11.23；管理员/11.23');
  });

  it('when three staff write on one order at the same moment, then every entry lands and none is lost', async () => {
    const results = await Promise.all([
      h.remark('xiaoli', '2001', 'refund.in_trade', { sku: 'A1023', type: 'postage', amount: '10' }),
      h.remark('admin', '2001', 'copy.ordinary'),
      h.remark('azhang', '2001', 'sale.record'),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const memo = h.platform.order('2001').sellerMemo.split('；').sort();
    expect(memo).toEqual(['A1023+可申请邮费10元+小丽/11.23', '管理员/11.23', '阿张'].sort());
    expect(h.platform.order('2001').sellerFlag).toBe(1);
  });

  it('when the memo would pass 1000 bytes, then 409 says so, nothing is truncated and nothing is recorded', async () => {
    const long = '顾客要求'.repeat(82); // 984 bytes
    h.platform.editByHand('2001', long);
    const res = await h.remark('xiaoli', '2001', 'address.change', { field: 'address', value: ADDRESS });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('memo_too_long');
    expect(res.body.error.message).toContain('1000');
    expect(h.platform.order('2001').sellerMemo).toBe(long);
    expect((await h.as('xiaoli').get('/orders/2001/remarks')).body.history).toEqual([]);
  });

  it('when dryRun=1, then 200 with the same body and nothing is written', async () => {
    const a = await h.as('xiaoli');
    const dry = await a.post('/orders/2002/remarks?dryRun=1', {
      kind: 'address.change',
      fields: { field: 'phone', value: '13900001111', assistant: 'azhang' },
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      status: 'written',
      flag: 1,
      entry: '电话须更改为:13900001111,待改面单,已交阿张处理+小丽/11.23',
      memo: '11.22；电话须更改为:13900001111,待改面单,已交阿张处理+小丽/11.23',
      task: { type: 'fix_label', assignee: 'azhang', assigneeName: '阿张' },
    });
    expect(h.platform.calls.updateMemo).toBe(0);
    expect(h.platform.order('2002').sellerMemo).toBe('11.22');
    expect((await a.get('/tasks?assignee=azhang')).body.tasks).toEqual([]);
    const real = await a.post('/orders/2002/remarks', {
      kind: 'address.change',
      fields: { field: 'phone', value: '13900001111', assistant: 'azhang' },
    });
    expect(real.status).toBe(201);
    expect({ ...real.body, dryRun: true, task: null }).toEqual({ ...dry.body, task: null });
  });

  it('when print.printed is written, then the order counts as printed for the next remark', async () => {
    const printed = await h.remark('xiaoli', '2001', 'print.printed');
    expect(printed.body.entry).toBe('11.23');
    h.platform.editByHand('2001', ''); // the print remark erased by hand: the local print mark still knows
    const res = await h.remark('xiaoli', '2001', 'cancel.request', { assistant: '阿张' });
    expect(res.body.entry).toBe('买家不要,申请退款,待撤单,已交阿张处理+小丽/11.23');
  });
});

describe('flags', () => {
  it('when green, yellow and red remarks follow each other, then the flag only goes up: red > yellow > green', async () => {
    const flags: number[] = [];
    for (const [user, kind, fields] of [
      ['xiaoli', 'sale.record', {}],
      ['xiaoli', 'exchange.request', { fromSku: 'A1', toSku: 'B2' }],
      ['xiaoli', 'refund.in_trade', { sku: 'A1', type: 'discount', amount: '3' }],
      ['admin', 'sale.record', {}],
      ['admin', 'exchange.request', { fromSku: 'C3', toSku: 'D4' }],
    ] as const) {
      flags.push((await h.remark(user, '2001', kind, fields)).body.flag);
    }
    expect(flags).toEqual([3, 2, 1, 1, 1]);
    expect(h.platform.order('2001').sellerFlag).toBe(1);
  });

  it.each([4, 5])('when the order carries flag %i set by hand, then a red remark leaves it alone', async (flag) => {
    h.platform.editByHand('2001', '', flag);
    const res = await h.remark('xiaoli', '2001', 'oos.notify', { via: '旺旺' });
    expect(res.body.flag).toBe(flag);
    expect(h.platform.order('2001').sellerFlag).toBe(flag);
  });
});

describe('who may write', () => {
  it('when no one is logged in, then 401', async () => {
    const { default: request } = await import('supertest');
    const res = await request(h.app).post('/api/orders/2001/remarks').send({ kind: 'price.ordinary', fields: {} });
    expect(res.status).toBe(401);
  });

  it('when a staff member writes a keeper-only remark, then 403 and nothing is written', async () => {
    const res = await h.remark('xiaoli', '2001', 'refund.registered');
    expect(res.status).toBe(403);
    expect(h.platform.calls.updateMemo).toBe(0);
  });
});
