/**
 * The privacy module behind the real HTTP app (auth, role table, error table) with a fake platform that records what
 * it was asked: a receiver per order in plain text (as only the platform holds it), oaids that can go stale, and a
 * quota that can run out.
 */
import type { Order } from '../../../src/orders/index.js';
import type { StoredOrder } from '../../../src/orders/order-repository.js';
import {
  DecryptQuotaError,
  type DecryptedReceiver,
  type DecryptQuery,
  type DecryptScene,
  type ShopPlatform,
} from '../../../src/platform/index.js';
import { createPrivacyModule } from '../../../src/privacy/index.js';
import { silentLogger, type Logger } from '../../../src/shared/logger.js';
import { fixedClock } from '../../../src/shared/time.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import type { Store } from '../../../src/storage/store.js';
import { apiApp } from '../../support/api-app.js';

export const TID = '4137654321098765432';
export const PLAIN = {
  name: '王小明',
  mobile: '13912345678',
  addressDetail: '文一西路969号3幢2单元501',
  district: '余杭区',
};

/** The order as xiaoer stores it: masked by the platform, with its oaid. */
export function storedOrder(tid = TID, oaid: string | undefined = 'oaid-now'): StoredOrder {
  return {
    tid,
    buyerNick: 'tb_小明',
    receiver: {
      name: '王*',
      mobile: '139****5678',
      phone: '',
      state: '浙江省',
      city: '杭州市',
      district: '余杭区',
      town: '',
      address: '****',
      zip: '',
      ...(oaid ? { oaid } : {}),
    },
  } as unknown as StoredOrder;
}

function decrypted(q: DecryptQuery, scene: DecryptScene, matched: boolean): DecryptedReceiver {
  const ship = Number(scene) <= 1007;
  const all = scene === '1008' || ship;
  return {
    tid: q.tid,
    oaid: q.oaid,
    matched,
    name: ship || scene === '1009' ? PLAIN.name : '',
    mobile: ship ? PLAIN.mobile : '',
    phone: '',
    extension: '',
    state: all ? '浙江省' : '',
    city: all ? '杭州市' : '',
    district: all ? PLAIN.district : '',
    town: '',
    addressDetail: all ? PLAIN.addressDetail : '',
    privacyProtection: false,
    secretNoExpireAt: null,
  };
}

export function fakePlatform() {
  const calls: { items: DecryptQuery[]; scene: DecryptScene }[] = [];
  const reads: string[] = [];
  const state = { quotaSpent: false, currentOaid: 'oaid-now', limit: 1000 as number | null };
  const platform: Pick<ShopPlatform, 'decryptReceivers' | 'decryptQuota' | 'getOrder'> = {
    async decryptReceivers(items, scene) {
      calls.push({ items, scene });
      if (state.quotaSpent) throw new DecryptQuotaError('2026-11-24T00:00:00.000+08:00');
      return items.map((q) => decrypted(q, scene, q.oaid === state.currentOaid));
    },
    decryptQuota: () => ({ day: '2026-11-23', used: calls.length, limit: state.limit, exhausted: state.quotaSpent }),
    async getOrder(tid) {
      reads.push(tid);
      return storedOrder(tid, state.currentOaid) as unknown as Order;
    },
  };
  return { platform, calls, reads, state };
}

export async function privacyApp(
  opts: { orders?: StoredOrder[]; logger?: Logger; store?: Store; dailyLimit?: number } = {},
) {
  const store = opts.store ?? createMemoryStore();
  const clock = fixedClock('2026-11-23T10:00:00+08:00');
  const fake = fakePlatform();
  const orders = new Map((opts.orders ?? [storedOrder()]).map((o) => [o.tid, o]));
  const privacy = createPrivacyModule({
    store,
    clock,
    logger: opts.logger ?? silentLogger(),
    platform: fake.platform,
    orders: { get: (tid) => orders.get(tid) },
    dailyLimit: opts.dailyLimit,
  });
  const app = await apiApp({ store, clock, routes: privacy.routers });
  return { ...app, ...fake, privacy, store, clock, orders };
}
