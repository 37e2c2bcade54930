// The print batch figure (issue 15: a batch listed from a store of 2,000 paid orders in < 200 ms). A lowdb store on
// disk holds 2,000 paid orders waiting for the warehouse among 98,000 others (shipped, finished, unpaid, closed);
// one in ten of the paid ones has a memo as staff write them (a name and a courier, out of stock, a bare print date)
// and one in twenty a remark xiaoer wrote. Timed: the next batch listed live (every order read, remarks and memos
// checked, grouped by courier), the batch stored by its job, the stored batch listed, its warehouse CSV.
// Run alone: `npx tsc -p tsconfig.json && node bench/print-batch.mjs`; `npm run bench` runs it with the rest.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createOrderRepository, ORDER_COLLECTION, ORDERS } from '../dist/orders/order-repository.js';
import { createPrintingModule, batchCsv } from '../dist/printing/index.js';
import { REMARK_ENTRIES } from '../dist/remarks/remark-repository.js';
import { openLowdbStore } from '../dist/storage/index.js';
import { toInstant } from '../dist/shared/time.js';

const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const STATUSES = [
  'TRADE_FINISHED',
  'WAIT_BUYER_CONFIRM_GOODS',
  'WAIT_BUYER_PAY',
  'TRADE_CLOSED_BY_TAOBAO',
  'TRADE_CLOSED',
];
const MEMOS = [
  '小林；发圆通快递',
  '此款无货+不要打单,已电话通知买家申请退款+小丽/11.23',
  '11.22',
  '顾客要求发顺丰 小周',
  '不要放发票',
];

function order(i, paid) {
  const status = paid ? 'WAIT_SELLER_SEND_GOODS' : STATUSES[i % STATUSES.length];
  // Paid ones between yesterday's 17:00 cut-off and now; the others over the last month.
  const at = paid ? NOW - 60_000 - ((i * 7919) % (17 * 3_600_000)) : NOW - ((i * 104_729) % (30 * 86_400_000));
  const time = toInstant(at);
  return {
    tid: String(4_000_000_000_000_000 + i),
    status,
    type: 'fixed',
    buyerNick: `买家${i % 40_000}`,
    buyerMessage: i % 7 ? '' : '请尽快发货，谢谢',
    createdAt: time,
    modifiedAt: time,
    paidAt: status === 'WAIT_BUYER_PAY' || status === 'TRADE_CLOSED_BY_TAOBAO' ? null : time,
    consignedAt: null,
    endAt: null,
    payDeadlineAt: null,
    totalFee: 12_800,
    payment: 12_800,
    postFee: 0,
    discountFee: 0,
    receiver: {
      ...{ name: '李莉莉', mobile: `138${String(i).padStart(8, '0')}`, phone: '', state: '浙江省', city: '杭州市' },
      ...{ district: '西湖区', town: '', address: `文三路${i % 500}号`, zip: '310000', country: '' },
    },
    items: Array.from({ length: 1 + (i % 3 === 0) }, (_, k) => ({
      ...{
        oid: `${i}${k}`,
        numIid: '612345678137',
        title: '纯棉短袖T恤女夏季宽松圆领白色打底衫',
        outerIid: `A10${k}8`,
      },
      ...{ skuId: '4800000000000', skuProperties: `颜色分类:白色;尺码:${['S', 'M', 'L'][i % 3]}`, price: 6_400 },
      ...{ num: 1, totalFee: 6_400, payment: 6_400, discountFee: 0, status, refundStatus: 'NO_REFUND' },
      ...{ refundId: '', logisticsCompany: '', invoiceNo: '' },
    })),
    sellerMemo: paid && i % 10 === 0 ? MEMOS[(i / 10) % MEMOS.length] : '',
    sellerFlag: 0,
    buyerRated: false,
    sellerRated: false,
    shippingType: 'express',
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Wall time and this process's CPU time (on a shared machine the wall time also counts waiting for a core). */
async function time(fn, n = 1) {
  const ms = [];
  const cpu = [];
  let out;
  for (let k = 0; k < n; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    out = await fn();
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(ms), cpuMs: median(cpu), first: ms[0], out };
}

export async function benchPrintBatch({ paid = 2_000, others = 98_000 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'xiaoer-bench-print-'));
  const store = await openLowdbStore({ dir, collections: { [ORDERS]: ORDER_COLLECTION } });
  try {
    const orders = createOrderRepository(store);
    const all = [...Array.from({ length: paid }, (_, i) => order(i, true))];
    for (let i = 0; i < others; i++) all.push(order(paid + i, false));
    for (let k = 0; k < all.length; k += 5_000) await orders.upsertMany(all.slice(k, k + 5_000));
    await store.transact((tx) => {
      for (let i = 5; i < paid; i += 20) {
        const tid = all[i].tid;
        const e = { id: `r${i}`, tid, kind: i % 40 === 5 ? 'cancel.request' : 'sale.record', fields: {} };
        tx.put(REMARK_ENTRIES, tid, { tid, entries: [{ ...e, staff: '小丽', username: 'xiaoli', status: 'written' }] });
      }
    });
    const printing = createPrintingModule({
      store,
      orders,
      clock: { now: () => NOW },
      config: { times: ['12:00', '15:00', '17:00'], defaultCourier: null },
      writeRemark: async () => ({ status: 'written' }),
    }).service;
    const key = printing.nextBatch();
    // What any listing pays at least: one pass over the order book (the machine's load shows in it too).
    const scan = await time(() => {
      let n = 0;
      for (const o of orders.all()) if (o.status === 'WAIT_SELLER_SEND_GOODS') n++;
      return n;
    }, 5);
    const live = await time(() => printing.view(key), 5);
    const built = await time(() => printing.build(key));
    const stored = await time(() => printing.view(key), 5);
    const csv = await time(() => batchCsv(printing.view(key)), 3);
    const v = stored.out;
    return {
      orders: all.length,
      paid,
      batch: `${key.date} ${key.time}`,
      listed: v.groups.reduce((n, g) => n + g.orders.length, 0),
      held: v.held.length,
      couriers: v.groups.length,
      scanMs: scan.ms,
      scanCpuMs: scan.cpuMs,
      liveFirstMs: live.first,
      liveMs: live.ms,
      liveCpuMs: live.cpuMs,
      buildMs: built.ms,
      storedMs: stored.ms,
      storedCpuMs: stored.cpuMs,
      csvMs: csv.ms,
      csvBytes: csv.out.length,
    };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchPrintBatch();
  console.log(JSON.stringify(r, null, 2));
}
