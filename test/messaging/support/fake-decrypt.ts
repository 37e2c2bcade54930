/**
 * A platform that decrypts like taobao.top.oaid.decrypt, for messaging tests: it knows each oaid's plain receiver,
 * counts calls and items, refuses more than 20 a call (as the platform does), and can be told to run out of quota,
 * refuse a scene, fail like a network, or answer a buyer with a privacy number.
 */
import {
  DecryptQuotaError,
  type DecryptedReceiver,
  type DecryptQuery,
  type DecryptScene,
  type PlatformCallOptions,
  type ShopPlatform,
} from '../../../src/platform/index.js';
import { UpstreamError } from '../../../src/shared/errors.js';

export interface PlainReceiver {
  mobile: string;
  /** A privacy number's extension; a real number has none. */
  extension?: string;
  /** Set for a buyer under privacy protection: when the privacy number stops working. */
  secretNoExpireAt?: string;
}

export interface FakeDecrypt extends Pick<ShopPlatform, 'decryptReceivers'> {
  /** oaid → the plain receiver the platform keeps. */
  readonly plain: Map<string, PlainReceiver>;
  readonly calls: { items: DecryptQuery[]; scene: DecryptScene; options?: PlatformCallOptions }[];
  /** Calls left before the quota is spent (Infinity: none counted). */
  quota: number;
  /** Scenes the app may not use. */
  refusedScenes: Set<DecryptScene>;
  /** Oaids the platform answers with matched=false (an oaid that is not this order's). */
  unmatched: Set<string>;
  /** The next n calls fail like a lost connection. */
  failNext: number;
  /** Oaids the platform refuses the whole call for (an oaid it does not know), as taobao's isv errors do. */
  refusedOaids: Set<string>;
}

export const QUOTA_RETRY_AT = '2026-11-24T00:00:00.000+08:00';

export function fakeDecrypt(plain: Record<string, PlainReceiver> = {}): FakeDecrypt {
  const fake: FakeDecrypt = {
    plain: new Map(Object.entries(plain)),
    calls: [],
    quota: Infinity,
    refusedScenes: new Set(),
    unmatched: new Set(),
    failNext: 0,
    refusedOaids: new Set(),
    async decryptReceivers(items, scene, options) {
      fake.calls.push({ items: items.map((i) => ({ ...i })), scene, ...(options ? { options } : {}) });
      if (items.length > 20) throw new Error(`taobao.top.oaid.decrypt takes 20 items, got ${items.length}`);
      if (fake.failNext > 0) {
        fake.failNext--;
        throw new UpstreamError({ upstream: 'taobao', code: 'network', message: 'socket hang up', retriable: true });
      }
      if (fake.quota <= 0) throw new DecryptQuotaError(QUOTA_RETRY_AT);
      fake.quota--;
      if (fake.refusedScenes.has(scene))
        throw new UpstreamError({
          upstream: 'taobao',
          code: 'top_refused',
          message: `isv.invalid-parameter: scene ${scene} not allowed for this app`,
          retriable: false,
        });
      const bad = items.find((q) => fake.refusedOaids.has(q.oaid));
      if (bad)
        throw new UpstreamError({
          upstream: 'taobao',
          code: 'top_refused',
          message: `isv.invalid-parameter: oaid ${bad.oaid} is not valid`,
          retriable: false,
        });
      return items.map((q): DecryptedReceiver => {
        const p = fake.plain.get(q.oaid);
        const matched = !!p && !fake.unmatched.has(q.oaid);
        return {
          tid: q.tid,
          oaid: q.oaid,
          matched,
          name: '',
          mobile: matched ? p.mobile : '',
          phone: '',
          extension: matched ? (p.extension ?? '') : '',
          state: '',
          city: '',
          district: '',
          town: '',
          addressDetail: '',
          privacyProtection: matched && !!p.secretNoExpireAt,
          secretNoExpireAt: matched ? (p.secretNoExpireAt ?? null) : null,
        };
      });
    },
  };
  return fake;
}
