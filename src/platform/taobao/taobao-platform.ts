import { createHttpClient, type RetryPolicy } from '../../http-client/index.js';
import { NotFoundError, UpstreamError, ValidationError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { parseTopTime, systemClock, toInstant, type Clock } from '../../shared/time.js';
import type { PlatformCallOptions, ShopPlatform } from '../platform-port.js';
import { isTopSignMethod, type TopSignMethod } from '../top/sign.js';
import { TRADE_FIELDS } from '../top/wire.js';
import { createDecryptQuotaCounter, type DecryptQuotaCount } from './decrypt-quota.js';
import { DEFAULT_SECRET_NO_DAYS, decryptReceivers, type DecryptContext } from './oaid-decrypt.js';
import { changedOrders, countChanged, createdOrders, negativeReviews, type FeedOptions } from './order-feeds.js';
import { receivedRefunds } from './refund-feed.js';
import { topCall, type TopCallContext } from './top-call.js';
import { TopBusinessError } from './top-errors.js';
import { traceByTid, type TopLogisticsTrace } from './trace-search.js';
import { mapStatus, mapTrade } from './trade-mapper.js';

/** Pages of one window in flight at once. */
export const DEFAULT_PAGE_CONCURRENCY = 4;

export interface TaobaoOptions {
  gatewayUrl: string;
  appKey: string;
  appSecret: string;
  session: string;
  signMethod: TopSignMethod;
  callsPerMinute?: number;
  timeoutMs?: number;
  /** ≤ 100, default 100 */
  pageSize?: number;
  /** pages in flight, default 4 */
  concurrency?: number;
  logger?: Logger;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  kind?: 'taobao' | 'sandbox';
  /** The daily decrypt quota the platform granted the shop (its back office shows it), for the admin's display. */
  decryptDailyQuota?: number;
  /** How long a privacy number stays bound (secret_no_days), default 15. */
  secretNoDays?: number;
}

export interface TaobaoPlatform extends ShopPlatform {
  /** The platform's logistics trace of an order (not part of the port: only tools use it). */
  traceByTid(tid: string): Promise<TopLogisticsTrace>;
  /** Today's decrypt use, with the calls it took. */
  decryptQuota(): DecryptQuotaCount;
}

const MEMO_MAX_BYTES = 1000;

/** Every problem with the options at once, so a misconfigured shop is fixed in one go. */
function checkOptions(opts: TaobaoOptions): void {
  const problems: [string, string][] = [];
  for (const key of ['gatewayUrl', 'appKey', 'appSecret'] as const)
    if (!opts[key]) problems.push([key, `${key} is required`]);
  if (!isTopSignMethod(opts.signMethod))
    problems.push([
      'signMethod',
      `signMethod must be md5, hmac or hmac-sha256, got ${JSON.stringify(opts.signMethod)}`,
    ]);
  const ps = opts.pageSize;
  if (ps !== undefined && !(Number.isInteger(ps) && ps >= 1 && ps <= 100))
    problems.push(['pageSize', `pageSize must be an integer 1–100, got ${ps}`]);
  const c = opts.concurrency;
  if (c !== undefined && !(Number.isInteger(c) && c >= 1))
    problems.push(['concurrency', `concurrency must be a positive integer, got ${c}`]);
  if (problems.length) {
    throw new ValidationError({
      // The names are the configuration's own keys: what the administrator edits to fix it.
      message: `淘宝平台的连接设置有误，请管理员检查配置中的：${problems.map((p) => p[0]).join('、')}`,
      code: 'taobao_options_invalid',
      field: problems[0]![0],
      params: { fields: problems.map((p) => p[0]) },
      detail: `taobao options: ${problems.map((p) => p[1]).join('; ')}`,
    });
  }
}

function checkTid(tid: string): void {
  if (!/^\d{1,20}$/.test(tid))
    throw new ValidationError({ message: '订单号只能是数字', code: 'tid_not_digits', field: 'tid', params: { tid } });
}

/**
 * The real Taobao Open Platform protocol behind the ShopPlatform port; the sandbox uses it too, pointed at its own
 * gateway.
 */
export function createTaobaoPlatform(opts: TaobaoOptions): TaobaoPlatform {
  checkOptions(opts);
  const clock = opts.clock ?? systemClock;
  const http = createHttpClient({
    name: 'taobao',
    timeoutMs: opts.timeoutMs,
    retry: opts.retry,
    callsPerMinute: opts.callsPerMinute,
    logger: opts.logger,
    sleep: opts.sleep,
    random: opts.random,
    now: () => clock.now(),
  });
  const ctx: TopCallContext = {
    http,
    gatewayUrl: opts.gatewayUrl,
    appKey: opts.appKey,
    appSecret: opts.appSecret,
    session: opts.session,
    signMethod: opts.signMethod,
    clock,
  };
  async function getOrder(tid: string, options: PlatformCallOptions = {}) {
    checkTid(tid);
    try {
      const res = await topCall(
        ctx,
        'taobao.trade.fullinfo.get',
        { fields: TRADE_FIELDS.join(','), tid },
        { patienceMs: options.patienceMs },
      );
      return mapTrade(res.trade);
    } catch (err) {
      if (err instanceof TopBusinessError && err.subCode === 'isv.trade-not-exist')
        throw new NotFoundError({
          message: `淘宝平台上没有订单 ${tid}`,
          code: 'platform_order_not_found',
          params: { tid },
        });
      throw err;
    }
  }
  const feed: FeedOptions = {
    pageSize: opts.pageSize ?? 100,
    concurrency: opts.concurrency ?? DEFAULT_PAGE_CONCURRENCY,
  };
  const instant = (top: string) => toInstant(parseTopTime(top));
  const decrypt: DecryptContext = {
    ctx,
    quota: createDecryptQuotaCounter(clock, opts.decryptDailyQuota ?? null),
    secretNoDays: opts.secretNoDays ?? DEFAULT_SECRET_NO_DAYS,
  };

  return {
    kind: opts.kind ?? 'taobao',
    changedOrders: (window) => changedOrders(ctx, feed, window),
    countChanged: (window) => countChanged(ctx, window),
    createdOrders: (window) => createdOrders(ctx, feed, window),
    negativeReviews: (window) => negativeReviews(ctx, feed, window),
    receivedRefunds: (window) => receivedRefunds(ctx, feed, window),

    getOrder,

    async updateMemo(tid, memo, flag, options = {}) {
      checkTid(tid);
      if (Buffer.byteLength(memo, 'utf8') > MEMO_MAX_BYTES) {
        throw new ValidationError({
          message: `备注超过平台 ${MEMO_MAX_BYTES} 字节上限`,
          code: 'too_long',
          field: 'memo',
          params: { bytes: Buffer.byteLength(memo, 'utf8'), limit: MEMO_MAX_BYTES },
        });
      }
      if (flag !== undefined && !(Number.isInteger(flag) && flag >= 0 && flag <= 10)) {
        throw new ValidationError({
          message: '旗帜颜色不对，只能是 0 到 10',
          code: 'flag_invalid',
          field: 'flag',
          params: { flag: String(flag) },
        });
      }
      // The platform ignores an empty memo; clearing it takes the explicit reset switch. Never sent
      // twice blindly: it overwrites the whole memo, and a resend after a lost answer could wipe a
      // staff edit made meanwhile (the remark outbox re-reads the memo and tries again instead).
      const res = await topCall(
        ctx,
        'taobao.trade.memo.update',
        memo === '' ? { tid, flag, reset: true } : { tid, memo, flag },
        { idempotent: false, patienceMs: options.patienceMs },
      );
      return { modifiedAt: instant(res.trade.modified) };
    },

    async closeTrade(tid, reason, options = {}) {
      checkTid(tid);
      if (!reason.trim())
        throw new ValidationError({ message: '请填写关闭交易的原因', code: 'field_required', field: 'reason' });
      try {
        const res = await topCall(
          ctx,
          'taobao.trade.close',
          { tid, close_reason: reason },
          { idempotent: false, patienceMs: options.patienceMs },
        );
        return { status: mapStatus(res.trade.status, tid), modifiedAt: instant(res.trade.modified) };
      } catch (err) {
        // The answer was lost (a timeout, a reset, a 5xx): the close may have landed, and sending it
        // again would be refused as the wrong status. The order itself says whether it is closed.
        if (!(err instanceof UpstreamError) || !err.retriable) throw err;
        const order = await getOrder(tid, options);
        if (order.status === 'TRADE_CLOSED' || order.status === 'TRADE_CLOSED_BY_TAOBAO')
          return { status: order.status, modifiedAt: order.modifiedAt };
        throw err;
      }
    },

    traceByTid: (tid) => {
      checkTid(tid);
      return traceByTid(ctx, tid);
    },

    decryptReceivers: (items, scene, options) => decryptReceivers(decrypt, items, scene, options),
    decryptQuota: () => decrypt.quota.snapshot(),

    stats: () => ({ calls: http.stats().calls }),
  };
}
