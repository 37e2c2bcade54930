import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TRADE_TYPES, TRADE_FIELDS } from '../../../src/platform/top/wire.js';
import { DAY, HOUR, parseInstant } from '../../../src/shared/time.js';
import { collect, fakeGateway, rawTrade, testPlatform, tradesPage } from './top-gateway.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const INC = 'trades_sold_increment_get_response';
const day = (iso: string) => parseInstant(iso);
const tids = (n: number) => Array.from({ length: n }, (_, i) => `41376543210987${String(65000 + i)}`);

/** The platform's rows for a window, served page by page as page_no/page_size ask. */
function servePages(key: string, rows: string[]) {
  return fakeGateway((p) => {
    const size = Number(p.get('page_size'));
    const no = Number(p.get('page_no'));
    const slice = rows.slice((no - 1) * size, no * size);
    return tradesPage(key, slice, p.get('use_has_next') === 'false' ? rows.length : undefined);
  });
}

describe('changedOrders', () => {
  const window = { start: day('2026-11-23T00:00:00+08:00'), end: day('2026-11-23T18:00:00+08:00') };

  it('when there are three pages, then page 1 is read first, then 3 and 2, then 1 again, and every order arrives exactly once', async () => {
    const all = tids(5);
    const gw = servePages(
      INC,
      all.map((t) => rawTrade(t)),
    );
    const { platform } = testPlatform({ pageSize: 2, concurrency: 1 });
    const pages = await collect(platform.changedOrders(window));
    expect(gw.requests.map((p) => p.get('page_no'))).toEqual(['1', '3', '2', '1']);
    expect(gw.requests.map((p) => p.get('use_has_next'))).toEqual(['false', 'true', 'true', 'false']);
    expect(pages.map((p) => p.map((o) => o.tid))).toEqual([[all[0], all[1]], [all[4]], [all[2], all[3]]]);
    const first = gw.requests[0]!;
    expect([
      first.get('method'),
      first.get('start_modified'),
      first.get('end_modified'),
      first.get('page_size'),
    ]).toEqual(['taobao.trades.sold.increment.get', '2026-11-23 00:00:00', '2026-11-23 18:00:00', '2']);
    expect(first.get('fields')).toBe(TRADE_FIELDS.join(','));
    // Without the full type list the increment API returns only a few default trade types.
    expect(first.get('type')?.split(',')).toContain('fixed');
    expect(platform.stats().calls).toBe(4);
  });

  it('when four pages may be in flight, then pages 9 to 2 are read once, page 1 twice, and no order is lost or repeated', async () => {
    const all = tids(17);
    const gw = servePages(
      INC,
      all.map((t) => rawTrade(t)),
    );
    const { platform } = testPlatform({ pageSize: 2, concurrency: 4 });
    const got = (await collect(platform.changedOrders(window))).flat().map((o) => o.tid);
    expect([...got].sort()).toEqual([...all].sort());
    expect(gw.requests.map((p) => p.get('page_no'))).toEqual(['1', '9', '8', '7', '6', '5', '4', '3', '2', '1']);
  });

  it('when an order shows up twice while paging, then the newer copy is kept and an equal or older one dropped', async () => {
    const [a, b, c] = tids(3) as [string, string, string];
    const byPage: Record<string, string[]> = {
      '1': [rawTrade(a, '2026-11-23 12:00:00')],
      '3': [rawTrade(b, '2026-11-23 12:00:00')],
      '2': [
        rawTrade(c),
        rawTrade(b, '2026-11-23 12:00:00'),
        rawTrade(a, '2026-11-23 11:00:00'),
        rawTrade(b, '2026-11-23 12:30:00'),
      ],
    };
    fakeGateway((p) => tradesPage(INC, byPage[p.get('page_no')!]!, 3));
    const { platform } = testPlatform({ pageSize: 1, concurrency: 1 });
    const got = (await collect(platform.changedOrders(window))).flat().map((o) => [o.tid, o.modifiedAt]);
    expect(got).toEqual([
      [a, '2026-11-23T12:00:00.000+08:00'],
      [b, '2026-11-23T12:00:00.000+08:00'],
      [c, '2026-11-23T12:00:00.000+08:00'],
      [b, '2026-11-23T12:30:00.000+08:00'],
    ]);
  });

  it('when the window spans two and a half days, then it is asked for day by day', async () => {
    const gw = fakeGateway(() => tradesPage(INC, [], 0));
    const { platform } = testPlatform();
    const start = day('2026-11-20T00:00:00+08:00');
    expect(await collect(platform.changedOrders({ start, end: start + 2 * DAY + 12 * HOUR }))).toEqual([]);
    expect(gw.requests.map((p) => [p.get('start_modified'), p.get('end_modified')])).toEqual([
      ['2026-11-20 00:00:00', '2026-11-21 00:00:00'],
      ['2026-11-21 00:00:00', '2026-11-22 00:00:00'],
      ['2026-11-22 00:00:00', '2026-11-22 12:00:00'],
    ]);
  });
});

describe('createdOrders', () => {
  it('when backfilling three days, then trades.sold.get is asked per day by creation time with every trade type', async () => {
    // Only the middle day has an order.
    const gw = fakeGateway((p) => {
      const rows = p.get('start_created')!.startsWith('2026-11-21') ? [rawTrade(tids(1)[0]!)] : [];
      return tradesPage('trades_sold_get_response', rows, rows.length);
    });
    const { platform } = testPlatform();
    const start = day('2026-11-20T00:00:00+08:00');
    const pages = await collect(platform.createdOrders({ start, end: start + 3 * DAY }));
    expect(pages.flat().map((o) => o.tid)).toEqual(tids(1));
    expect(gw.methods()).toEqual(['taobao.trades.sold.get', 'taobao.trades.sold.get', 'taobao.trades.sold.get']);
    expect(gw.requests.map((p) => p.get('start_created'))).toEqual([
      '2026-11-20 00:00:00',
      '2026-11-21 00:00:00',
      '2026-11-22 00:00:00',
    ]);
    expect(gw.requests[0]!.get('type')).toBe(ALL_TRADE_TYPES.join(','));
    expect(gw.requests[0]!.get('type')).toContain('step');
  });
});

describe('negativeReviews', () => {
  it('when neutral reviews fill two pages and bad ones one, then neutral pages come first and paging follows has_next', async () => {
    const rate = (tid: string, result: string) =>
      `{"tid":${tid},"oid":${tid}1,"role":"buyer","nick":"tb_x","result":"${result}","created":"2026-11-22 10:00:00","content":"一般"}`;
    const gw = fakeGateway((p) => {
      const result = p.get('result')!;
      const page = p.get('page_no')!;
      const hasNext = result === 'neutral' && page === '1';
      return `{"traderates_get_response":{"has_next":${hasNext},"trade_rates":{"trade_rate":[${rate(`41376543210987654${result === 'bad' ? 9 : page}0`, result)}]}}}`;
    });
    const { platform } = testPlatform();
    const window = { start: day('2026-11-16T00:00:00+08:00'), end: day('2026-11-23T00:00:00+08:00') };
    const reviews = (await collect(platform.negativeReviews(window))).flat();
    expect(gw.requests.map((p) => [p.get('result'), p.get('page_no')])).toEqual([
      ['neutral', '1'],
      ['neutral', '2'],
      ['bad', '1'],
    ]);
    expect(reviews.map((r) => [r.tid, r.result])).toEqual([
      ['4137654321098765410', 'neutral'],
      ['4137654321098765420', 'neutral'],
      ['4137654321098765490', 'bad'],
    ]);
    const first = gw.requests[0]!;
    expect([
      first.get('method'),
      first.get('rate_type'),
      first.get('role'),
      first.get('use_has_next'),
      first.get('start_date'),
      first.get('end_date'),
    ]).toEqual(['taobao.traderates.get', 'get', 'buyer', 'true', '2026-11-16 00:00:00', '2026-11-23 00:00:00']);
  });
});
