/**
 * /api/print-batches through the real service on the sandbox shop: the next batch lists its paid orders by courier,
 * and "printed" writes the catalogue's print remark once per order, as the logged-in person, however often it is
 * posted and by whom.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchView, EntryView } from '../../src/printing/index.js';
import { splitMemo } from '../../src/remarks/index.js';
import { serviceRig } from '../support/service-rig.js';

let rig: Awaited<ReturnType<typeof serviceRig>>;
let xiaoli: string;
let azhang: string;
beforeAll(async () => {
  rig = await serviceRig({ XIAOER_SANDBOX_ORDERS: '400' });
  [xiaoli, azhang] = await Promise.all([rig.login('xiaoli'), rig.login('azhang')]);
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

const get = (path: string, token = xiaoli) => request(rig.svc.url).get(path).set('Authorization', `Bearer ${token}`);
const post = (path: string, token: string, body: object = {}) =>
  request(rig.svc.url).post(path).set('Authorization', `Bearer ${token}`).send(body);
const MEMO_DATE = /^\d{2}\.\d{2}$/;

describe('print batches over HTTP', () => {
  it('when 已打印 is posted twice, by two people, then each order of the batch carries the print remark exactly once', async () => {
    const day = (await get('/api/print-batches').expect(200)).body;
    const { date, time } = day.next as { date: string; time: string };
    const path = `/api/print-batches/${date}/${time.replace(':', '')}`;
    const batch = (await get(path).expect(200)).body as BatchView;
    const toPrint = batch.groups.flatMap((g) => g.orders).filter((o: EntryView) => o.state === 'to_print');
    // The sandbox shop always has paid orders the warehouse has not shipped yet.
    expect(toPrint.length).toBeGreaterThan(0);

    const first = (await post(`${path}/printed`, xiaoli).expect(200)).body;
    expect(first.results.filter((r: { outcome: string }) => r.outcome === 'written').length).toBe(toPrint.length);
    const [again, other] = await Promise.all([
      post(`${path}/printed`, xiaoli).expect(200),
      post(`${path}/printed`, azhang).expect(200),
    ]);
    for (const res of [again, other])
      expect(new Set(res.body.results.map((r: { outcome: string }) => r.outcome))).toEqual(new Set(['printed']));

    for (const o of toPrint) {
      const history = (await get(`/api/orders/${o.tid}/remarks`).expect(200)).body;
      const prints = history.history.filter((e: { kind: string }) => e.kind === 'print.printed');
      expect(
        prints.map((e: { staff: string }) => e.staff),
        o.tid,
      ).toEqual(['小丽']);
      const memo = (await get(`/api/orders/${o.tid}`, azhang).expect(200)).body.sellerMemo as string;
      expect(splitMemo(memo).filter((e) => MEMO_DATE.test(e.text)).length, memo).toBe(1);
    }
    const after = (await get(path).expect(200)).body as BatchView;
    expect(after.counts.to_print).toBe(0);
    expect(after.runs.map((r) => r.staff)).toEqual(['小丽', '小丽', '阿张']);
  }, 60_000);

  it('when a time off the list or a wrong date is asked for, then the answer names it in Chinese', async () => {
    const wrongTime = (await get('/api/print-batches/2026-12-07/1300').expect(400)).body;
    expect(wrongTime.error.message).toMatch(/打单时间.*12:00、15:00、17:00/);
    const wrongDate = (await get('/api/print-batches?date=2026-13-01').expect(400)).body;
    expect(wrongDate.error.message).toMatch(/日期/);
    await request(rig.svc.url).get('/api/print-batches').expect(401);
  });

  it('when a batch is downloaded for the warehouse, then it is an Excel CSV with the batch’s orders and their lines', async () => {
    const { date, time } = (await get('/api/print-batches').expect(200)).body.next;
    const res = await get(`/api/print-batches/${date}/${time.replace(':', '')}/csv`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(`print-batch-${date}-${time.replace(':', '')}.csv`);
    expect(res.text.split('\r\n')[0]).toBe('\uFEFF订单号,快递,货号,商品,颜色,尺码,数量,卖家备注,买家留言');
  });
});
