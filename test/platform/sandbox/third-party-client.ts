import { createHash, createHmac } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';

/**
 * A minimal TOP client written from the platform's published algorithm, independent of the
 * product's topSign: if both were wrong the same way, the sandbox would still look faithful.
 */
export type SignMethod = 'md5' | 'hmac' | 'hmac-sha256';

/** `emptyAsName`: sign an empty parameter as its bare name, as some third-party TOP clients do. */
export function thirdPartySign(
  params: Record<string, string>,
  secret: string,
  method: SignMethod,
  emptyAsName = false,
): string {
  const text = Object.entries(params)
    .filter(([k, v]) => k !== 'sign' && (v !== '' || emptyAsName))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}${v}`)
    .join('');
  const digest =
    method === 'md5'
      ? createHash('md5').update(`${secret}${text}${secret}`, 'utf8').digest('hex')
      : createHmac(method === 'hmac' ? 'md5' : 'sha256', secret)
          .update(text, 'utf8')
          .digest('hex');
  return digest.toUpperCase();
}

/** GMT+8 wall time, whatever TZ the test runs in. */
export function topTimestamp(epochMs: number): string {
  return new Date(epochMs + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}

export interface CallOptions {
  via?: 'GET' | 'POST';
  signMethod?: SignMethod;
  appKey?: string | null;
  secret?: string;
  session?: string | null;
  timestamp?: string;
  /** Sign empty parameters as their bare names (`buyer_nick=` → "buyer_nick" in the signed text). */
  emptyAsName?: boolean;
  /** Applied after signing, to tamper with a signed request. */
  tamper?: (p: Record<string, string>) => void;
}

export const CREDS = { appKey: '10000001', secret: 'xiaoer-sandbox-secret', session: 'xiaoer-sandbox-session' };

export async function callTop(
  app: Express,
  now: number,
  method: string,
  business: Record<string, string>,
  o: CallOptions = {},
): Promise<{ text: string; json: any }> {
  const signMethod = o.signMethod ?? 'md5';
  const params: Record<string, string> = {
    ...business,
    method,
    timestamp: o.timestamp ?? topTimestamp(now),
    format: 'json',
    v: '2.0',
    sign_method: signMethod,
  };
  if (o.appKey !== null) params.app_key = o.appKey ?? CREDS.appKey;
  if (o.session !== null) params.session = o.session ?? CREDS.session;
  params.sign = thirdPartySign(params, o.secret ?? CREDS.secret, signMethod, o.emptyAsName);
  o.tamper?.(params);
  const res =
    o.via === 'POST'
      ? await request(app).post('/sandbox/router/rest').type('form').send(params)
      : await request(app).get('/sandbox/router/rest').query(params);
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  return { text: res.text, json: JSON.parse(res.text) };
}
