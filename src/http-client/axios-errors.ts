import { isAxiosError, type AxiosError } from 'axios';
import { UpstreamError } from '../shared/errors.js';

/** Axios codes that mean the request never completed and is safe to send again. */
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
/** Axios codes that mean our own request is wrong: sending it again cannot help. */
const LOCAL_FAULT_CODES = new Set([
  'ERR_CANCELED',
  'ERR_BAD_OPTION',
  'ERR_BAD_OPTION_VALUE',
  'ERR_INVALID_URL',
  'ERR_NOT_SUPPORT',
]);

/**
 * `Retry-After` as milliseconds from now: delta-seconds or an HTTP date. Undefined when absent or
 * unreadable (the caller then falls back to its own backoff).
 */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * One outside failure → UpstreamError. UpstreamErrors (protocol-level ones thrown by an adapter)
 * and the app's other errors pass through untouched; only axios errors are translated.
 * Messages carry the status and code only: response bodies may hold personal data.
 */
export function toUpstreamError(err: unknown, upstream: string, now: number): unknown {
  if (!isAxiosError(err)) return err;
  const details = requestDetails(err);
  const status = err.response?.status;
  if (status !== undefined) {
    if (err.code === 'ERR_BAD_RESPONSE' && status < 300) {
      return new UpstreamError({
        upstream,
        code: 'malformed_response',
        message: `${upstream}: unreadable response body`,
        retriable: true,
        details: { ...details, status },
        cause: err,
      });
    }
    const retriable = status === 429 || status >= 500;
    const retryAfterMs =
      status === 429 || status === 503 ? parseRetryAfter(err.response?.headers?.['retry-after'], now) : undefined;
    return new UpstreamError({
      upstream,
      code: status === 429 ? 'rate_limited' : `http_${status}`,
      message: `${upstream}: HTTP ${status}${err.response?.statusText ? ` ${err.response.statusText}` : ''}`,
      retriable,
      retryAfterMs,
      details: { ...details, status },
      cause: err,
    });
  }
  const code = err.code ?? 'ERR_NETWORK';
  if (LOCAL_FAULT_CODES.has(code)) {
    return new UpstreamError({
      upstream,
      code: 'request_failed',
      message: `${upstream}: request not sent (${code})`,
      retriable: false,
      details: { ...details, errorCode: code },
      cause: err,
    });
  }
  if (code === 'ERR_BAD_RESPONSE') {
    return new UpstreamError({
      upstream,
      code: 'malformed_response',
      message: `${upstream}: unreadable response body`,
      retriable: true,
      details,
      cause: err,
    });
  }
  const timeout = TIMEOUT_CODES.has(code);
  return new UpstreamError({
    upstream,
    code: timeout ? 'timeout' : 'network_error',
    message: timeout ? `${upstream}: no answer in time (${code})` : `${upstream}: network error (${code})`,
    retriable: true,
    details: { ...details, errorCode: code },
    cause: err,
  });
}

/** Method and URL without the query string: keys and tokens often travel there. */
function requestDetails(err: AxiosError): Record<string, unknown> {
  const base = err.config?.baseURL ?? '';
  const url = err.config?.url ?? '';
  const full = /^https?:\/\//i.test(url) ? url : base + url;
  return { method: err.config?.method?.toUpperCase(), url: full.split('?')[0] };
}
