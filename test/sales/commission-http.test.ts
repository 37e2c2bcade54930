/**
 * The month's commission over HTTP, on the real app and role guard: only real sales count, back-office green
 * flags are read by the shop's convention, unknown names wait for the keeper, corrections are recorded, the CSV
 * is Excel-safe, and colleagues see their own sales only.
 */
import { describe, expect, it } from 'vitest';
import type { Order, OrderItem } from '../../src/orders/order.js';
import { makeOrder } from '../remarks/support/orders.js';
import { startHarness } from '../remarks/support/harness.js';

const item = (oid: string, payment: number, refundStatus = 'NO_REFUND'): OrderItem => ({
  oid,
  numIid: '1',
  title: '针织开衫',
  outerIid: 'A1023',
  skuId: '1',
  skuProperties: '颜色分类:黑色;尺码:M',
  price: payment,
  num: 1,
  totalFee: payment,
  payment,
  discountFee: 0,
  status: 'WAIT_SELLER_SEND_GOODS',
  refundStatus,
  refundId: refundStatus === 'NO_REFUND' ? '' : `r${oid}`,
  logisticsCompany: '',
  invoiceNo: '',
});

const with_ = (o: Order, extra: Partial<Order>): Order => ({ ...o, ...extra });

function shop(): Order[] {
  return [
    makeOrder({ tid: '3001', payment: 12800 }),
    makeOrder({ tid: '3002', payment: 19900 }),
    makeOrder({ tid: '3003', status: 'WAIT_BUYER_PAY', payment: 5000 }),
    with_(makeOrder({ tid: '3004', payment: 8800, sellerMemo: '小丽', sellerFlag: 3 }), {
      items: [item('1', 8800, 'SUCCESS')],
    }),
    makeOrder({ tid: '3005', payment: 6600, sellerMemo: '阿张', sellerFlag: 3 }),
    makeOrder({ tid: '3006', payment: 3000, sellerMemo: '小林；发圆通快递；库存未确认,确认后再发货', sellerFlag: 3 }),
    makeOrder({ tid: '3007', payment: 4000, sellerMemo: '老顾客，送袜子一双；小林/11.20', sellerFlag: 3 }),
    makeOrder({ tid: '3008', payment: 7700, sellerMemo: '小丽/11.22', sellerFlag: 0 }),
    // A partial refund, and a red flag set later: the bare known name still says whose sale it was.
    with_(makeOrder({ tid: '3009', payment: 10000, sellerMemo: '小丽；退一件', sellerFlag: 1 }), {
      items: [item('1', 7000), item('2', 3000, 'SUCCESS')],
    }),
    // Paid 00:30 on 1 November in Shanghai (still 31 October in UTC).
    with_(makeOrder({ tid: '3010', payment: 1000, sellerMemo: '阿张', sellerFlag: 3 }), {
      paidAt: '2026-11-01T00:30:00.000+08:00',
    }),
    with_(makeOrder({ tid: '3011', payment: 2500, sellerMemo: '阿张', sellerFlag: 3 }), {
      paidAt: '2026-10-31T23:30:00.000+08:00',
    }),
    makeOrder({ tid: '3012', payment: 1500, sellerMemo: '加急！今天必须发', sellerFlag: 3 }),
  ];
}

async function shopWithSales() {
  const h = await startHarness({ orders: shop() });
  for (const tid of ['3001', '3002', '3003']) {
    const res = await h.remark('xiaoli', tid, 'sale.record');
    expect(res.status).toBe(201);
  }
  return h;
}

describe('the month commission', () => {
  it('when orders are closed (even later), unpaid or refunded in full, then they do not count; back-office green flags do', async () => {
    const h = await shopWithSales();
    const before = (await h.as('xiaozhou').get('/sales/commission?month=2026-11')).body;
    expect(before.staff.find((s: { username: string }) => s.username === 'xiaoli')).toMatchObject({
      orders: 3,
      amountFen: 12800 + 19900 + 7000,
    });

    const closed = h.orders.get('3002')!;
    await h.orders.upsertMany([{ ...closed, status: 'TRADE_CLOSED', modifiedAt: '2026-11-23T11:00:00.000+08:00' }]);
    const m = (await h.as('xiaozhou').get('/sales/commission?month=2026-11')).body;
    expect(m.staff).toEqual([
      expect.objectContaining({
        username: 'xiaoli',
        staffName: '小丽',
        orders: 2,
        amountFen: 19800,
        amountYuan: '198',
      }),
      expect.objectContaining({ username: 'azhang', staffName: '阿张', orders: 2, amountFen: 7600, amountYuan: '76' }),
    ]);
    const xiaoli = m.staff[0].sales.map((s: { tid: string; source: string; amountFen: number }) => [
      s.tid,
      s.source,
      s.amountFen,
    ]);
    expect(xiaoli).toEqual([
      ['3001', 'xiaoer', 12800],
      ['3009', 'memo', 7000],
    ]);
    expect(m.staff[1].sales.map((s: { tid: string }) => s.tid)).toEqual(['3005', '3010']);
    expect(m.excluded).toEqual([
      { tid: '3002', reason: 'closed', reasonLabel: '交易已关闭', username: 'xiaoli', staffName: '小丽' },
      { tid: '3003', reason: 'unpaid', reasonLabel: '未付款', username: 'xiaoli', staffName: '小丽' },
      { tid: '3004', reason: 'refunded', reasonLabel: '已全额退款', username: 'xiaoli', staffName: '小丽' },
    ]);
    expect(m.unknownNames).toEqual([
      expect.objectContaining({ name: '小林', orders: 2, amountFen: 7000, amountYuan: '70' }),
    ]);
    expect(m.unnamed.map((s: { tid: string }) => s.tid)).toEqual(['3012']);
    // Everything that counts is in the month's total, named or not; 3008's `小丽/11.22` is a plain signature.
    expect(m.totals).toEqual({ orders: 7, amountFen: 19800 + 7600 + 7000 + 1500, amountYuan: '359' });

    const october = (await h.as('xiaozhou').get('/sales/commission?month=2026-10')).body;
    expect(october.staff).toEqual([expect.objectContaining({ username: 'azhang', orders: 1, amountFen: 2500 })]);
  });

  it('when the keeper maps a name and corrects an order with a note, then both are recorded with who and when', async () => {
    const h = await shopWithSales();
    const mapped = await h.as('xiaozhou').post('/sales/names', { name: '小林', username: 'azhang' });
    expect(mapped.status).toBe(201);
    expect(mapped.body.mapping).toEqual({
      name: '小林',
      username: 'azhang',
      by: 'xiaozhou',
      byName: '小周',
      at: '2026-11-23T10:00:00.000+08:00',
    });
    const corrected = await h
      .as('xiaozhou')
      .post('/sales/corrections/3007', { username: 'xiaoli', note: '小丽接待的，小林只是帮忙备注' });
    expect(corrected.status).toBe(201);
    expect(corrected.body.correction).toMatchObject({
      tid: '3007',
      username: 'xiaoli',
      by: 'xiaozhou',
      byName: '小周',
    });
    const again = await h.as('admin').post('/sales/corrections/3007', { username: 'azhang', note: '核对后仍算阿张' });
    expect(again.body.correction.earlier).toEqual([expect.objectContaining({ by: 'xiaozhou', username: 'xiaoli' })]);

    const m = (await h.as('xiaozhou').get('/sales/commission?month=2026-11')).body;
    expect(m.unknownNames).toEqual([]);
    const azhang = m.staff.find((s: { username: string }) => s.username === 'azhang');
    expect(azhang.sales.map((s: { tid: string; source: string }) => [s.tid, s.source])).toEqual([
      ['3005', 'memo'],
      ['3006', 'memo'],
      ['3007', 'correction'],
      ['3010', 'memo'],
    ]);
    expect(azhang.sales[2].correction).toMatchObject({ note: '核对后仍算阿张', byName: '管理员' });
  });

  it('when a correction names nobody or the month is malformed, then 400 names the field in Chinese', async () => {
    const h = await shopWithSales();
    const nobody = await h.as('xiaozhou').post('/sales/corrections/3006', { username: 'xiaolin', note: '试试' });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error).toMatchObject({ field: 'username', code: 'unknown_colleague' });
    const noNote = await h.as('xiaozhou').post('/sales/corrections/3006', { username: 'xiaoli', note: ' ' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.field).toBe('note');
    const missing = await h.as('xiaozhou').post('/sales/corrections/9999', { username: 'xiaoli', note: '补记' });
    expect(missing.status).toBe(404);
    const month = await h.as('xiaozhou').get('/sales/commission?month=2026-13');
    expect(month.status).toBe(400);
    expect(month.body.error.field).toBe('month');
    expect(month.body.error.message).toMatch(/月份/);
  });

  it('when staff read the month or its CSV, then they see their own sales only and cannot map or correct', async () => {
    const h = await shopWithSales();
    const own = (await h.as('xiaoli').get('/sales/commission?month=2026-11')).body;
    expect(own.staff.map((s: { username: string }) => s.username)).toEqual(['xiaoli']);
    expect(own.unknownNames).toEqual([]);
    expect(own.unnamed).toEqual([]);
    expect(own.totals.amountFen).toBe(12800 + 19900 + 7000);
    const csv = (await h.as('azhang').get('/sales/commission/export?month=2026-11')).text;
    expect(csv).toContain('3005');
    expect(csv).not.toContain('3001');
    expect(csv).not.toContain('小林');
    for (const [method, path] of [
      ['post', '/sales/names'],
      ['post', '/sales/corrections/3006'],
      ['get', '/sales/names'],
    ] as const) {
      const res = await h.as('xiaoli')[method](path, { name: '小林', username: 'xiaoli', note: '我的' });
      expect(res.status).toBe(403);
    }
    const report = (await h.as('xiaoli').get('/sales/report?from=2026-11-23')).body;
    expect(report.staff.map((s: { username: string }) => s.username)).toEqual(['xiaoli']);
  });

  it('when the keeper exports the month, then the CSV has a BOM, CRLF, 元 amounts and formula-like cells as text', async () => {
    const h = await shopWithSales();
    await h
      .as('xiaozhou')
      .post('/sales/corrections/3006', { username: 'xiaoli', note: '=HYPERLINK("http://x","点我")' });
    const res = await h.as('xiaozhou').get('/sales/commission/export?month=2026-11');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('commission-2026-11.csv');
    const bytes = Buffer.from(res.text, 'utf8');
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    expect(bytes.includes(Buffer.from('\r\n'))).toBe(true);
    const lines = res.text.slice(1).split('\r\n');
    expect(lines[0]).toBe('月份,员工,账号,订单号,付款时间,金额（元）,依据,备注里的名字,更正说明');
    const corrected = lines.find((l) => l.includes(',3006,'))!;
    expect(corrected).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(corrected).toContain('2026-11-22 09:05,30.00,人工更正（小周 2026-11-23 10:00）');
    expect(lines).toContain('2026-11,未对应的名字：小林,,3007,2026-11-22 09:05,40.00,后台备注,小林,');
    // 3001, 3002, 3006, 3009 (小丽), 3005, 3010 (阿张), 3007 (小林), 3012 (no name).
    expect(lines).toContain('2026-11,合计 8 单,,,,558.00,,,');
  });
});
