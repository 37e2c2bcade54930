/** A fake Aliyun SMS endpoint (nock) that records every form POST, and an independent signer to check them. */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import nock from 'nock';

export const SMS_ORIGIN = 'http://dysmsapi.test';

export function smsFixture(name: string, outId?: string): string {
  const text = readFileSync(new URL(`../../fixtures/aliyun-sms/${name}`, import.meta.url), 'utf8');
  return outId ? text.replace('__OUT_ID__', outId) : text;
}

/**
 * The signature computed another way than the adapter does: WHATWG form encoding (space → '+',
 * '*' kept, '~' → %7E, like Java's URLEncoder) followed by Aliyun's documented fix-ups.
 */
export function expectedSignature(params: Record<string, string>, secret: string, method = 'POST'): string {
  const enc = (s: string) =>
    new URLSearchParams([['', s]]).toString().slice(1).replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
  const query = Object.keys(params)
    .sort()
    .map((k) => `${enc(k)}=${enc(params[k]!)}`)
    .join('&');
  return createHmac('sha1', `${secret}&`)
    .update(`${method}&${enc('/')}&${enc(query)}`)
    .digest('base64');
}

export type SmsReply = string | [number, string] | 'network-error';

export function fakeSms(handler: (params: Record<string, string>) => SmsReply) {
  const requests: Record<string, string>[] = [];
  const scope = nock(SMS_ORIGIN)
    .persist()
    .post('/')
    .reply((_uri, body, callback) => {
      const params = Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : ''));
      requests.push(params);
      const r = handler(params);
      if (r === 'network-error') callback(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), [0, '']);
      else if (Array.isArray(r)) callback(null, [r[0], r[1], { 'Content-Type': 'application/json' }]);
      else callback(null, [200, r, { 'Content-Type': 'application/json' }]);
    });
  return { requests, scope, actions: () => requests.map((p) => p['Action']) };
}
