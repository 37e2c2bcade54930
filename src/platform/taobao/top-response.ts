import { UpstreamError } from '../../shared/errors.js';
import { responseKey, type TopErrorBody, type TopMethod, type TopResponses } from '../top/wire.js';
import { topErrorFrom } from './top-errors.js';

/** Keys whose values are 64-bit ids on the wire: JSON.parse would round them to the nearest double. */
const ID_KEYS = ['tid', 'oid', 'refund_id', 'num_iid'];
const BARE_ID = new RegExp(`"(${ID_KEYS.join('|')})"(\\s*:\\s*)(-?\\d+)(?=\\s*[,}\\]])`, 'g');

/** Rewrites bare integers under the id keys to strings in the raw JSON text, before any parse. */
export function quoteBigIds(raw: string): string {
  return raw.replace(BARE_ID, '"$1"$2"$3"');
}

function malformed(method: string, why: string): UpstreamError {
  return new UpstreamError({ upstream: 'taobao', code: 'malformed_response', message: `taobao ${method}: ${why}`, retriable: true, details: { method } });
}

/**
 * Raw gateway text → the method's response body. `error_response` becomes the matching TopApiError;
 * a body that is not JSON or lacks `<method>_response` is a retriable `malformed_response`
 * (gateways and proxies answer with HTML pages when they are in trouble).
 */
export function parseTopResponse<M extends TopMethod>(method: M, raw: unknown): TopResponses[M] {
  if (typeof raw !== 'string' || raw.trim() === '') throw malformed(method, 'empty response body');
  let parsed: unknown;
  try {
    parsed = JSON.parse(quoteBigIds(raw));
  } catch {
    throw malformed(method, 'response body is not JSON');
  }
  if (!parsed || typeof parsed !== 'object') throw malformed(method, 'response body is not a JSON object');
  const obj = parsed as Record<string, unknown>;
  const error = obj.error_response;
  if (error && typeof error === 'object') {
    const e = error as Partial<TopErrorBody>;
    throw topErrorFrom({ code: Number(e.code), msg: String(e.msg ?? ''), sub_code: e.sub_code, sub_msg: e.sub_msg, request_id: e.request_id });
  }
  const body = obj[responseKey(method)];
  if (!body || typeof body !== 'object') throw malformed(method, `no ${responseKey(method)} in the response`);
  return body as TopResponses[M];
}
