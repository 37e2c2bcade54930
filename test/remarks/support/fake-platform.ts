/**
 * An in-memory ShopPlatform for the remark tests: it keeps each order's memo and flag, yields between
 * reading and writing like a real network call (so unserialized writers would interleave), enforces
 * the 1000-byte limit, and fails on demand.
 */
import { setImmediate as tick } from 'node:timers/promises';
import type { Order } from '../../../src/orders/order.js';
import type { ShopPlatform } from '../../../src/platform/platform-port.js';
import { NotFoundError, UpstreamError } from '../../../src/shared/errors.js';
import { toInstant, type Clock } from '../../../src/shared/time.js';

/**
 * network: the request never arrived; upstream: a 503-like fault; lost_response: the write landed but the answer was
 * lost.
 */
export type Failure = 'network' | 'upstream' | 'lost_response';

export interface FakePlatform extends ShopPlatform {
  order(tid: string): Order;
  /** Edit the memo by hand, as in the shop's back office. */
  editByHand(tid: string, memo: string, flag?: number): void;
  failNext(method: 'getOrder' | 'updateMemo', ...failures: Failure[]): void;
  /** Every call fails with a network error while down. */
  down: boolean;
  calls: { getOrder: number; updateMemo: number };
}

export function createFakePlatform(orders: readonly Order[], clock: Clock): FakePlatform {
  const state = new Map(orders.map((o) => [o.tid, structuredClone(o)]));
  const queued: Record<'getOrder' | 'updateMemo', Failure[]> = { getOrder: [], updateMemo: [] };
  const calls = { getOrder: 0, updateMemo: 0 };
  const networkError = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  const upstreamError = () =>
    new UpstreamError({
      upstream: 'taobao',
      code: 'isp.remote-service-unavailable',
      message: 'service unavailable',
      retriable: true,
    });
  const find = (tid: string) => {
    const o = state.get(tid);
    if (!o) throw new NotFoundError(`trade ${tid} does not exist`);
    return o;
  };

  const fake: FakePlatform = {
    kind: 'sandbox',
    down: false,
    calls,
    order: (tid) => structuredClone(find(tid)),
    editByHand(tid, memo, flag) {
      const o = find(tid);
      o.sellerMemo = memo;
      if (flag !== undefined) o.sellerFlag = flag;
    },
    failNext(method, ...failures) {
      queued[method].push(...failures);
    },
    async getOrder(tid) {
      calls.getOrder++;
      await tick();
      if (fake.down) throw networkError();
      const failure = queued.getOrder.shift();
      if (failure) throw failure === 'upstream' ? upstreamError() : networkError();
      return structuredClone(find(tid));
    },
    async updateMemo(tid, memo, flag) {
      calls.updateMemo++;
      await tick();
      if (fake.down) throw networkError();
      const failure = queued.updateMemo.shift();
      if (failure === 'network') throw networkError();
      if (failure === 'upstream') throw upstreamError();
      if (Buffer.byteLength(memo, 'utf8') > 1000) {
        throw new UpstreamError({
          upstream: 'taobao',
          code: 'isv.memo-too-long',
          message: 'memo over 1000 bytes',
          retriable: false,
        });
      }
      const o = find(tid);
      o.sellerMemo = memo;
      if (flag !== undefined) o.sellerFlag = flag;
      o.modifiedAt = toInstant(clock.now());
      if (failure === 'lost_response') throw networkError();
      return { modifiedAt: o.modifiedAt };
    },
    async *changedOrders() {},
    async *createdOrders() {},
    async closeTrade() {
      throw new Error('not used by the remark tests');
    },
    async *negativeReviews() {},
    async *receivedRefunds() {},
    async decryptReceivers() {
      throw new Error('not used by the remark tests');
    },
    decryptQuota: () => ({ day: '', used: 0, limit: null, exhausted: false }),
    stats: () => ({ calls: calls.getOrder + calls.updateMemo }),
  };
  return fake;
}
