import { describe, expect, it } from 'vitest';
import { callTop } from './third-party-client.js';
import { NOW, sandboxApp } from './fixtures.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import { createSandboxShop } from '../../../src/platform/sandbox/shop.js';
import { fixedClock } from '../../../src/shared/time.js';

const FIELDS = 'tid_str,status,seller_memo,seller_flag,modified';

describe('sandbox shop: memos and closing', () => {
  it('when a memo is updated, then fullinfo shows it with the flag and a later modified time', async () => {
    const { app, shop, clock } = sandboxApp();
    const t = shop.tradesByCreated(
      0,
      NOW,
      { statuses: new Set(['WAIT_SELLER_SEND_GOODS']) },
      { pageNo: 1, pageSize: 1 },
    ).items[0]!;
    const before = (await callTop(app, clock.now(), 'taobao.trade.fullinfo.get', { tid: t.tid, fields: FIELDS })).json
      .trade_fullinfo_get_response.trade;
    clock.advance(60_000);
    const memo = '收件地址修改为:浙江省杭州市西湖区文一西路100号+小美/11.23';
    const upd = await callTop(
      app,
      clock.now(),
      'taobao.trade.memo.update',
      { tid: t.tid, memo, flag: '1' },
      { via: 'POST' },
    );
    expect(upd.json.trade_memo_update_response.trade.tid).toBe(Number(t.tid));
    const after = (await callTop(app, clock.now(), 'taobao.trade.fullinfo.get', { tid: t.tid, fields: FIELDS })).json
      .trade_fullinfo_get_response.trade;
    expect(after).toMatchObject({ tid_str: t.tid, seller_memo: memo, seller_flag: 1 });
    expect(after.modified > before.modified).toBe(true);
    const changed = shop.tradesByModified(NOW, NOW + 120_000, {}, { pageNo: 1, pageSize: 10 }).items.map((x) => x.tid);
    expect(changed).toContain(t.tid);
  });

  it('when a memo is longer than 1000 bytes or the flag is out of range, then the update is refused and nothing changes', async () => {
    const { app, shop } = sandboxApp();
    const t = shop.tradesByCreated(0, NOW, {}, { pageNo: 1, pageSize: 1 }).items[0]!;
    const memoBefore = t.memo;
    const long = await callTop(
      app,
      NOW,
      'taobao.trade.memo.update',
      { tid: t.tid, memo: '备'.repeat(334) },
      { via: 'POST' },
    );
    expect(long.json.error_response.sub_code).toMatch(/^isv\./);
    const flag = await callTop(app, NOW, 'taobao.trade.memo.update', { tid: t.tid, memo: 'x', flag: '11' });
    expect(flag.json.error_response.sub_code).toMatch(/^isv\.invalid-parameter/);
    expect(shop.trade(t.tid)!.memo).toBe(memoBefore);
    const exact = await callTop(
      app,
      NOW,
      'taobao.trade.memo.update',
      { tid: t.tid, memo: '备'.repeat(333) + 'a' },
      { via: 'POST' },
    );
    expect(exact.json.trade_memo_update_response).toBeDefined();
  });

  it("when closing a paid trade, or with a reason off the platform's list, then it is refused; an unpaid one closes as TRADE_CLOSED_BY_TAOBAO", async () => {
    const { app, shop } = sandboxApp();
    const paid = shop.tradesByCreated(
      0,
      NOW,
      { statuses: new Set(['WAIT_SELLER_SEND_GOODS']) },
      { pageNo: 1, pageSize: 1 },
    ).items[0]!;
    const refused = await callTop(app, NOW, 'taobao.trade.close', { tid: paid.tid, close_reason: '买家不想买了' });
    expect(refused.json.error_response).toMatchObject({ code: 15, sub_code: 'isv.trade-status-error' });
    expect(shop.trade(paid.tid)!.status).toBe('WAIT_SELLER_SEND_GOODS');
    const unpaid = shop.tradesByCreated(0, NOW, { statuses: new Set(['WAIT_BUYER_PAY']) }, { pageNo: 1, pageSize: 1 })
      .items[0]!;
    // A reason off the platform's list is refused, as the real gateway refuses it, and the trade stays open.
    const offList = await callTop(app, NOW, 'taobao.trade.close', {
      tid: unpaid.tid,
      close_reason: '买家选择银行汇款',
    });
    expect(offList.json.error_response).toMatchObject({ code: 15, sub_code: 'isv.invalid-parameter' });
    expect(offList.json.error_response.sub_msg).toContain('close_reason不合法');
    expect(shop.trade(unpaid.tid)!.status).toBe('WAIT_BUYER_PAY');
    const closed = await callTop(app, NOW, 'taobao.trade.close', { tid: unpaid.tid, close_reason: '买家不想买了' });
    expect(closed.json.trade_close_response.trade.status).toBe('TRADE_CLOSED_BY_TAOBAO');
    const unknown = await callTop(app, NOW, 'taobao.trade.fullinfo.get', {
      tid: '1000000000000000000',
      fields: FIELDS,
    });
    expect(unknown.json.error_response.sub_code).toBe('isv.trade-not-exist');
  });

  it('when two memo updates arrive at once with a store, then memory and store both hold the last one', async () => {
    const store = createMemoryStore();
    const clock = fixedClock(NOW);
    const shop = createSandboxShop({ seed: 5, orders: 300, clock, store });
    const tid = shop.tradesByCreated(0, NOW, {}, { pageNo: 1, pageSize: 1 }).items[0]!.tid;
    const [a, b] = await Promise.all([
      shop.updateMemo(tid, { memo: '第一条' }),
      shop.updateMemo(tid, { memo: '第二条', flag: 3 }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    await shop.flush();
    expect(shop.trade(tid)!.memo).toBe('第二条');
    expect(store.get<{ memo: string; flag: number }>('sandbox.trades', tid)).toMatchObject({ memo: '第二条', flag: 3 });
  });

  it('when a shipped trade is traced, then the platform trace and the parcel source tell the same waybill', async () => {
    const { app, shop } = sandboxApp();
    const t = shop.tradesByCreated(
      0,
      NOW,
      { statuses: new Set(['WAIT_BUYER_CONFIRM_GOODS']) },
      { pageNo: 1, pageSize: 1 },
    ).items[0]!;
    const { json } = await callTop(app, NOW, 'taobao.logistics.trace.search', { tid: t.tid });
    const body = json.logistics_trace_search_response;
    expect(body.out_sid).toBe(t.parcel!.waybill);
    expect(body.trace_list.transit_step_info.length).toBeGreaterThan(0);
    expect(shop.findParcel(t.parcel!.waybill)).toMatchObject({
      tid: t.tid,
      company: t.parcel!.company,
      fate: t.parcel!.fate,
    });
    expect([...shop.parcels({ start: t.consigned!, end: t.consigned! + 1000 })].map((p) => p.tid)).toContain(t.tid);
  });

  it('when negative reviews are asked for a window, then only neutral or bad ones of that window come back', async () => {
    const { app } = sandboxApp();
    const { json } = await callTop(app, NOW, 'taobao.traderates.get', {
      fields: 'tid,oid,nick,result,created,content,item_title',
      rate_type: 'get',
      role: 'buyer',
      result: 'bad',
      page_size: '150',
    });
    const rates = json.traderates_get_response.trade_rates.trade_rate;
    expect(rates.length).toBeGreaterThan(0);
    expect(rates.every((r: { result: string; content: string }) => r.result === 'bad' && r.content)).toBe(true);
  });
});
