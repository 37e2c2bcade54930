import { describe, expect, it } from 'vitest';
import { callTop, topTimestamp, type SignMethod } from './third-party-client.js';
import { NOW, sandboxApp } from './fixtures.js';

const { app, shop } = sandboxApp();
const DAY = 86_400_000;
const LIST = {
  fields: 'tid,tid_str,status,created,modified,payment,buyer_nick,orders.oid_str,orders.sku_properties_name',
  type: 'fixed,step',
};

describe('sandbox TOP gateway, called by a third-party client', () => {
  for (const via of ['GET', 'POST'] as const) {
    for (const signMethod of ['md5', 'hmac', 'hmac-sha256'] as SignMethod[]) {
      it(`when a ${via} request is signed with ${signMethod}, then trades come back wrapped in the method's response`, async () => {
        const { json } = await callTop(
          app,
          NOW,
          'taobao.trades.sold.get',
          { ...LIST, start_created: topTimestamp(NOW - 7 * DAY), end_created: topTimestamp(NOW), page_size: '5' },
          { via, signMethod },
        );
        const body = json.trades_sold_get_response;
        expect(body.request_id).toEqual(expect.any(String));
        expect(body.trades.trade).toHaveLength(5);
        expect(body.total_results).toBeGreaterThan(5);
        expect(body.trades.trade[0].payment).toMatch(/^\d+\.\d{2}$/);
        expect(body.trades.trade[0].orders.order[0].sku_properties_name).toMatch(/^颜色分类:.+;(尺码|鞋码):.+$/);
      });
    }
  }

  it('when a business parameter holds Chinese text and is sent by form POST, then the signature still verifies', async () => {
    const tid = shop.tradesByCreated(0, NOW, {}, { pageNo: 1, pageSize: 1 }).items[0]!.tid;
    const { json } = await callTop(
      app,
      NOW,
      'taobao.trade.memo.update',
      { tid, memo: '顾客要求发顺丰+小美/11.23', flag: '2' },
      { via: 'POST', signMethod: 'hmac' },
    );
    expect(json.trade_memo_update_response.trade.modified).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('when the signature is wrong, then code 25 with HTTP 200', async () => {
    const { json } = await callTop(app, NOW, 'taobao.trades.sold.get', LIST, {
      tamper: (p) => {
        p.page_size = '7';
      },
    });
    expect(json.error_response).toMatchObject({ code: 25, msg: 'Invalid Signature' });
    const wrongSecret = await callTop(app, NOW, 'taobao.trades.sold.get', LIST, {
      secret: 'guess',
      signMethod: 'hmac-sha256',
    });
    expect(wrongSecret.json.error_response.code).toBe(25);
  });

  for (const via of ['GET', 'POST'] as const) {
    it(`when a ${via} request carries an empty buyer_nick, then it is accepted signed without it or with its bare name, and a wrong one is still code 25`, async () => {
      const query = { ...LIST, buyer_nick: '', page_size: '3' };
      for (const emptyAsName of [false, true]) {
        for (const signMethod of ['md5', 'hmac-sha256'] as SignMethod[]) {
          const { json } = await callTop(app, NOW, 'taobao.trades.sold.get', query, { via, signMethod, emptyAsName });
          expect(json.error_response, `${signMethod} emptyAsName=${emptyAsName}`).toBeUndefined();
          // An empty buyer_nick filters nothing, as on the platform.
          expect(json.trades_sold_get_response.trades.trade).toHaveLength(3);
        }
      }
      const tampered = await callTop(app, NOW, 'taobao.trades.sold.get', query, {
        via,
        emptyAsName: true,
        tamper: (p) => {
          p.page_size = '4';
        },
      });
      expect(tampered.json.error_response.code).toBe(25);
    });
  }

  it('when the timestamp is more than 10 minutes off, then code 31; within 10 minutes it passes', async () => {
    const stale = await callTop(app, NOW, 'taobao.trades.sold.get', LIST, {
      timestamp: topTimestamp(NOW - 11 * 60_000),
    });
    expect(stale.json.error_response.code).toBe(31);
    const skewed = await callTop(app, NOW, 'taobao.trades.sold.get', LIST, {
      timestamp: topTimestamp(NOW + 9 * 60_000),
    });
    expect(skewed.json.trades_sold_get_response).toBeDefined();
  });

  it('when the app key is missing or unknown, then codes 28 and 29', async () => {
    expect(
      (await callTop(app, NOW, 'taobao.trades.sold.get', LIST, { appKey: null })).json.error_response,
    ).toMatchObject({ code: 28, msg: 'Missing App Key' });
    expect(
      (await callTop(app, NOW, 'taobao.trades.sold.get', LIST, { appKey: '12345678' })).json.error_response,
    ).toMatchObject({ code: 29, msg: 'Invalid App Key' });
  });

  it('when the session is missing or invalid, then codes 26 and 27; an unknown method is 22', async () => {
    expect((await callTop(app, NOW, 'taobao.trades.sold.get', LIST, { session: null })).json.error_response.code).toBe(
      26,
    );
    expect(
      (await callTop(app, NOW, 'taobao.trades.sold.get', LIST, { session: 'expired' })).json.error_response.code,
    ).toBe(27);
    expect((await callTop(app, NOW, 'taobao.items.onsale.get', LIST)).json.error_response).toMatchObject({
      code: 22,
      msg: 'Invalid Method',
    });
  });

  it('when the increment window is longer than one day, then an isv.invalid-parameter error', async () => {
    const { json } = await callTop(app, NOW, 'taobao.trades.sold.increment.get', {
      ...LIST,
      start_modified: topTimestamp(NOW - DAY - 1000),
      end_modified: topTimestamp(NOW),
    });
    expect(json.error_response.sub_code).toMatch(/^isv\.invalid-parameter/);
  });

  it('when trades are returned, then tid is a bare 19-digit number in the raw JSON text and equals tid_str exactly', async () => {
    const { text, json } = await callTop(app, NOW, 'taobao.trades.sold.get', { ...LIST, page_size: '3' });
    for (const t of json.trades_sold_get_response.trades.trade) {
      expect(text).toContain(`"tid":${t.tid_str},`);
      expect(t.tid_str).toMatch(/^\d{19}$/);
    }
  });

  it('when fields name a few trade and order fields, then only those come back', async () => {
    const { json } = await callTop(app, NOW, 'taobao.trades.sold.get', {
      fields: 'tid_str,status,orders.title',
      type: 'fixed,step',
      page_size: '4',
    });
    for (const t of json.trades_sold_get_response.trades.trade) {
      expect(Object.keys(t).sort()).toEqual(['orders', 'status', 'tid_str']);
      for (const o of t.orders.order) expect(Object.keys(o)).toEqual(['title']);
    }
  });

  it('when all increment pages of a day are read, then every trade modified in it comes back exactly once, newest first', async () => {
    const start = NOW - DAY;
    const seen: string[] = [];
    // eslint-disable-next-line no-useless-assignment -- read after the loop, set by its first page
    let total = -1;
    let last = Infinity;
    for (let page = 1; ; page++) {
      const { json } = await callTop(app, NOW, 'taobao.trades.sold.increment.get', {
        fields: 'tid_str,modified',
        type: 'fixed,step',
        start_modified: topTimestamp(start),
        end_modified: topTimestamp(NOW),
        page_size: '7',
        page_no: String(page),
      });
      const body = json.trades_sold_increment_get_response;
      total = body.total_results;
      const trades = body.trades?.trade ?? [];
      for (const t of trades) {
        const m = Date.parse(t.modified.replace(' ', 'T') + '+08:00');
        expect(m).toBeLessThanOrEqual(last);
        last = m;
        seen.push(t.tid_str);
      }
      if (trades.length < 7) break;
    }
    const expected = shop.tradesByModified(start, NOW, {}, { pageNo: 1, pageSize: 1e6 }).items.map((t) => t.tid);
    expect(expected.length).toBeGreaterThan(7);
    expect(total).toBe(expected.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...expected].sort());
  });

  // On the platform guarantee_trade (in the default type list) covers fixed-price (一口价) and auction trades.
  const waitingFixed = (start: number, by: 'created' | 'modified') => {
    const filter = { statuses: new Set(['WAIT_SELLER_SEND_GOODS'] as const), types: new Set(['fixed']) };
    const page =
      by === 'created'
        ? shop.tradesByCreated(start, NOW, filter, { pageNo: 1, pageSize: 1e6 })
        : shop.tradesByModified(start, NOW, filter, { pageNo: 1, pageSize: 1e6 });
    return page.items.map((t) => t.tid).sort();
  };
  const tids = (trades: { tid_str: string; type: string }[] | undefined) => (trades ?? []).map((t) => t.tid_str).sort();

  for (const [who, type] of [
    ['omits type', undefined],
    ['sends guarantee_trade only', 'guarantee_trade'],
  ] as const) {
    it(`when a client ${who}, then trades.sold.get lists the paid fixed-price trades waiting to ship`, async () => {
      const start = NOW - 30 * DAY;
      const expected = waitingFixed(start, 'created');
      expect(expected.length).toBeGreaterThan(10);
      const { json } = await callTop(app, NOW, 'taobao.trades.sold.get', {
        fields: 'tid_str,type',
        status: 'WAIT_SELLER_SEND_GOODS',
        start_created: topTimestamp(start),
        end_created: topTimestamp(NOW),
        page_size: '100',
        ...(type ? { type } : {}),
      });
      const trades = json.trades_sold_get_response.trades?.trade;
      // fixed only, or fixed and step: guarantee_trade alone names no step trades.
      const fixed = (trades ?? []).filter((t: { type: string }) => t.type === 'fixed');
      expect(tids(fixed)).toEqual(expected);
      if (type) expect(trades.every((t: { type: string }) => t.type === 'fixed')).toBe(true);
    });

    it(`when a client ${who}, then trades.sold.increment.get lists the fixed-price trades waiting to ship`, async () => {
      const start = NOW - DAY;
      const expected = waitingFixed(start, 'modified');
      expect(expected.length).toBeGreaterThan(0);
      const { json } = await callTop(app, NOW, 'taobao.trades.sold.increment.get', {
        fields: 'tid_str,type',
        status: 'WAIT_SELLER_SEND_GOODS',
        start_modified: topTimestamp(start),
        end_modified: topTimestamp(NOW),
        page_size: '100',
        ...(type ? { type } : {}),
      });
      const fixed = (json.trades_sold_increment_get_response.trades?.trade ?? []).filter(
        (t: { type: string }) => t.type === 'fixed',
      );
      expect(tids(fixed)).toEqual(expected);
    });
  }
});
