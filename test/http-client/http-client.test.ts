import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpClient, type HttpClientOptions } from '../../src/http-client/index.js';
import { UpstreamError } from '../../src/shared/errors.js';

const ORIGIN = 'http://api.upstream.test';

function client(extra: Partial<HttpClientOptions> = {}) {
  const sleeps: number[] = [];
  const http = createHttpClient({
    name: 'demo',
    baseURL: ORIGIN,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  const get = () => http.call(async (ax) => (await ax.get('/status')).data as unknown);
  return { http, sleeps, get };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('createHttpClient', () => {
  it('when the server answers 502 then 200, then the call succeeds after one backoff', async () => {
    nock(ORIGIN).get('/status').reply(502, 'Bad Gateway').get('/status').reply(200, { ok: true });
    const { http, sleeps, get } = client();
    await expect(get()).resolves.toEqual({ ok: true });
    expect(sleeps).toEqual([150]);
    expect(http.stats()).toEqual({ calls: 2, retries: 1 });
  });

  it('when the server answers 429 with Retry-After, then the client waits that long before trying again', async () => {
    nock(ORIGIN).get('/status').reply(429, 'slow down', { 'Retry-After': '2' }).get('/status').reply(200, { ok: 1 });
    const { sleeps, get } = client();
    await expect(get()).resolves.toEqual({ ok: 1 });
    expect(sleeps).toEqual([2000]);
  });

  it('when one caller is told to wait 2 s, then another caller that starts meanwhile waits out the same ban before sending', async () => {
    const scope = nock(ORIGIN)
      .get('/status')
      .reply(429, 'slow down', { 'Retry-After': '2' })
      .get('/status')
      .times(2)
      .reply(200, { ok: 1 });
    let t = 0;
    const sleeps: number[] = [];
    // Sleeps are held until released, so the second caller surely starts while the first one waits.
    const held: (() => void)[] = [];
    let holding = true;
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        const wake = () => {
          t += ms;
          resolve();
        };
        if (holding) held.push(wake);
        else wake();
      });
    const http = createHttpClient({ name: 'demo', baseURL: ORIGIN, now: () => t, random: () => 0.5, sleep });
    const get = () => http.call(async (ax) => (await ax.get('/status')).data as unknown);
    const first = get();
    await vi.waitFor(() => expect(sleeps).toHaveLength(1)); // the 429 came back: the first caller waits
    let secondDone = false;
    const second = get().finally(() => {
      secondDone = true;
    });
    // Either it waits too, or (without a shared ban) it has already gone through.
    await vi.waitFor(() => expect(sleeps.length === 2 || secondDone).toBe(true));
    holding = false;
    for (const wake of held.splice(0)) wake();
    await expect(Promise.all([first, second])).resolves.toEqual([{ ok: 1 }, { ok: 1 }]);
    expect(sleeps).toEqual([2000, 2000]);
    expect(scope.isDone()).toBe(true);
  });

  it('when Retry-After is longer than a minute, then the error surfaces at once instead of hanging', async () => {
    nock(ORIGIN).get('/status').reply(429, '', { 'Retry-After': '600' });
    const { sleeps, get } = client();
    await expect(get()).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 600_000 });
    expect(sleeps).toEqual([]);
  });

  it('when the server does not answer in time, then the attempt times out and is retried', async () => {
    // The first answer goes out only once the retry has come, i.e. after the client gave up on it.
    let answerLate: (() => void) | undefined;
    nock(ORIGIN)
      .get('/status')
      .reply((_uri, _body, cb) => {
        answerLate = () => cb(null, [200, { late: true }]);
      })
      .get('/status')
      .reply(() => {
        answerLate?.();
        return [200, { late: false }];
      });
    // The retry must come back within the timeout too: 500 ms holds on a machine under heavy load (40 did not).
    const { http, get } = client({ timeoutMs: 500 });
    await expect(get()).resolves.toEqual({ late: false });
    expect(http.stats().retries).toBe(1);
  });

  it('when the connection is reset, then the call is retried', async () => {
    nock(ORIGIN)
      .get('/status')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .get('/status')
      .reply(200, { ok: 2 });
    const { http, sleeps, get } = client({ timeoutMs: 5000 });
    await expect(get()).resolves.toEqual({ ok: 2 });
    expect(http.stats().retries).toBe(1);
    expect(sleeps).toEqual([150]);
  });

  it('when the server answers with a redirect, then it is not followed and the call fails without a retry', async () => {
    const elsewhere = nock('http://elsewhere.test').get('/status').reply(200, { followed: true });
    nock(ORIGIN).get('/status').reply(302, '', { Location: 'http://elsewhere.test/status' });
    const { http, get } = client();
    await expect(get()).rejects.toMatchObject({ code: 'http_302', retriable: false });
    expect(elsewhere.isDone()).toBe(false);
    expect(http.stats()).toEqual({ calls: 1, retries: 0 });
  });

  it('when the server answers 400, then the error surfaces without a retry', async () => {
    const scope = nock(ORIGIN).get('/status').reply(400, { error: 'bad' }).get('/status').reply(200, { ok: 3 });
    const { http, get } = client();
    const err = await get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ code: 'http_400', retriable: false, upstream: 'demo' });
    expect(http.stats()).toEqual({ calls: 1, retries: 0 });
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('when every attempt fails, then the last error surfaces once the retries are spent', async () => {
    nock(ORIGIN).get('/status').times(3).reply(503, 'down');
    const { http, sleeps, get } = client({ retry: { maxRetries: 2 } });
    await expect(get()).rejects.toMatchObject({ code: 'http_503', retriable: true });
    expect(http.stats()).toEqual({ calls: 3, retries: 2 });
    expect(sleeps).toEqual([150, 300]);
  });

  it('when a JSON body is broken, then it is a retriable malformed_response rather than a string', async () => {
    nock(ORIGIN)
      .get('/status')
      .reply(200, '{"ok": tru', { 'Content-Type': 'application/json' })
      .get('/status')
      .reply(200, { ok: 4 });
    const { http, get } = client();
    await expect(get()).resolves.toEqual({ ok: 4 });
    expect(http.stats().retries).toBe(1);
  });

  it('when the attempt itself throws a retriable UpstreamError with a wait, then the client waits at least that long', async () => {
    const { http, sleeps } = client();
    let n = 0;
    const result = await http.call(async () => {
      n++;
      if (n === 1)
        throw new UpstreamError({
          upstream: 'demo',
          code: 'banned',
          message: 'ban',
          retriable: true,
          retryAfterMs: 12_000,
        });
      return 'done';
    });
    expect(result).toBe('done');
    expect(sleeps).toEqual([12_000]);
  });

  it('when callsPerMinute is set, then callers share one budget and the extra call waits for a token', async () => {
    nock(ORIGIN).get('/status').times(3).reply(200, { ok: 5 });
    const { sleeps, get } = client({ callsPerMinute: 24, now: () => 0 }); // a burst of two
    await Promise.all([get(), get(), get()]);
    expect(sleeps).toEqual([2_500]);
  });

  it('when the instance is used, then it never goes through a proxy and has the configured timeout', async () => {
    const { http } = client({ timeoutMs: 1234 });
    const defaults = await http.call(async (ax) => ax.defaults);
    expect(defaults.proxy).toBe(false);
    expect(defaults.timeout).toBe(1234);
  });
});
