export { createHttpClient, type CallOptions, type HttpClient, type HttpClientOptions } from './http-client.js';
export {
  retryDecision,
  provablyNotApplied,
  DEFAULT_RETRY_POLICY,
  MAX_RETRY_AFTER_MS,
  type RetryPolicy,
  type RetryDecision,
} from './retry-policy.js';
export { createTokenBucket, type TokenBucket } from './token-bucket.js';
export { toUpstreamError, parseRetryAfter } from './axios-errors.js';
