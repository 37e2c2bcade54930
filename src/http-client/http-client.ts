import axios, { type AxiosInstance } from 'axios';
import type { Logger } from '../shared/logger.js';
import { toUpstreamError } from './axios-errors.js';
import { UpstreamError } from '../shared/errors.js';
import {
  DEFAULT_RETRY_POLICY,
  isRateLimit,
  MAX_RETRY_AFTER_MS,
  provablyNotApplied,
  retryDecision,
  type RetryPolicy,
} from './retry-policy.js';
import { createTokenBucket, type TokenBucket } from './token-bucket.js';

export interface HttpClientOptions {
  /** 'taobao', 'kuaidi100' — names the upstream in errors and logs. */
  name: string;
  baseURL?: string;
  /** default 10000 */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Token bucket shared by all callers of this client; undefined = unlimited. */
  callsPerMinute?: number;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface CallOptions {
  /**
   * false for a call that changes something and must not happen twice (a memo overwrite, closing a
   * trade): it is sent again only after a failure that proves the first was not applied.
   */
  idempotent?: boolean;
  /**
   * How long the caller can wait, counted from the call: set by a person's request at the console, left unset by
   * jobs. The client does not sit out a ban or a backoff that would end after it, nor send again once it has passed;
   * it throws the failure at once and the caller queues the work for a patient job. An attempt already sent is not
   * cut short by it: its answer may be the only word on whether a write landed.
   */
  patienceMs?: number;
}

export interface HttpClient {
  /**
   * One logical call: takes a token before each attempt, converts axios errors to UpstreamError, retries per the pure
   * rule.
   */
  call<T>(attempt: (http: AxiosInstance) => Promise<T>, options?: CallOptions): Promise<T>;
  stats(): { calls: number; retries: number };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one factory for clients of outside APIs. JSON is parsed only when it is valid: a broken body
 * raises (and is retried as `malformed_response`) instead of arriving as a string. Adapters that
 * need the raw text (TOP, for its 19-digit ids) pass `responseType: 'text'` and an identity
 * `transformResponse` on their request.
 */
export function createHttpClient(opts: HttpClientOptions): HttpClient {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
  const sleep = opts.sleep ?? realSleep;
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  const bucket: TokenBucket | undefined =
    opts.callsPerMinute === undefined ? undefined : createTokenBucket({ perMinute: opts.callsPerMinute, now, sleep });
  const http = axios.create({
    baseURL: opts.baseURL,
    timeout: opts.timeoutMs ?? 10_000,
    proxy: false,
    // An API never answers a signed call with a redirect worth following: following one would send
    // the session key to wherever the 3xx points. Left as an HTTP error, not retried. It also keeps
    // axios on node's own http (no follow-redirects wrapper around every request).
    maxRedirects: 0,
    responseType: 'json',
    transitional: { silentJSONParsing: false, forcedJSONParsing: true, clarifyTimeoutError: true },
  });
  let calls = 0;
  let retries = 0;
  /**
   * A ban the upstream announced (a TOP ban, a 429 with Retry-After) holds for every caller of this
   * client: calling into it only makes the platform extend it. A short one is waited out; during a
   * long one, calls fail at once with the ban, without being sent.
   */
  let ban: { until: number; error: UpstreamError } | null = null;

  async function call<T>(attempt: (http: AxiosInstance) => Promise<T>, options: CallOptions = {}): Promise<T> {
    // Until when this caller has already waited (its own backoff covers the ban it was handed).
    let waitedUntil = 0;
    const giveUpAt = options.patienceMs === undefined ? Infinity : now() + options.patienceMs;
    for (let n = 1; ; n++) {
      const banLeft = ban ? ban.until - Math.max(now(), waitedUntil) : 0;
      if (banLeft > MAX_RETRY_AFTER_MS || (banLeft > 0 && ban!.until > giveUpAt)) throw ban!.error;
      if (banLeft > 0) await sleep(banLeft);
      if (bucket) await bucket.take();
      calls++;
      try {
        return await attempt(http);
      } catch (raw) {
        const err = toUpstreamError(raw, opts.name, now());
        if (err instanceof UpstreamError && isRateLimit(err) && err.retryAfterMs) {
          const until = now() + err.retryAfterMs;
          if (!ban || until > ban.until) ban = { until, error: err };
        }
        const decision = retryDecision(err, n, policy, random);
        if (!decision.retry || (options.idempotent === false && !provablyNotApplied(err))) throw err;
        if (now() + decision.delayMs > giveUpAt) throw err;
        retries++;
        opts.logger?.warn(
          { upstream: opts.name, attempt: n, delayMs: decision.delayMs, code: (err as { code?: unknown }).code },
          'upstream call failed, retrying',
        );
        waitedUntil = now() + decision.delayMs;
        await sleep(decision.delayMs);
      }
    }
  }

  return { call, stats: () => ({ calls, retries }) };
}
