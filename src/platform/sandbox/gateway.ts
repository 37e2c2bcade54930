import { isTopSignMethod, topSign, type TopSignMethod } from '../top/sign.js';
import type { TopErrorBody } from '../top/wire.js';
import { parseTopTime } from '../../shared/time.js';
import { SANDBOX_CREDENTIALS } from './credentials.js';
import { E } from './top-errors.js';

export type Params = Record<string, string>;

export const SUPPORTED_METHODS = new Set([
  'taobao.trades.sold.get',
  'taobao.trades.sold.increment.get',
  'taobao.trade.fullinfo.get',
  'taobao.top.oaid.decrypt',
  'taobao.trade.memo.update',
  'taobao.trade.close',
  'taobao.traderates.get',
  'taobao.refunds.receive.get',
  'taobao.logistics.trace.search',
  'taobao.tmc.user.permit',
  'taobao.tmc.user.get',
]);

const TIMESTAMP_TOLERANCE_MS = 10 * 60_000;

/** The client's timestamp: 'yyyy-MM-dd HH:mm:ss' GMT+8, or epoch milliseconds as some SDKs send. */
function parseTimestamp(text: string): number | undefined {
  if (/^\d{10,13}$/.test(text)) return text.length === 13 ? Number(text) : Number(text) * 1000;
  try {
    return parseTopTime(text);
  } catch {
    return undefined;
  }
}

/** Merges query and form body (official SDKs put system parameters in the URL, business ones in the body). */
export function requestParams(query: unknown, body: unknown): Params {
  const out: Params = {};
  for (const source of [query, body]) {
    if (!source || typeof source !== 'object') continue;
    for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (typeof first === 'string') out[k] = first;
    }
  }
  return out;
}

/**
 * The platform's SDKs leave an empty parameter (`buyer_nick=`) out of the signed text; some third-party clients
 * sign it as its bare name. The real gateway accepts both, so the sandbox tries the second only when it differs.
 */
function signatureMatches(p: Params, signMethod: TopSignMethod): boolean {
  const sign = p.sign!.toUpperCase();
  if (topSign(p, SANDBOX_CREDENTIALS.appSecret, signMethod) === sign) return true;
  const hasEmpty = Object.entries(p).some(([k, v]) => k !== 'sign' && v === '');
  return hasEmpty && topSign(p, SANDBOX_CREDENTIALS.appSecret, signMethod, 'bare-name') === sign;
}

/**
 * The gateway's checks, in the order the platform applies them; returns the first failure or the
 * accepted method and format. A bad signature is an answer, never an exception.
 */
export function checkRequest(
  p: Params,
  now: number,
): { ok: true; method: string; format: 'json' | 'xml' } | { ok: false; error: TopErrorBody; format: 'json' | 'xml' } {
  const format: 'json' | 'xml' = p.format === 'json' ? 'json' : 'xml';
  const fail = (error: TopErrorBody) => ({ ok: false as const, error, format });
  if (p.format !== undefined && p.format !== 'json' && p.format !== 'xml') return fail(E.invalidFormat());
  if (!p.app_key) return fail(E.missingAppKey());
  if (p.app_key !== SANDBOX_CREDENTIALS.appKey) return fail(E.invalidAppKey());
  if (!p.method) return fail(E.missingMethod());
  if (!SUPPORTED_METHODS.has(p.method)) return fail(E.invalidMethod());
  if (!p.timestamp) return fail(E.missingTimestamp());
  const ts = parseTimestamp(p.timestamp);
  if (ts === undefined || Math.abs(ts - now) > TIMESTAMP_TOLERANCE_MS) return fail(E.invalidTimestamp());
  if (!p.v) return fail(E.missingVersion());
  if (p.v !== '2.0') return fail(E.invalidVersion());
  const signMethod = p.sign_method ?? 'md5';
  if (!isTopSignMethod(signMethod)) return fail(E.invalidSignMethod());
  if (!p.sign) return fail(E.missingSignature());
  if (!signatureMatches(p, signMethod)) return fail(E.invalidSignature());
  if (!p.session) return fail(E.missingSession());
  if (p.session !== SANDBOX_CREDENTIALS.session) return fail(E.invalidSession());
  return { ok: true, method: p.method, format };
}
