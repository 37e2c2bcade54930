import { AxiosError, AxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, toUpstreamError } from '../../src/http-client/index.js';
import { UpstreamError, ValidationError } from '../../src/shared/errors.js';

const NOW = Date.parse('2026-11-23T08:00:00Z');
const config = {
  url: '/poll?key=SECRETKEY',
  baseURL: 'https://api.example.test',
  method: 'get',
  headers: new AxiosHeaders(),
} as InternalAxiosRequestConfig;

function networkError(code: string): AxiosError {
  return new AxiosError('boom', code, config);
}
function httpError(status: number, headers: Record<string, string> = {}): AxiosError {
  const response = { status, statusText: '', headers, config, data: 'secret body 13800138000' } as AxiosResponse;
  return new AxiosError(`Request failed with status code ${status}`, 'ERR_BAD_RESPONSE', config, undefined, response);
}
const convert = (e: unknown) => toUpstreamError(e, 'kuaidi100', NOW) as UpstreamError;

describe('toUpstreamError', () => {
  it.each([
    ['ECONNRESET', 'network_error'],
    ['ECONNREFUSED', 'network_error'],
    ['ERR_NETWORK', 'network_error'],
    ['ECONNABORTED', 'timeout'],
    ['ETIMEDOUT', 'timeout'],
  ])('when the request fails with %s, then it is a retriable %s', (code, expected) => {
    const err = convert(networkError(code));
    expect(err).toBeInstanceOf(UpstreamError);
    expect([err.code, err.retriable, err.upstream]).toEqual([expected, true, 'kuaidi100']);
  });

  it.each([500, 502, 503, 504])('when the server answers %i, then it is retriable', (status) => {
    expect(convert(httpError(status))).toMatchObject({ code: `http_${status}`, retriable: true });
  });

  it.each([400, 401, 403, 404, 422])('when the server answers %i, then it is not retriable', (status) => {
    expect(convert(httpError(status))).toMatchObject({ code: `http_${status}`, retriable: false });
  });

  it('when the server answers 429 with Retry-After seconds, then the wait is carried in ms', () => {
    expect(convert(httpError(429, { 'retry-after': '7' }))).toMatchObject({
      code: 'rate_limited',
      retriable: true,
      retryAfterMs: 7000,
    });
  });

  it('when the server answers 429 with a Retry-After date, then the wait runs until that date', () => {
    const err = convert(httpError(429, { 'retry-after': new Date(NOW + 5000).toUTCString() }));
    expect(err.retryAfterMs).toBe(5000);
  });

  it('when the request was cancelled by us, then it is not retried', () => {
    expect(convert(networkError('ERR_CANCELED')).retriable).toBe(false);
  });

  it('when the error is reported, then neither the query string nor the body leaks into it', () => {
    const err = convert(httpError(500));
    expect(err.details.url).toBe('https://api.example.test/poll');
    expect(JSON.stringify({ m: err.message, d: err.details })).not.toMatch(/SECRETKEY|13800138000/);
  });

  it('when the error is not from axios, then it passes through untouched', () => {
    const own = new UpstreamError({ upstream: 'taobao', code: 'top_rate_limited', message: 'x', retriable: true });
    const v = new ValidationError('bad', 'memo');
    expect(convert(own)).toBe(own);
    expect(convert(v)).toBe(v);
  });
});

describe('parseRetryAfter', () => {
  it('when the header is seconds, a date, junk or missing, then it gives ms, ms, undefined, undefined', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(new Date(NOW + 3000).toUTCString(), NOW)).toBe(3000);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});
