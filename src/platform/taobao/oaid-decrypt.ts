import type { DecryptedReceiver, DecryptQuery, DecryptScene, PlatformCallOptions } from '../platform-port.js';
import { MAX_RETRY_AFTER_MS } from '../../http-client/index.js';
import { ValidationError } from '../../shared/errors.js';
import { parseTopTime, toInstant } from '../../shared/time.js';
import type { TopReceiver } from '../top/wire.js';
import type { DecryptQuotaCounter } from './decrypt-quota.js';
import { topCall, type TopCallContext } from './top-call.js';
import { TopBusinessError, TopRateLimitError } from './top-errors.js';

/** The platform's limit on `query_list`: "解密请求列表，最多支持20个". */
export const DECRYPT_BATCH_SIZE = 20;

/**
 * How many days a privacy number stays bound to the buyer (`secret_no_days`). 15, the platform's own example: long
 * enough for a parcel's journey and its after-sales talk, so one number serves the messages of an order instead of
 * each message binding (and paying for) a new one.
 */
export const DEFAULT_SECRET_NO_DAYS = 15;

const METHOD = 'taobao.top.oaid.decrypt';

// Words a quota refusal carries in its sub code or text; a platform fault (isp.*) is never read as one.
const QUOTA_WORDS = /quota|flow-?limit|flow-?control|额度|流控|超限/i;

/**
 * Whether a refusal of taobao.top.oaid.decrypt is its daily quota: a refusal naming the quota or flow control, or a
 * call-limit ban longer than the client ever sits out (the platform bans the method until the day ends).
 */
export function isDecryptQuotaRefusal(err: unknown): boolean {
  if (!(err instanceof TopBusinessError || err instanceof TopRateLimitError)) return false;
  const text = `${err.subCode ?? ''} ${String(err.details.subMsg ?? '')} ${String(err.details.topMsg ?? '')}`;
  if (QUOTA_WORDS.test(text)) return true;
  return err instanceof TopRateLimitError && (err.retryAfterMs === undefined || err.retryAfterMs > MAX_RETRY_AFTER_MS);
}

/** '18877771111-123' → the number and its extension; a real number has none. */
function splitPrivacyNumber(mobile: string): [string, string] {
  const m = /^(\d{11})-(\d{1,8})$/.exec(mobile.trim());
  return m ? [m[1]!, m[2]!] : [mobile, ''];
}

/** One wire receiver → the port's shape ('' for the fields the scene does not give). */
export function mapReceiver(r: TopReceiver): DecryptedReceiver {
  const [mobile, extension] = splitPrivacyNumber(r.mobile ?? '');
  const expire = r.secret_no_expire_time?.trim();
  return {
    tid: String(r.tid),
    oaid: r.oaid,
    matched: r.matched !== false,
    name: r.name ?? '',
    mobile,
    phone: r.phone ?? '',
    extension,
    state: r.state ?? '',
    city: r.city ?? '',
    district: r.district ?? '',
    town: r.town ?? '',
    addressDetail: r.address_detail ?? '',
    privacyProtection: r.privacy_protection === true,
    secretNoExpireAt: expire ? toInstant(parseTopTime(expire)) : null,
  };
}

function checkQuery(q: DecryptQuery): void {
  if (!/^\d{1,20}$/.test(q.tid))
    throw new ValidationError({
      message: '订单号只能是数字',
      code: 'tid_not_digits',
      field: 'tid',
      params: { tid: q.tid },
    });
  if (!q.oaid || q.oaid.length > 128)
    throw new ValidationError({ message: '这笔订单没有可解密的收件人编号', code: 'oaid_missing', field: 'oaid' });
}

export interface DecryptContext {
  ctx: TopCallContext;
  quota: DecryptQuotaCounter;
  secretNoDays: number;
}

/**
 * Plain receivers for the items under one scene, 20 to a call. The batches go one after another, not in parallel:
 * once the quota refuses a batch every later one would be refused too, so a sequence stops after one refused call
 * where parallel batches would each spend a call on it; the client's call budget paces them either way. A quota
 * refusal throws DecryptQuotaError (even after earlier batches answered: the caller falls back for the lot), and every
 * later call today fails at once without being sent.
 */
export async function decryptReceivers(
  dc: DecryptContext,
  items: DecryptQuery[],
  scene: DecryptScene,
  options: PlatformCallOptions = {},
): Promise<DecryptedReceiver[]> {
  items.forEach(checkQuery);
  if (items.length === 0) return [];
  const answered = new Map<string, DecryptedReceiver>();
  for (let at = 0; at < items.length; at += DECRYPT_BATCH_SIZE) {
    dc.quota.checkOpen();
    const batch = items.slice(at, at + DECRYPT_BATCH_SIZE);
    const queryList = batch.map((q) => ({ tid: q.tid, oaid: q.oaid, scene, secret_no_days: dc.secretNoDays }));
    const res = await topCall(dc.ctx, METHOD, { query_list: queryList }, { patienceMs: options.patienceMs }, (err) =>
      isDecryptQuotaRefusal(err) ? dc.quota.exhaust(err) : err,
    );
    const receivers = res.receiver_list?.receiver ?? [];
    dc.quota.record(receivers.map((r) => String(r.tid)));
    for (const r of receivers) answered.set(`${String(r.tid)}|${r.oaid}`, mapReceiver(r));
  }
  // In the caller's order; an item the platform left out is left out here too.
  return items.flatMap((q) => answered.get(`${q.tid}|${q.oaid}`) ?? []);
}
