import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  TopBusinessError,
  TopRateLimitError,
  TopSessionError,
  TopSignatureError,
} from '../../../src/platform/taobao/index.js';
import type { TradeCloseReason } from '../../../src/platform/index.js';
import { fakeGateway, fixture, testPlatform, type GatewayReply } from './top-gateway.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const TID = '4137654321098765432';
const OK = () => fixture('trade-fullinfo-get.json');

/** Answers `first` to the first request, the order itself after that. */
function failOnce(first: GatewayReply) {
  return fakeGateway((_p, i) => (i === 0 ? first : OK()));
}

describe('retries against the TOP gateway', () => {
  it('when the app is banned for 12 seconds (code 7), then the call waits 12 s and then succeeds', async () => {
    const gw = failOnce(fixture('error-rate-limit.json'));
    const { platform, sleeps } = testPlatform();
    await expect(platform.getOrder(TID)).resolves.toMatchObject({ tid: TID });
    expect(sleeps).toEqual([12_000]);
    expect(gw.requests).toHaveLength(2);
    expect(gw.requests[1]!.get('timestamp')).toBe('2026-11-23 18:00:12');
  });

  it('when a ban is longer than a minute, then the rate-limit error surfaces without waiting', async () => {
    fakeGateway(
      () =>
        '{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 3600 more seconds"}}',
    );
    const { platform, sleeps } = testPlatform();
    const err = await platform.getOrder(TID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TopRateLimitError);
    expect(err).toMatchObject({ retryAfterMs: 3_600_000 });
    expect(sleeps).toEqual([]);
  });

  it('when the app is banned for an hour, then the next call fails at once with the ban and is not sent into it', async () => {
    const gw = fakeGateway(
      () =>
        '{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 3600 more seconds"}}',
    );
    const { platform } = testPlatform();
    await expect(platform.getOrder(TID)).rejects.toBeInstanceOf(TopRateLimitError);
    await expect(platform.getOrder(TID)).rejects.toBeInstanceOf(TopRateLimitError);
    expect(gw.requests).toHaveLength(1);
  });

  it('when the platform reports isp.* once, then the call is retried after a backoff and succeeds', async () => {
    failOnce(fixture('error-isp.json'));
    const { platform, sleeps } = testPlatform();
    await expect(platform.getOrder(TID)).resolves.toMatchObject({ tid: TID });
    expect(sleeps).toEqual([150]);
    expect(platform.stats().calls).toBe(2);
  });

  it('when isp.* goes on, then the fault surfaces after the retries are spent', async () => {
    const gw = fakeGateway(() => fixture('error-isp.json'));
    const { platform } = testPlatform();
    await expect(platform.getOrder(TID)).rejects.toMatchObject({ code: 'top_upstream_fault', retriable: true });
    expect(gw.requests).toHaveLength(4);
  });

  it('when the platform refuses with isv.*, then there is no retry', async () => {
    const gw = fakeGateway(
      () =>
        '{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"close_reason不合法"}}',
    );
    const { platform } = testPlatform();
    await expect(platform.closeTrade(TID, '随便' as TradeCloseReason)).rejects.toBeInstanceOf(TopBusinessError);
    expect(gw.requests).toHaveLength(1);
  });

  it('when the signature is rejected (25), then there is no retry', async () => {
    const gw = fakeGateway(() => fixture('error-invalid-signature.json'));
    const { platform } = testPlatform();
    await expect(platform.getOrder(TID)).rejects.toBeInstanceOf(TopSignatureError);
    expect(gw.requests).toHaveLength(1);
  });

  it.each([
    ['error-missing-session.json', 26],
    ['error-invalid-session.json', 27],
  ])(
    'when the session is refused (%s), then there is no retry and the admin is told to renew it',
    async (file, code) => {
      const gw = fakeGateway(() => fixture(file));
      const { platform } = testPlatform();
      const err = await platform.getOrder(TID).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TopSessionError);
      expect(err).toMatchObject({ topCode: code, retriable: false });
      expect((err as Error).message).toMatch(/renew/);
      expect(gw.requests).toHaveLength(1);
    },
  );

  it('when the gateway answers an HTML page once, then it is retried as malformed and succeeds', async () => {
    failOnce(fixture('malformed-gateway-page.html'));
    const { platform } = testPlatform();
    await expect(platform.getOrder(TID)).resolves.toMatchObject({ tid: TID });
    expect(platform.stats().calls).toBe(2);
  });

  it('when the gateway answers HTTP 502 then 200, then the call succeeds', async () => {
    failOnce([502, fixture('malformed-gateway-page.html')]);
    const { platform, sleeps } = testPlatform();
    await expect(platform.getOrder(TID)).resolves.toMatchObject({ tid: TID });
    expect(sleeps).toEqual([150]);
  });

  it('when the gateway is too slow once, then the attempt times out and the retry succeeds', async () => {
    const gw = failOnce({ late: OK() });
    // The retry must come back within the timeout too: 500 ms holds on a machine under heavy load (40 did not).
    const { platform } = testPlatform({ timeoutMs: 500 });
    await expect(platform.getOrder(TID)).resolves.toMatchObject({ tid: TID });
    expect(gw.requests).toHaveLength(2);
  });
});

describe('calls that change something are never sent twice blindly', () => {
  const memoOk = () => fixture('trade-memo-update.json');
  const closed = () => OK().replaceAll('WAIT_SELLER_SEND_GOODS', 'TRADE_CLOSED');

  it('when a memo write is answered 502, then it is not resent (it overwrites the whole memo) and the fault surfaces', async () => {
    const gw = fakeGateway(() => [502, 'Bad Gateway']);
    const { platform } = testPlatform();
    await expect(platform.updateMemo(TID, '补发袜子+小李/11.23', 3)).rejects.toMatchObject({ retriable: true });
    expect(gw.methods()).toEqual(['taobao.trade.memo.update']);
  });

  it('when a memo write is refused by a 12-second ban, then it waits and is sent again (nothing was applied)', async () => {
    const gw = fakeGateway((_p, i) => (i === 0 ? fixture('error-rate-limit.json') : memoOk()));
    const { platform, sleeps } = testPlatform();
    await expect(platform.updateMemo(TID, '补发袜子+小李/11.23', 3)).resolves.toMatchObject({
      modifiedAt: expect.any(String),
    });
    expect(sleeps).toEqual([12_000]);
    expect(gw.methods()).toEqual(['taobao.trade.memo.update', 'taobao.trade.memo.update']);
  });

  it('when closing a trade loses its answer but the trade is closed, then the close succeeds without being sent again', async () => {
    const gw = fakeGateway((p) => (p.get('method') === 'taobao.trade.close' ? [502, 'Bad Gateway'] : closed()));
    const { platform } = testPlatform();
    await expect(platform.closeTrade(TID, '同城见面交易')).resolves.toMatchObject({ status: 'TRADE_CLOSED' });
    expect(gw.methods()).toEqual(['taobao.trade.close', 'taobao.trade.fullinfo.get']);
  });

  it('when closing a trade loses its answer and the trade is still open, then the fault surfaces and the close was sent once', async () => {
    const gw = fakeGateway((p) => (p.get('method') === 'taobao.trade.close' ? [502, 'Bad Gateway'] : OK()));
    const { platform } = testPlatform();
    await expect(platform.closeTrade(TID, '同城见面交易')).rejects.toMatchObject({ retriable: true });
    expect(gw.methods()).toEqual(['taobao.trade.close', 'taobao.trade.fullinfo.get']);
  });

  it('when a read is answered 502 once, then it is still retried', async () => {
    const gw = failOnce([502, 'Bad Gateway']);
    const { platform } = testPlatform();
    await expect(platform.getOrder(TID)).resolves.toMatchObject({ tid: TID });
    expect(gw.requests).toHaveLength(2);
  });
});

describe('the call budget', () => {
  it('when four calls arrive together with a budget of 24 a minute (a burst of two), then the third and fourth wait for tokens', async () => {
    fakeGateway(OK);
    const { platform, sleeps } = testPlatform({ callsPerMinute: 24 });
    await Promise.all([platform.getOrder(TID), platform.getOrder(TID), platform.getOrder(TID), platform.getOrder(TID)]);
    expect(sleeps).toEqual([2_500, 5_000]);
    expect(platform.stats().calls).toBe(4);
  });

  it('when calls follow one another past the budget, then they are spaced by the refill interval', async () => {
    fakeGateway(OK);
    const { platform, sleeps } = testPlatform({ callsPerMinute: 24 });
    for (let i = 0; i < 4; i++) await platform.getOrder(TID);
    expect(sleeps).toEqual([2_500, 2_500]);
  });
});
