import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DecryptQuotaError, type DecryptQuery } from '../../../src/platform/index.js';
import { TopRateLimitError } from '../../../src/platform/taobao/index.js';
import { topSign } from '../../../src/platform/top/sign.js';
import { BASE_OPTIONS, fakeGateway, fixture, testPlatform } from './top-gateway.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

interface SentQuery {
  tid: string;
  oaid: string;
  scene: string;
  secret_no_days: number;
}

const sent = (p: URLSearchParams) => JSON.parse(p.get('query_list')!) as SentQuery[];

/** n orders with their oaids, tids 19 digits as the platform's are. */
function queries(n: number): DecryptQuery[] {
  return Array.from({ length: n }, (_, i) => ({ tid: String(4137654321098700000n + BigInt(i)), oaid: `oaid-${i}` }));
}

/** Answers each query with a receiver carrying the mobile the scene gives, tids bare on the wire. */
function echoReceivers(p: URLSearchParams): string {
  const receivers = sent(p).map(
    (q) => `{"mobile":"1391234${q.tid.slice(-4)}","oaid":"${q.oaid}","tid":${q.tid},"matched":true}`,
  );
  return `{"top_oaid_decrypt_response":{"receiver_list":{"receiver":[${receivers.join(',')}]},"request_id":"e"}}`;
}

describe('decryptReceivers: batching', () => {
  it('when 45 receivers are asked for, then 3 calls carry 20, 20 and 5, and all 45 come back in order', async () => {
    const gw = fakeGateway((p) => echoReceivers(p));
    const { platform } = testPlatform();
    const items = queries(45);
    const got = await platform.decryptReceivers(items, '2002');
    expect(gw.methods()).toEqual(['taobao.top.oaid.decrypt', 'taobao.top.oaid.decrypt', 'taobao.top.oaid.decrypt']);
    expect(gw.requests.map((p) => sent(p).length)).toEqual([20, 20, 5]);
    expect(sent(gw.requests[2]!)[4]).toEqual({
      tid: items[44]!.tid,
      oaid: 'oaid-44',
      scene: '2002',
      secret_no_days: 15,
    });
    expect(got.map((r) => r.tid)).toEqual(items.map((q) => q.tid));
    expect(got[44]!.mobile).toBe(`1391234${items[44]!.tid.slice(-4)}`);
    expect(platform.decryptQuota()).toMatchObject({ day: '2026-11-23', used: 45, calls: 3, exhausted: false });
  });

  it('when nothing is asked for, or a tid is not a number, then no call is made', async () => {
    const gw = fakeGateway((p) => echoReceivers(p));
    const { platform } = testPlatform();
    await expect(platform.decryptReceivers([], '1009')).resolves.toEqual([]);
    await expect(platform.decryptReceivers([{ tid: '12; DROP', oaid: 'x' }], '1009')).rejects.toMatchObject({
      field: 'tid',
    });
    expect(gw.requests).toHaveLength(0);
  });

  it('when the call is signed, then the signature covers query_list as sent (the signing is unchanged)', async () => {
    const gw = fakeGateway((p) => echoReceivers(p));
    const { platform } = testPlatform();
    await platform.decryptReceivers(queries(2), '1008');
    const { sign, ...rest } = Object.fromEntries(gw.requests[0]!);
    expect(rest.sign_method).toBe('hmac-sha256');
    expect(sign).toBe(topSign(rest, BASE_OPTIONS.appSecret, 'hmac-sha256'));
    expect(topSign({ ...rest, query_list: '[]' }, BASE_OPTIONS.appSecret, 'hmac-sha256')).not.toBe(sign);
  });
});

describe('decryptReceivers: field mapping', () => {
  it('when the platform answers a real and a privacy-protected receiver, then every field lands in its place', async () => {
    fakeGateway(() => fixture('top-oaid-decrypt.json'));
    const { platform } = testPlatform();
    const got = await platform.decryptReceivers(
      [
        { tid: '4137654321098765432', oaid: '1AbCdEfGhIjKlMnOpQrStUv2wXyZ' },
        { tid: '4137654321098765433', oaid: '2ZyXwVuTsRqPoNmLkJiHgFeDcBa1' },
      ],
      '1001',
    );
    expect(got[0]).toEqual({
      tid: '4137654321098765432',
      oaid: '1AbCdEfGhIjKlMnOpQrStUv2wXyZ',
      matched: true,
      name: '王小明',
      mobile: '13912345678',
      phone: '0571-88886666',
      extension: '',
      state: '浙江省',
      city: '杭州市',
      district: '余杭区',
      town: '五常街道',
      addressDetail: '文一西路969号3幢2单元501',
      privacyProtection: false,
      secretNoExpireAt: null,
    });
    expect(got[1]).toMatchObject({
      tid: '4137654321098765433',
      matched: false,
      name: '',
      mobile: '17012340000',
      extension: '0457',
      addressDetail: '',
      privacyProtection: true,
      secretNoExpireAt: '2026-12-08T18:00:00.000+08:00',
    });
  });
});

describe('decryptReceivers: the daily quota', () => {
  it('when the platform refuses for the quota, then it is DecryptQuotaError after one call, until midnight, with no second call', async () => {
    const gw = fakeGateway((p) => (gw.requests.length === 1 ? fixture('error-decrypt-quota.json') : echoReceivers(p)));
    const { platform, sleeps } = testPlatform();
    const err = await platform.decryptReceivers(queries(45), '2002').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DecryptQuotaError);
    expect((err as DecryptQuotaError).retryAt).toBe('2026-11-24T00:00:00.000+08:00');
    expect([gw.requests.length, sleeps.length]).toEqual([1, 0]);
    expect(platform.decryptQuota()).toMatchObject({ used: 0, calls: 1, exhausted: true });

    // Later the same day: refused at once, nothing sent.
    await expect(platform.decryptReceivers(queries(1), '2001')).rejects.toBeInstanceOf(DecryptQuotaError);
    expect(gw.requests).toHaveLength(1);
  });

  it('when the quota is spent, then other calls still go out (the refusal bans no other method)', async () => {
    const gw = fakeGateway((p) =>
      p.get('method') === 'taobao.top.oaid.decrypt'
        ? fixture('error-decrypt-quota.json')
        : fixture('trade-fullinfo-get.json'),
    );
    const { platform, sleeps } = testPlatform();
    await expect(platform.decryptReceivers(queries(1), '2002')).rejects.toBeInstanceOf(DecryptQuotaError);
    await expect(platform.getOrder('4137654321098765432')).resolves.toMatchObject({ tid: '4137654321098765432' });
    expect(gw.methods()).toEqual(['taobao.top.oaid.decrypt', 'taobao.trade.fullinfo.get']);
    expect(sleeps).toEqual([]);
  });

  it('when a refusal names the decrypt quota in words, then it is the quota too', async () => {
    fakeGateway(
      () =>
        '{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.decrypt-quota-exceeded","sub_msg":"今日解密额度已用完","request_id":"q2"}}',
    );
    const { platform } = testPlatform();
    await expect(platform.decryptReceivers(queries(1), '2002')).rejects.toBeInstanceOf(DecryptQuotaError);
  });

  it('when the Shanghai day turns, then the count starts again and decrypts go out again', async () => {
    let refuse = true;
    const gw = fakeGateway((p) => (refuse ? fixture('error-decrypt-quota.json') : echoReceivers(p)));
    const { platform, clock } = testPlatform();
    clock.set('2026-11-23T23:59:00+08:00');
    await expect(platform.decryptReceivers(queries(1), '2002')).rejects.toBeInstanceOf(DecryptQuotaError);
    refuse = false;
    clock.set('2026-11-24T00:00:30+08:00');
    await expect(platform.decryptReceivers(queries(3), '2002')).resolves.toHaveLength(3);
    expect(gw.requests).toHaveLength(2);
    expect(platform.decryptQuota()).toEqual({
      day: '2026-11-24',
      used: 3,
      calls: 1,
      items: 3,
      limit: null,
      exhausted: false,
    });
  });

  it('when the configured daily quota is known, then the admin sees it beside the use', async () => {
    fakeGateway((p) => echoReceivers(p));
    const { platform } = testPlatform({ decryptDailyQuota: 500 });
    await platform.decryptReceivers(queries(2), '2002');
    // The same orders again (another scene): the quota counts an order once a day, the receivers twice.
    await platform.decryptReceivers(queries(2), '1008');
    expect(platform.decryptQuota()).toMatchObject({ used: 2, items: 4, calls: 2, limit: 500 });
  });

  it('when the decrypt call meets a short call-limit ban, then it is waited out and sent again (not the quota)', async () => {
    const gw = fakeGateway((p, i) => (i === 0 ? fixture('error-rate-limit.json') : echoReceivers(p)));
    const { platform, sleeps } = testPlatform();
    await expect(platform.decryptReceivers(queries(2), '2002')).resolves.toHaveLength(2);
    expect([gw.requests.length, sleeps]).toEqual([2, [12_000]]);
    expect(platform.decryptQuota().exhausted).toBe(false);
  });

  it('when a ban outlasts what the client sits out, then the error is the quota, not a TopRateLimitError to retry', async () => {
    fakeGateway(() => fixture('error-decrypt-quota.json'));
    const { platform } = testPlatform();
    const err = await platform.decryptReceivers(queries(1), '2002').catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(TopRateLimitError);
    expect((err as Error).cause).toBeInstanceOf(TopRateLimitError);
  });
});
