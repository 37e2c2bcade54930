import { readFileSync } from 'node:fs';
import nock from 'nock';
import { createTaobaoPlatform, type TaobaoOptions } from '../../../src/platform/taobao/index.js';
import { fixedClock } from '../../../src/shared/time.js';

/** Any host: the sandbox points the same adapter at 127.0.0.1, so nothing may assume the real one. */
export const GATEWAY_ORIGIN = 'http://gw.top.test';
export const GATEWAY_PATH = '/router/rest';

export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/top/${name}`, import.meta.url), 'utf8');
}

/** `late`: answered only once the next request has come, i.e. after the client gave up waiting for it. */
export type GatewayReply = string | [number, string] | { late: string };

/**
 * A fake TOP gateway: every form POST is recorded (parsed) and answered by `handler`.
 * Replies are raw text so big ids stay bare numbers, as the real gateway sends them.
 */
export function fakeGateway(handler: (params: URLSearchParams, index: number) => GatewayReply) {
  const requests: URLSearchParams[] = [];
  const late: (() => void)[] = [];
  const scope = nock(GATEWAY_ORIGIN)
    .persist()
    .post(GATEWAY_PATH)
    .reply((_uri, body, callback) => {
      for (const answer of late.splice(0)) answer();
      const params = new URLSearchParams(typeof body === 'string' ? body : '');
      requests.push(params);
      const r = handler(params, requests.length - 1);
      if (typeof r === 'string') callback(null, [200, r, { 'Content-Type': 'application/json;charset=UTF-8' }]);
      else if (Array.isArray(r)) callback(null, [r[0], r[1]]);
      else late.push(() => callback(null, [200, r.late]));
    });
  return { requests, scope, methods: () => requests.map((p) => p.get('method')) };
}

/** One raw trade object with a bare 19-digit tid (no tid_str), modified at the given platform time. */
export function rawTrade(tid: string, modified = '2026-11-23 12:00:00'): string {
  return `{"tid":${tid},"status":"WAIT_SELLER_SEND_GOODS","type":"fixed","buyer_nick":"tb_买家${tid.slice(-3)}","created":"2026-11-23 08:00:00","modified":"${modified}","payment":"10.00","total_fee":"10.00","post_fee":"0.00","orders":{"order":[{"oid":${tid}1,"num_iid":600000000001,"title":"袜子","price":"10.00","num":1,"total_fee":"10.00","payment":"10.00","status":"WAIT_SELLER_SEND_GOODS"}]}}`;
}

export function tradesPage(responseKey: string, trades: string[], total?: number): string {
  const totalPart = total === undefined ? '"has_next":false' : `"total_results":${total}`;
  return `{"${responseKey}":{${totalPart},"trades":{"trade":[${trades.join(',')}]},"request_id":"t"}}`;
}

export const BASE_OPTIONS: TaobaoOptions = {
  gatewayUrl: GATEWAY_ORIGIN + GATEWAY_PATH,
  appKey: '12345678',
  appSecret: 'test-secret-0123456789',
  session: '6100e23a9f2d1c4b8e7f0sessionkey',
  signMethod: 'hmac-sha256',
};

/** A platform whose waits are recorded instead of slept, with a clock they move forward. */
export function testPlatform(overrides: Partial<TaobaoOptions> = {}) {
  const clock = fixedClock('2026-11-23T18:00:00+08:00');
  const sleeps: number[] = [];
  const platform = createTaobaoPlatform({
    ...BASE_OPTIONS,
    clock,
    // Concurrent sleepers each wake at their own due time, as with real timers.
    sleep: async (ms) => {
      sleeps.push(ms);
      const due = clock.now() + ms;
      await null;
      if (clock.now() < due) clock.set(due);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { platform, clock, sleeps };
}

export async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const p of pages) out.push(p);
  return out;
}
