import { UpstreamError } from '../../shared/errors.js';
import { responseKey, type TopErrorBody, type TopMethod, type TopResponses } from '../top/wire.js';
import { quoteBigIdBytes, quoteBigIds } from './big-ids.js';
import { topErrorFrom } from './top-errors.js';

export { quoteBigIds } from './big-ids.js';

function malformed(method: string, why: string): UpstreamError {
  return new UpstreamError({
    upstream: 'taobao',
    code: 'malformed_response',
    message: `taobao ${method}: ${why}`,
    retriable: true,
    details: { method },
  });
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Response bytes → text with every 64-bit id quoted (a UTF-8 byte-order mark dropped, as axios would). */
function decode(raw: Buffer): string {
  const body = raw.subarray(0, 3).equals(BOM) ? raw.subarray(3) : raw;
  return quoteBigIdBytes(body).toString('utf8');
}

/**
 * Raw gateway bytes (or text) → the method's response body. `error_response` becomes the matching TopApiError;
 * a body that is not JSON or lacks `<method>_response` is a retriable `malformed_response`
 * (gateways and proxies answer with HTML pages when they are in trouble).
 */
export function parseTopResponse<M extends TopMethod>(method: M, raw: unknown): TopResponses[M] {
  const text = Buffer.isBuffer(raw) ? decode(raw) : typeof raw === 'string' ? quoteBigIds(raw) : '';
  if (text.trim() === '') throw malformed(method, 'empty response body');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw malformed(method, 'response body is not JSON');
  }
  if (!parsed || typeof parsed !== 'object') throw malformed(method, 'response body is not a JSON object');
  const obj = parsed as Record<string, unknown>;
  const error = obj.error_response;
  if (error && typeof error === 'object') {
    const e = error as Partial<TopErrorBody>;
    throw topErrorFrom({
      code: Number(e.code),
      msg: String(e.msg ?? ''),
      sub_code: e.sub_code,
      sub_msg: e.sub_msg,
      request_id: e.request_id,
    });
  }
  const body = obj[responseKey(method)];
  if (!body || typeof body !== 'object') throw malformed(method, `no ${responseKey(method)} in the response`);
  return body as TopResponses[M];
}
