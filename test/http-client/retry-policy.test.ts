import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  MAX_RETRY_AFTER_MS,
  provablyNotApplied,
  retryDecision,
} from '../../src/http-client/index.js';
import { UpstreamError, ValidationError } from '../../src/shared/errors.js';

const upstream = (retriable: boolean, retryAfterMs?: number) =>
  new UpstreamError({ upstream: 'test', code: 'x', message: 'x', retriable, retryAfterMs });

const policy = DEFAULT_RETRY_POLICY;
const half = () => 0.5;

describe('retryDecision', () => {
  const table: {
    when: string;
    err: unknown;
    attempt: number;
    random?: () => number;
    retry: boolean;
    delayMs: number;
  }[] = [
    { when: 'a retriable error fails the first attempt', err: upstream(true), attempt: 1, retry: true, delayMs: 150 },
    {
      when: 'it fails the second attempt, the ceiling doubles',
      err: upstream(true),
      attempt: 2,
      retry: true,
      delayMs: 300,
    },
    { when: 'it fails the third attempt', err: upstream(true), attempt: 3, retry: true, delayMs: 600 },
    { when: 'the retries are used up', err: upstream(true), attempt: 4, retry: false, delayMs: 0 },
    { when: 'jitter draws 0', err: upstream(true), attempt: 3, random: () => 0, retry: true, delayMs: 0 },
    { when: 'the error is not retriable', err: upstream(false), attempt: 1, retry: false, delayMs: 0 },
    {
      when: 'the error is a validation error',
      err: new ValidationError('bad', 'memo'),
      attempt: 1,
      retry: false,
      delayMs: 0,
    },
    {
      when: 'the error is a programming error',
      err: new TypeError('x is undefined'),
      attempt: 1,
      retry: false,
      delayMs: 0,
    },
    {
      when: 'the server asks for more than the backoff',
      err: upstream(true, 12_000),
      attempt: 1,
      retry: true,
      delayMs: 12_000,
    },
    {
      when: 'the server asks for less than the backoff',
      err: upstream(true, 100),
      attempt: 1,
      retry: true,
      delayMs: 150,
    },
    {
      when: 'the server asks for exactly the longest wait',
      err: upstream(true, MAX_RETRY_AFTER_MS),
      attempt: 1,
      retry: true,
      delayMs: MAX_RETRY_AFTER_MS,
    },
    {
      when: 'the server asks for longer than we wait',
      err: upstream(true, MAX_RETRY_AFTER_MS + 1000),
      attempt: 1,
      retry: false,
      delayMs: 0,
    },
  ];
  for (const row of table) {
    it(`when ${row.when}, then retry=${row.retry} after ${row.delayMs} ms`, () => {
      expect(retryDecision(row.err, row.attempt, policy, row.random ?? half)).toEqual({
        retry: row.retry,
        delayMs: row.delayMs,
      });
    });
  }

  it('when attempts go on and on, then the delay never exceeds maxDelayMs', () => {
    const p = { maxRetries: 50, baseDelayMs: 300, maxDelayMs: 8000 };
    const delays = [10, 20, 40].map((attempt) => retryDecision(upstream(true), attempt, p, () => 0.999).delayMs);
    expect(delays).toEqual([7992, 7992, 7992]);
  });

  it('when maxRetries is 0, then even a retriable error is not retried', () => {
    expect(retryDecision(upstream(true), 1, { ...policy, maxRetries: 0 }, half).retry).toBe(false);
  });
});

describe('provablyNotApplied', () => {
  const up = (code: string, details: Record<string, unknown> = {}) =>
    new UpstreamError({ upstream: 'taobao', code, message: code, retriable: true, details });
  it.each([
    ['HTTP 429', up('rate_limited'), true],
    ['a TOP ban', up('top_rate_limited'), true],
    ['a refused connection', up('network_error', { errorCode: 'ECONNREFUSED' }), true],
    ['an unknown host', up('network_error', { errorCode: 'ENOTFOUND' }), true],
    ['a reset connection (the request may have arrived)', up('network_error', { errorCode: 'ECONNRESET' }), false],
    ['a timeout', up('timeout', { errorCode: 'ECONNABORTED' }), false],
    ['a 502', up('http_502'), false],
    ['an isp.* fault', up('top_upstream_fault'), false],
    ['an error of ours', new ValidationError('bad', 'memo'), false],
  ])('when the failure is %s, then it proves nothing was applied: %s', (_what, err, expected) => {
    expect(provablyNotApplied(err)).toBe(expected);
  });
});
