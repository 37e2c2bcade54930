import type { CallOptions, HttpClient } from '../../http-client/index.js';
import { formatTopTime, type Clock } from '../../shared/time.js';
import { topSign, type TopSignMethod } from '../top/sign.js';
import type { TopMethod, TopResponses } from '../top/wire.js';
import { parseTopResponse } from './top-response.js';

/** What one signed call needs: the shared http client (its budget and retries) and the credentials. */
export interface TopCallContext {
  http: HttpClient;
  gatewayUrl: string;
  appKey: string;
  appSecret: string;
  session: string;
  signMethod: TopSignMethod;
  clock: Clock;
}

export type TopParamValue = string | number | boolean | object | null | undefined;

/** Business params on the wire: objects and arrays as JSON, empty values left out (they would change the signature). */
export function encodeBusinessParams(params: Record<string, TopParamValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

/**
 * Every parameter of one request, common ones included, signed. Built per attempt so each retry carries a fresh
 * timestamp.
 */
export function buildTopRequest(
  ctx: TopCallContext,
  method: TopMethod,
  params: Record<string, TopParamValue>,
): Record<string, string> {
  const all: Record<string, string> = {
    ...encodeBusinessParams(params),
    method,
    app_key: ctx.appKey,
    session: ctx.session,
    timestamp: formatTopTime(ctx.clock.now()),
    format: 'json',
    v: '2.0',
    sign_method: ctx.signMethod,
  };
  if (!ctx.session) delete all.session;
  all.sign = topSign(all, ctx.appSecret, ctx.signMethod);
  return all;
}

/**
 * The low-level signed call: form-encoded POST to the gateway, the raw bytes parsed by `parseTopResponse`. `settle`
 * turns a refusal into what the caller means by it inside the attempt, before the client's retry rule and ban
 * bookkeeping see it (a spent decrypt quota is "not now" for that method only, not a ban of every call).
 */
export function topCall<M extends TopMethod>(
  ctx: TopCallContext,
  method: M,
  params: Record<string, TopParamValue>,
  options?: CallOptions,
  settle?: (err: unknown) => unknown,
): Promise<TopResponses[M]> {
  return ctx.http.call(async (http) => {
    const form = new URLSearchParams(buildTopRequest(ctx, method, params)).toString();
    // Bytes, not text: the 64-bit ids are quoted on the bytes before the one decode.
    const res = await http.post<Buffer>(ctx.gatewayUrl, form, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
      responseType: 'arraybuffer',
      transformResponse: [(data: unknown) => data],
    });
    try {
      return parseTopResponse(method, res.data);
    } catch (err) {
      throw settle ? settle(err) : err;
    }
  }, options);
}
