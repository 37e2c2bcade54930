/** Orders and a printing service over a memory store for the print-batch tests (the shop's day: 2026-12-07). */
import type { Order, OrderItem } from '../../src/orders/order.js';
import { createPrintingService, type PrintingDeps } from '../../src/printing/batch-service.js';
import { createBatchRepository } from '../../src/printing/batch-repository.js';
import { createKeyedLock, createOrderRemarkFacts } from '../../src/remarks/index.js';
import { formatShanghaiDate, fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import type { User } from '../../src/accounts/index.js';

export const DAY = '2026-12-07';
export const NEXT_DAY = '2026-12-08';

export function line(o: Partial<OrderItem> = {}): OrderItem {
  return {
    oid: '1',
    numIid: '612345678137',
    title: '纯棉短袖T恤女夏季宽松圆领白色打底衫',
    outerIid: 'A1008',
    skuId: '4800000000000',
    skuProperties: '颜色分类:白色;尺码:M',
    price: 5900,
    num: 1,
    totalFee: 5900,
    payment: 5900,
    discountFee: 0,
    status: 'WAIT_SELLER_SEND_GOODS',
    refundStatus: 'NO_REFUND',
    refundId: '',
    logisticsCompany: '',
    invoiceNo: '',
    ...o,
  };
}

/** A paid order waiting for the warehouse, paid at `paid` (HH:mm on DAY, or a full instant). */
export function paidOrder(tid: string, paid: string, o: Partial<Order> = {}): Order {
  const paidAt = paid.length === 5 ? `${DAY}T${paid}:00.000+08:00` : paid;
  return {
    tid,
    status: 'WAIT_SELLER_SEND_GOODS',
    type: 'fixed',
    buyerNick: `买家${tid}`,
    buyerMessage: '',
    createdAt: paidAt,
    modifiedAt: paidAt,
    paidAt,
    consignedAt: null,
    endAt: null,
    payDeadlineAt: null,
    totalFee: 5900,
    payment: 5900,
    postFee: 0,
    discountFee: 0,
    // Masked as the platform hands receivers out (issue 18), with the oaid that names this one.
    receiver: {
      ...{ name: '李*', mobile: '138****8000', phone: '', state: '浙江省', city: '杭州市', district: '西湖区' },
      ...{ town: '', address: '西湖区****', zip: '310000', country: '', oaid: `oaid-${tid}-1` },
    },
    items: [line()],
    sellerMemo: '',
    sellerFlag: 0,
    buyerRated: false,
    sellerRated: false,
    shippingType: 'express',
    ...o,
  };
}

export const XIAOLI: User = { username: 'xiaoli', displayName: '小丽', role: 'staff' };

/**
 * The service over a memory store. Writing print.printed is the platform's part here: the order's memo gains the
 * date (as the real remark service leaves it), and each write is counted per order.
 */
export function printingRig(
  orders: Order[],
  at: string,
  times = ['12:00', '15:00', '17:00'],
  details?: PrintingDeps['details'],
) {
  const store = createMemoryStore();
  const clock = fixedClock(at);
  const byTid = new Map(orders.map((o) => [o.tid, o]));
  const writes: Record<string, number> = {};
  const service = createPrintingService({
    repo: createBatchRepository(store),
    orders: { get: (tid) => byTid.get(tid), all: () => byTid.values() },
    facts: createOrderRemarkFacts(store),
    async writeRemark(req) {
      const o = byTid.get(req.tid)!;
      writes[req.tid] = (writes[req.tid] ?? 0) + 1;
      const date = formatShanghaiDate(clock.now(), 'MM.DD');
      byTid.set(req.tid, { ...o, sellerMemo: o.sellerMemo ? `${o.sellerMemo}；${date}` : date });
      return { status: 'written' };
    },
    lock: createKeyedLock(),
    clock,
    config: { times, defaultCourier: null },
    ...(details ? { details } : {}),
  });
  return {
    service,
    clock,
    writes,
    store,
    update: (tid: string, change: Partial<Order>) => byTid.set(tid, { ...byTid.get(tid)!, ...change }),
  };
}
