import { createHash } from 'node:crypto';

/**
 * The kuaidi100 query signature: MD5 over param + key + customer (no separators), 32 hex digits
 * uppercase (实时快递查询接口, api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc). `param` must be the
 * exact JSON text that is sent, so callers serialize once and sign and send the same string.
 * Both the client and the sandbox courier use this one function.
 */
export function kuaidi100Sign(param: string, key: string, customer: string): string {
  return createHash('md5')
    .update(param + key + customer, 'utf8')
    .digest('hex')
    .toUpperCase();
}
