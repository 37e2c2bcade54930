import { createHash, createHmac } from 'node:crypto';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../src/http-client/index.js';
import {
  buildTopRequest,
  encodeBusinessParams,
  topCall,
  type TopCallContext,
} from '../../../src/platform/taobao/index.js';
import { topSign } from '../../../src/platform/top/sign.js';
import { fixedClock } from '../../../src/shared/time.js';
import { BASE_OPTIONS, fakeGateway, fixture, testPlatform } from './top-gateway.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('topSign vectors', () => {
  const secret = 'helloworld';
  const params = (signMethod: string) => ({
    method: 'taobao.trade.fullinfo.get',
    app_key: '12345678',
    session: 'sess',
    timestamp: '2026-11-23 18:00:00',
    format: 'json',
    v: '2.0',
    sign_method: signMethod,
    fields: 'tid,type,status',
    tid: '4137654321098765432',
    close_reason: '买家不想买了',
    memo: '',
    sign: 'NOT-SIGNED',
  });
  // Sorted by name, empty memo and the sign itself left out, name+value run together.
  const concat = (signMethod: string) =>
    'app_key12345678' +
    'close_reason买家不想买了' +
    'fieldstid,type,status' +
    'formatjson' +
    'methodtaobao.trade.fullinfo.get' +
    'sessionsess' +
    `sign_method${signMethod}` +
    'tid4137654321098765432' +
    'timestamp2026-11-23 18:00:00' +
    'v2.0';

  it('when signing with md5, then it is md5(secret + sorted pairs + secret) in upper-case hex', () => {
    const expected = createHash('md5')
      .update(secret + concat('md5') + secret, 'utf8')
      .digest('hex')
      .toUpperCase();
    expect(topSign(params('md5'), secret, 'md5')).toBe(expected);
  });

  it('when signing with hmac, then it is HMAC-MD5 of the sorted pairs keyed with the secret', () => {
    const expected = createHmac('md5', secret).update(concat('hmac'), 'utf8').digest('hex').toUpperCase();
    expect(topSign(params('hmac'), secret, 'hmac')).toBe(expected);
  });

  it('when signing with hmac-sha256, then it is HMAC-SHA256 of the sorted pairs keyed with the secret', () => {
    const expected = createHmac('sha256', secret).update(concat('hmac-sha256'), 'utf8').digest('hex').toUpperCase();
    expect(topSign(params('hmac-sha256'), secret, 'hmac-sha256')).toBe(expected);
  });
});

describe('a TOP request', () => {
  it('when business params hold objects, arrays, zero and empties, then objects are JSON and only empties are left out', () => {
    expect(
      encodeBusinessParams({
        tid: 41,
        flag: 0,
        reset: false,
        opts: { a: 1 },
        list: [1, 2],
        memo: '',
        gone: undefined,
        nil: null,
      }),
    ).toEqual({ tid: '41', flag: '0', reset: 'false', opts: '{"a":1}', list: '[1,2]' });
  });

  it('when a call is sent, then it is a form POST with every common param and a sign that verifies', async () => {
    let contentType = '';
    const gw = fakeGateway(() => fixture('trade-fullinfo-get.json'));
    gw.scope.on('request', (req) => {
      contentType = String(req.headers['content-type']);
    });
    const { platform } = testPlatform({ signMethod: 'md5' });
    await platform.getOrder('4137654321098765432');
    const p = gw.requests[0]!;
    expect(contentType).toBe('application/x-www-form-urlencoded;charset=utf-8');
    expect(Object.fromEntries([...p].filter(([k]) => !['sign', 'fields'].includes(k)))).toEqual({
      method: 'taobao.trade.fullinfo.get',
      app_key: BASE_OPTIONS.appKey,
      session: BASE_OPTIONS.session,
      timestamp: '2026-11-23 18:00:00',
      format: 'json',
      v: '2.0',
      sign_method: 'md5',
      tid: '4137654321098765432',
    });
    expect(p.get('fields')).toContain('orders.oid_str');
    const received = Object.fromEntries(p);
    expect(p.get('sign')).toBe(topSign(received, BASE_OPTIONS.appSecret, 'md5'));
    expect(p.get('sign')).not.toBe(topSign(received, 'another-secret', 'md5'));
  });

  it('when topCall is given an object param, then it travels JSON-encoded and the response is unwrapped', async () => {
    const gw = fakeGateway(() => fixture('logistics-trace-search.json'));
    const ctx: TopCallContext = {
      ...BASE_OPTIONS,
      http: createHttpClient({ name: 'taobao' }),
      clock: fixedClock('2026-01-02T03:04:05+08:00'),
    };
    const res = await topCall(ctx, 'taobao.logistics.trace.search', {
      tid: '3987654321012345678',
      extra: { a: [1, '二'] },
    });
    expect(gw.requests[0]!.get('extra')).toBe('{"a":[1,"二"]}');
    expect(gw.requests[0]!.get('timestamp')).toBe('2026-01-02 03:04:05');
    expect(res.out_sid).toBe('SF1234567890123');
    expect(res.tid).toBe('3987654321012345678');
  });

  it('when a retry is built, then it gets a fresh timestamp and sign', () => {
    const clock = fixedClock('2026-11-23T18:00:00+08:00');
    const ctx: TopCallContext = { ...BASE_OPTIONS, http: createHttpClient({ name: 'taobao' }), clock };
    const first = buildTopRequest(ctx, 'taobao.trade.close', { tid: '1', close_reason: '未及时付款' });
    clock.advance(5000);
    const second = buildTopRequest(ctx, 'taobao.trade.close', { tid: '1', close_reason: '未及时付款' });
    expect(second.timestamp).toBe('2026-11-23 18:00:05');
    expect(second.sign).not.toBe(first.sign);
  });
});
