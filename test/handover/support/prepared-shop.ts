/** A shop at Monday 2026-11-23 16:15 with something in every handover section. */
import { DEMO_ACCOUNTS } from '../../../src/accounts/accounts.js';
import { DEMO_ROSTER } from '../../../src/roster/index.js';
import type { OrderItem, Review } from '../../../src/orders/order.js';
import type { RemarkEntry } from '../../../src/remarks/remark-entry.js';
import { createRemarkRepository } from '../../../src/remarks/remark-repository.js';
import { createTaskRepository } from '../../../src/tasks/index.js';
import type { SyncRun } from '../../../src/sync/sync-state.js';
import { fixedClock } from '../../../src/shared/time.js';
import { makeOrder } from '../../remarks/support/orders.js';
import { startOpsRig } from '../../operations/support/ops-rig.js';

export const [XIAOLI, AZHANG, XIAOZHOU] = DEMO_ACCOUNTS as [
  (typeof DEMO_ACCOUNTS)[0],
  (typeof DEMO_ACCOUNTS)[0],
  (typeof DEMO_ACCOUNTS)[0],
];

export const BAD_REVIEW: Review = {
  tid: '3002',
  oid: '3002-1',
  buyerNick: '差评哥',
  result: 'bad',
  content: '质量太差，电话13812345678',
  reply: '',
  itemTitle: '羊毛开衫',
  createdAt: '2026-11-22T20:00:00.000+08:00',
};

const LINE: OrderItem = {
  oid: '3004-1',
  numIid: '520000000001',
  title: '纯棉短袖T恤',
  outerIid: 'T-001',
  skuId: '',
  skuProperties: '颜色分类:白色;尺码:M',
  price: 12800,
  num: 1,
  totalFee: 12800,
  payment: 12800,
  discountFee: 0,
  status: 'WAIT_SELLER_SEND_GOODS',
  refundStatus: '',
  refundId: '',
  logisticsCompany: '',
  invoiceNo: '',
};

const entry = (tid: string, kind: string, user: typeof XIAOLI, at: string): RemarkEntry => ({
  id: `r-${tid}-${kind}-${at}`,
  tid,
  kind,
  variant: 'default',
  fields: {},
  text: user.displayName,
  flag: null,
  staff: user.displayName,
  username: user.username,
  at,
  day: at.slice(0, 10),
  status: 'written',
  platform: { attempts: 1, lastError: null, landedAt: at, flagAfter: null },
  taskId: null,
});

export async function preparedShop() {
  const rig = await startOpsRig({
    orders: [
      makeOrder({ tid: '3001', sellerMemo: '扣除邮费10+小丽/11.22' }),
      makeOrder({ tid: '3002', buyerNick: '差评哥' }),
      makeOrder({ tid: '4012345678901234567', sellerMemo: '改地址' }),
      makeOrder({ tid: '3003', sellerMemo: '小丽/11.22' }),
      // A refund the buyer asked for at 10:30 on the 23rd, waiting on the seller: whoever is on duty then answers it.
      {
        ...makeOrder({ tid: '3004', buyerNick: '退款妹' }),
        modifiedAt: '2026-11-23T10:30:00.000+08:00',
        items: [{ ...LINE, refundStatus: 'WAIT_SELLER_AGREE', refundId: '3004-r1' }],
      },
    ],
    reviews: [BAD_REVIEW],
    // 小丽 and 小周 on the day shift, 阿张 on the night shift, 小周 the keeper (the sandbox's roster).
    deps: { initialRoster: DEMO_ROSTER },
  });
  const { store, ops } = rig;
  const remarks = createRemarkRepository(store);
  await remarks.save(entry('3003', 'sale.record', XIAOLI, '2026-11-23T10:00:00.000+08:00'));
  await remarks.save(entry('3001', 'price.ordinary', AZHANG, '2026-11-23T11:00:00.000+08:00'));
  await remarks.save(entry('3002', 'sale.record', XIAOLI, '2026-11-23T08:00:00.000+08:00')); // before the day shift
  await createTaskRepository(store).insert({
    id: 'task-1',
    type: 'fix_label',
    tid: '3001',
    state: 'open',
    assignee: 'azhang',
    assigneeName: '阿张',
    openedBy: 'xiaoli',
    openedByName: '小丽',
    openedAt: '2026-11-23T09:30:00.000+08:00',
    closedAt: null,
    closedBy: null,
    closedByName: null,
    closedByEntry: null,
    note: null,
  });
  await store.log<SyncRun>('sync-history').append(
    {
      kind: 'orders',
      startedAt: '2026-11-23T10:00:00.000+08:00',
      finishedAt: '2026-11-23T10:00:03.000+08:00',
      ok: true,
      ordersNew: 5,
      ordersChanged: 7,
      ordersUnchanged: 0,
      parcelsRefreshed: 0,
      platformCalls: 3,
      errors: [],
    },
    {
      kind: 'orders',
      startedAt: '2026-11-23T07:00:00.000+08:00',
      finishedAt: '2026-11-23T07:00:03.000+08:00',
      ok: true,
      ordersNew: 100,
      ordersChanged: 0,
      ordersUnchanged: 0,
      parcelsRefreshed: 0,
      platformCalls: 3,
      errors: [],
    },
  );
  // A complaint from yesterday morning: nobody responded within 24 hours.
  const complaintClock = fixedClock('2026-11-22T08:00:00+08:00');
  const { createComplaintService } = await import('../../../src/complaints/index.js');
  const late = await createComplaintService({ store, clock: complaintClock }).record(
    {
      buyerNick: '投诉人',
      tid: '3001',
      channel: 'phone',
      category: 'wrong_item',
      content: '发错颜色，回电13912345678',
    },
    XIAOLI,
  );
  const fresh = await ops.complaints.record(
    { buyerNick: '新投诉', channel: 'wangwang', category: 'logistics', content: '还没到' },
    AZHANG,
  );
  await ops.followUps.open({
    id: 'parcel:yuantong:YT1:no_scan',
    kind: 'stuck_parcel',
    tid: '3003',
    buyerNick: '毛毛雨920402',
    title: '联系快递跟进 yuantong YT1',
    detail: '超过48小时无物流更新',
    owner: 'xiaoli',
    ownerName: '小丽',
    shift: null,
  });
  await ops.reviews.refresh(reviewsPlatformFor([BAD_REVIEW]));
  const intent = await ops.intents.note({ buyerNick: '犹豫客', items: '羊毛开衫 M', hesitation: '价格' }, XIAOLI);
  await ops.handover.addNote(
    { date: '2026-11-23', shift: 'day', text: '3001 的面单下午要改，买家电话13700001111' },
    XIAOLI,
  );
  return { ...rig, late, fresh, intent };
}

function reviewsPlatformFor(reviews: Review[]) {
  return {
    async *negativeReviews() {
      yield reviews;
    },
  };
}
