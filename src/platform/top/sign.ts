import { createHash, createHmac } from 'node:crypto';

export type TopSignMethod = 'md5' | 'hmac' | 'hmac-sha256';

/**
 * The Taobao Open Platform signature: every parameter but `sign` with a non-empty value, sorted by
 * name (ASCII), concatenated as name+value; md5(secret + s + secret), or HMAC-MD5 / HMAC-SHA256 of s
 * keyed with the secret; uppercase hex. Both the client and the sandbox server use this one function.
 */
export function topSign(
  params: Record<string, string | undefined>,
  secret: string,
  method: TopSignMethod,
  empty: 'skip' | 'bare-name' = 'skip',
): string {
  // 'bare-name' signs an empty parameter as its name alone, as some third-party clients do: the gateway accepts both.
  const s = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== undefined && (params[k] !== '' || empty === 'bare-name'))
    .sort()
    .map((k) => k + params[k])
    .join('');
  switch (method) {
    case 'md5':
      return createHash('md5')
        .update(secret + s + secret, 'utf8')
        .digest('hex')
        .toUpperCase();
    case 'hmac':
      return createHmac('md5', secret).update(s, 'utf8').digest('hex').toUpperCase();
    case 'hmac-sha256':
      return createHmac('sha256', secret).update(s, 'utf8').digest('hex').toUpperCase();
  }
}

export function isTopSignMethod(v: unknown): v is TopSignMethod {
  return v === 'md5' || v === 'hmac' || v === 'hmac-sha256';
}
