import { UpstreamError } from '../shared/errors.js';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 300, maxDelayMs: 8000 };

/**
 * The longest server-imposed wait (Retry-After, a TOP ban) we sit out. Beyond it the caller gets the
 * error at once: a sync job blocked for minutes is worse than one that fails and runs again later.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

export interface RetryDecision {
  retry: boolean;
  delayMs: number;
}

/**
 * The one retry rule (after Stripe's `_shouldRetry` / `_getSleepTimeInMS`), pure so it can be tested
 * as a table. `attempt` is how many attempts have failed so far, this one included (1 after the
 * first failure). Only retriable UpstreamErrors are retried: anything else is a bug or a refusal.
 * Backoff is exponential, capped and fully jittered; a larger server-imposed wait wins.
 */
export function retryDecision(err: unknown, attempt: number, policy: RetryPolicy, random: () => number): RetryDecision {
  const giveUp: RetryDecision = { retry: false, delayMs: 0 };
  if (!(err instanceof UpstreamError) || !err.retriable) return giveUp;
  if (attempt > policy.maxRetries) return giveUp;
  const serverWait = err.retryAfterMs ?? 0;
  if (serverWait > MAX_RETRY_AFTER_MS) return giveUp;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  return { retry: true, delayMs: Math.max(jittered, serverWait) };
}

/** The upstream refused for the call rate: HTTP 429, or a TOP ban. */
export function isRateLimit(err: unknown): boolean {
  return err instanceof UpstreamError && (err.code === 'rate_limited' || err.code === 'top_rate_limited');
}

/**
 * Failures that prove a request was not applied: refused for the call rate (HTTP 429, a TOP ban) or
 * never delivered (the connection was refused, the host not found). A timeout, a reset or a 5xx
 * proves nothing: the server may have done the work and lost only the answer.
 */
export function provablyNotApplied(err: unknown): boolean {
  if (!(err instanceof UpstreamError)) return false;
  if (isRateLimit(err)) return true;
  const errorCode = err.details.errorCode;
  return errorCode === 'ECONNREFUSED' || errorCode === 'ENOTFOUND' || errorCode === 'EAI_AGAIN';
}
