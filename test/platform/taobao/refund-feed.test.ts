import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { topSign } from '../../../src/platform/top/sign.js';
import { REFUND_FIELDS } from '../../../src/platform/top/wire.js';
import { parseInstant } from '../../../src/shared/time.js';
import { BASE_OPTIONS, collect, fakeGateway, testPlatform } from './top-gateway.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const KEY = 'refunds_receive_get_response';

/**
 * One refund as taobao.refunds.receive.get writes it (the refund structure's field names; ids as bare 64-bit numbers,
 * amounts as yuan strings, has_good_return a JSON boolean).
 */
function rawRefund(refundId: string, over: Record<string, string> = {}): string {
  const f = {
    status: '"WAIT_SELLER_CONFIRM_GOODS"',
    has_good_return: 'true',
    good_status: '"BUYER_RETURNED_GOODS"',
    refund_fee: '"128.50"',
    company_name: '"中通快递"',
    sid: '"78123456789012"',
    modified: '"2026-11-23 12:00:00"',
    ...over,
  };
  return `{"refund_id":${refundId},"tid":4137654321098765432,"oid":4137654321098765433,"status":${f.status},"has_good_return":${f.has_good_return},"good_status":${f.good_status},"refund_fee":${f.refund_fee},"buyer_nick":"tb_小雨","title":"宽松针织开衫","reason":"尺码不合适","company_name":${f.company_name},"sid":${f.sid},"created":"2026-11-20 09:15:00","modified":${f.modified}}`;
}

function page(rows: string[], total?: number): string {
  const totalPart = total === undefined ? '"has_next":false' : `"total_results":${total}`;
  return `{"${KEY}":{${totalPart},"refunds":{"refund":[${rows.join(',')}]},"request_id":"r"}}`;
}

const window = {
  start: parseInstant('2026-11-23T00:00:00+08:00'),
  end: parseInstant('2026-11-23T18:00:00+08:00'),
};

describe('receivedRefunds (taobao.refunds.receive.get)', () => {
  it('when a refund comes back, then its ids stay exact, refund_fee is fen and the return waybill is mapped', async () => {
    const gw = fakeGateway(() => page([rawRefund('9123456789012345678')], 1));
    const { platform } = testPlatform();
    const [refund] = (await collect(platform.receivedRefunds(window))).flat();
    expect(refund).toEqual({
      refundId: '9123456789012345678',
      tid: '4137654321098765432',
      oid: '4137654321098765433',
      status: 'WAIT_SELLER_CONFIRM_GOODS',
      hasGoodReturn: true,
      goodStatus: 'BUYER_RETURNED_GOODS',
      refundFeeFen: 12850,
      buyerNick: 'tb_小雨',
      title: '宽松针织开衫',
      reason: '尺码不合适',
      companyName: '中通快递',
      sid: '78123456789012',
      created: '2026-11-20T09:15:00.000+08:00',
      modified: '2026-11-23T12:00:00.000+08:00',
    });
    const p = gw.requests[0]!;
    expect(p.get('method')).toBe('taobao.refunds.receive.get');
    expect(p.get('fields')).toBe(REFUND_FIELDS.join(','));
    expect([p.get('start_modified'), p.get('end_modified')]).toEqual(['2026-11-23 00:00:00', '2026-11-23 18:00:00']);
    expect(p.get('session')).toBe(BASE_OPTIONS.session);
    // Without the full type list the platform leaves out refunds of other trade types.
    expect(p.get('type')?.split(',')).toEqual(expect.arrayContaining(['fixed', 'step', 'cod']));
  });

  it('when the request is sent, then it carries a valid signature over every parameter', async () => {
    const gw = fakeGateway(() => page([], 0));
    const { platform } = testPlatform();
    await collect(platform.receivedRefunds(window));
    const params = Object.fromEntries(gw.requests[0]!);
    const { sign, ...rest } = params;
    expect(params.sign_method).toBe('hmac-sha256');
    expect(sign).toBe(topSign(rest, BASE_OPTIONS.appSecret, 'hmac-sha256'));
    // A tampered parameter no longer matches: the check above is not vacuous.
    expect(topSign({ ...rest, page_no: '2' }, BASE_OPTIONS.appSecret, 'hmac-sha256')).not.toBe(sign);
  });

  it('when there are three pages, then page 1 gives the total and pages 3, 2 and 1 again follow, each refund once', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => `91234567890123456${String(10 + i)}`);
    const gw = fakeGateway((p) => {
      const size = Number(p.get('page_size'));
      const no = Number(p.get('page_no'));
      const rows = ids.slice((no - 1) * size, no * size).map((id) => rawRefund(id));
      return page(rows, p.get('use_has_next') === 'true' ? undefined : ids.length);
    });
    const { platform } = testPlatform({ pageSize: 2, concurrency: 1 });
    const got = (await collect(platform.receivedRefunds(window))).flat().map((r) => r.refundId);
    expect(gw.requests.map((p) => p.get('page_no'))).toEqual(['1', '3', '2', '1']);
    expect(gw.requests.map((p) => p.get('use_has_next'))).toEqual(['false', 'true', 'true', 'false']);
    expect(gw.requests.map((p) => p.get('page_size'))).toEqual(['2', '2', '2', '2']);
    expect([...got].sort()).toEqual([...ids].sort());
  });

  it('when the window is longer than a day, then each day is asked for on its own', async () => {
    const gw = fakeGateway(() => page([], 0));
    const { platform } = testPlatform();
    const start = parseInstant('2026-11-21T06:00:00+08:00');
    await collect(platform.receivedRefunds({ start, end: start + 2 * 86_400_000 }));
    expect(gw.requests.map((p) => [p.get('start_modified'), p.get('end_modified')])).toEqual([
      ['2026-11-21 06:00:00', '2026-11-22 06:00:00'],
      ['2026-11-22 06:00:00', '2026-11-23 06:00:00'],
    ]);
  });

  it('when a refund has no return and no fee yet, then it maps to false, 0 fen and an empty waybill', async () => {
    fakeGateway(() =>
      page(
        [
          rawRefund('9123456789012345699', {
            has_good_return: 'false',
            refund_fee: '""',
            company_name: '""',
            sid: '""',
            status: '"WAIT_SELLER_AGREE"',
          }),
        ],
        1,
      ),
    );
    const { platform } = testPlatform();
    const [r] = (await collect(platform.receivedRefunds(window))).flat();
    expect([r!.hasGoodReturn, r!.refundFeeFen, r!.sid, r!.companyName]).toEqual([false, 0, '', '']);
  });

  it('when refund_fee is not an amount, then the page is refused rather than guessed', async () => {
    fakeGateway(() => page([rawRefund('9123456789012345600', { refund_fee: '"12,8"' })], 1));
    const { platform } = testPlatform();
    await expect(collect(platform.receivedRefunds(window))).rejects.toThrow(/refund_fee/);
  });
});
