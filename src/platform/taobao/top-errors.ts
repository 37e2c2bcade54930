import { UpstreamError } from '../../shared/errors.js';
import type { TopErrorBody } from '../top/wire.js';

const UPSTREAM = 'taobao';

interface TopErrorInit {
  code: string;
  message: string;
  retriable: boolean;
  retryAfterMs?: number;
  body: TopErrorBody;
}

/** An `error_response` from the gateway. `topCode`/`subCode` are the platform's own, for logs and support tickets. */
export class TopApiError extends UpstreamError {
  readonly topCode: number;
  readonly subCode: string | undefined;
  readonly requestId: string | undefined;
  constructor(init: TopErrorInit) {
    const b = init.body;
    super({
      upstream: UPSTREAM,
      code: init.code,
      message: init.message,
      retriable: init.retriable,
      retryAfterMs: init.retryAfterMs,
      details: { topCode: b.code, topMsg: b.msg, subCode: b.sub_code, subMsg: b.sub_msg, requestId: b.request_id },
    });
    this.topCode = b.code;
    this.subCode = b.sub_code;
    this.requestId = b.request_id;
  }
}

/** Call limits (code 4–8, `accesscontrol.limited-by-*`): retried after the ban the platform names. */
export class TopRateLimitError extends TopApiError {}
/** The platform's own fault (`isp.*`, codes 10/15…): retried. */
export class TopUpstreamFaultError extends TopApiError {}
/** The platform refused the request on its merits (`isv.*`, bad arguments, permissions): not retried. */
export class TopBusinessError extends TopApiError {}
/** Code 24/25: our signature is missing or wrong — the app secret or sign method is misconfigured. */
export class TopSignatureError extends TopApiError {}
/** Code 26/27: the seller's session key is missing or expired; only the shop admin can fix it. */
export class TopSessionError extends TopApiError {}
/** Code 28/29: the app key is missing or unknown. */
export class TopAppKeyError extends TopApiError {}
/** Code 30/31: the timestamp is missing or too far from the platform's clock. */
export class TopTimestampError extends TopApiError {}

const DURATION =
  /(等待|wait(?:\s+for)?)?\s*(\d+(?:\.\d+)?)\s*(more\s+)?(seconds?|secs?|s\b|秒|minutes?|mins?|分钟)(后)?/gi;

/**
 * "This ban will last for 12 more seconds" / "禁止访问，还需等待12秒" → 12000. A message may name the
 * limit's own window too ("1s内调用超过100次，还需等待30秒"): the duration marked as the wait (more…,
 * 等待…, …后) wins, else the last one. Fractions round up; minutes count as minutes.
 */
export function banMsFromSubMsg(subMsg: string | undefined): number | undefined {
  if (!subMsg) return undefined;
  const found = [...subMsg.matchAll(DURATION)];
  const wait = found.find((m) => m[1] || m[3] || m[5]) ?? found[found.length - 1];
  if (!wait) return undefined;
  const minutes = /^(minutes?|mins?|分钟)$/i.test(wait[4]!);
  return Math.ceil(Number(wait[2]) * (minutes ? 60_000 : 1000));
}

const RATE_LIMIT_CODES = new Set([4, 5, 6, 7, 8]);
const FAULT_CODES = new Set([10, 15, 50, 51, 52]);

/**
 * The one factory from a wire `error_response` to the error family. Sub codes decide first: they are the more specific.
 */
export function topErrorFrom(body: TopErrorBody): TopApiError {
  // Some gateways send sub_code as a number.
  const sub = String(body.sub_code ?? '');
  const what = `${body.msg}${body.sub_msg ? `: ${body.sub_msg}` : ''} (code ${body.code}${sub ? `, ${sub}` : ''})`;
  if (sub.startsWith('accesscontrol.limited-by') || (!sub.startsWith('isv.') && RATE_LIMIT_CODES.has(body.code))) {
    return new TopRateLimitError({
      code: 'top_rate_limited',
      message: `淘宝接口调用受限 (call limit) — ${what}`,
      retriable: true,
      retryAfterMs: banMsFromSubMsg(body.sub_msg),
      body,
    });
  }
  if (sub.startsWith('isp.') || (!sub && FAULT_CODES.has(body.code))) {
    return new TopUpstreamFaultError({
      code: 'top_upstream_fault',
      message: `淘宝服务暂时不可用 (platform fault) — ${what}`,
      retriable: true,
      body,
    });
  }
  if (body.code === 24 || body.code === 25) {
    return new TopSignatureError({
      code: 'top_invalid_signature',
      message: `签名错误，请检查 app secret 与签名方式 (invalid signature; check the app secret and sign method) — ${what}`,
      retriable: false,
      body,
    });
  }
  if (body.code === 26 || body.code === 27) {
    return new TopSessionError({
      code: 'top_session_invalid',
      message: `店铺授权 session 缺失或已过期，请管理员重新授权并更新 session key (the seller session key is missing or expired: renew it in the settings) — ${what}`,
      retriable: false,
      body,
    });
  }
  if (body.code === 28 || body.code === 29) {
    return new TopAppKeyError({
      code: 'top_app_key_invalid',
      message: `app key 缺失或无效，请检查配置 (app key missing or invalid) — ${what}`,
      retriable: false,
      body,
    });
  }
  if (body.code === 30 || body.code === 31) {
    return new TopTimestampError({
      code: 'top_invalid_timestamp',
      message: `时间戳无效，请检查服务器时钟 (invalid timestamp; check the server clock) — ${what}`,
      retriable: false,
      body,
    });
  }
  return new TopBusinessError({
    code: 'top_business_error',
    message: `淘宝拒绝了请求 (refused) — ${what}`,
    retriable: false,
    body,
  });
}
