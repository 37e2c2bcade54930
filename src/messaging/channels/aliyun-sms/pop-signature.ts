/**
 * Aliyun's POP (RPC) request signature, version 1.0 with HMAC-SHA1:
 * sort the parameters by name, percent-encode names and values (RFC 3986: only A–Z a–z 0–9 - _ . ~
 * stay as they are, so a space is %20, * is %2A and ~ is kept), join them as a query, sign
 * 'POST&%2F&' + percentEncode(query) with HMAC-SHA1 keyed by secret + '&', base64.
 */
import { createHmac } from 'node:crypto';

export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Names sorted by code unit (ASCII), as the protocol requires, not by locale. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
}

export function stringToSign(method: 'POST' | 'GET', params: Record<string, string>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

export function popSignature(method: 'POST' | 'GET', params: Record<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(method, params)).digest('base64');
}

/** Aliyun's Timestamp: UTC, second precision, 'YYYY-MM-DDThh:mm:ssZ'. */
export function popTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
