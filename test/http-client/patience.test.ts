/**
 * A caller with a person waiting (patienceMs) gets the failure at once instead of sitting out a ban or a backoff that
 * ends after its patience; a job (no patienceMs) keeps the patient retry. Time is a number the fake sleep moves.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http-client/index.js';
import { UpstreamError } from '../../src/shared/errors.js';

const ORIGIN = 'http://api.upstream.test';

function client() {
  let t = 0;
  const sleeps: number[] = [];
  const http = createHttpClient({
    name: 'demo',
    baseURL: ORIGIN,
    now: () => t,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  });
  const get = (patienceMs?: number) =>
    http.call(async (ax) => (await ax.get('/status')).data as unknown, { patienceMs });
  return { http, sleeps, get };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('a caller that cannot wait long (patienceMs)', () => {
  it('when the server bans for 30 s, then a caller with 5 s of patience gets the ban at once and a job waits it out', async () => {
    nock(ORIGIN).get('/status').reply(429, 'slow down', { 'Retry-After': '30' }).get('/status').reply(200, { ok: 1 });
    const { sleeps, get } = client();
    const err = await get(5_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ code: 'rate_limited', retryAfterMs: 30_000 });
    expect(sleeps).toEqual([]);
    // The ban is remembered: the next impatient call is not even sent into it (nock would answer it 200).
    await expect(get(5_000)).rejects.toMatchObject({ code: 'rate_limited' });
    expect(sleeps).toEqual([]);
    // A job (no patience given) sits the ban out and then goes through.
    await expect(get()).resolves.toEqual({ ok: 1 });
    expect(sleeps).toEqual([30_000]);
  });

  it('when the ban ends within the patience, then the caller waits it out as before', async () => {
    nock(ORIGIN).get('/status').reply(429, 'slow down', { 'Retry-After': '2' }).get('/status').reply(200, { ok: 1 });
    const { sleeps, get } = client();
    await expect(get(5_000)).resolves.toEqual({ ok: 1 });
    expect(sleeps).toEqual([2_000]);
  });

  it('when a retry would come after the patience, then the failure is thrown instead of sent again', async () => {
    const scope = nock(ORIGIN).get('/status').reply(503, 'busy').get('/status').reply(200, { ok: 1 });
    const { http, sleeps, get } = client();
    // Backoff after the first failure is 150 ms (half of 300 with random 0.5): more than 100 ms of patience.
    await expect(get(100)).rejects.toMatchObject({ code: 'http_503' });
    expect(sleeps).toEqual([]);
    expect(http.stats()).toEqual({ calls: 1, retries: 0 });
    expect(scope.isDone()).toBe(false);
    await expect(get(1_000)).resolves.toEqual({ ok: 1 });
  });
});
