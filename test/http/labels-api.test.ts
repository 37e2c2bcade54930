/** GET /api/labels: the names the console shows for the service's codes, straight from each owning module. */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCKOUT_SCOPE_LABELS, ROLE_LABELS } from '../../src/accounts/index.js';
import { CATEGORY_TEXT, CHANNEL_TEXT, SATISFACTION_TEXT, STAGE_TEXT } from '../../src/complaints/index.js';
import { KIND_TEXT } from '../../src/handover/index.js';
import { REFUND_STATE_LABELS } from '../../src/ledger/index.js';
import { COURIERS, PARCEL_STATE_LABELS } from '../../src/logistics/index.js';
import { MESSAGE_REASON_LABELS, MESSAGE_STATE_LABELS, MESSAGE_STATES } from '../../src/messaging/index.js';
import { MESSAGE_KIND_LABELS, MESSAGE_KINDS } from '../../src/messaging/templates/metadata.js';
import {
  defaultJobsConfig,
  JOB_COUNT_LABELS,
  JOB_LABELS,
  jobCountLabels,
  jobLabels,
} from '../../src/operations/index.js';
import { HOLD_LABELS } from '../../src/printing/index.js';
import { TRADE_STATUS_LABELS } from '../../src/orders/index.js';
import { TRANSFER_IDENTIFY_LABELS, TRANSFER_STATE_LABELS } from '../../src/reconciliation/index.js';
import { ENTRY_STATUS_LABELS, FLAG_LABELS, WRITE_OUTCOME_TEXT } from '../../src/remarks/index.js';
import { RUN_OUTCOME_LABELS, RUN_REASON_LABELS } from '../../src/scheduler/index.js';
import { labelsRouter } from '../../src/service/labels-router.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { apiApp } from '../support/api-app.js';

let h: Awaited<ReturnType<typeof apiApp>>;
beforeAll(async () => {
  h = await apiApp({
    store: createMemoryStore(),
    clock: fixedClock('2026-11-23T10:00:00+08:00'),
    routes: [{ path: '/labels', router: labelsRouter() }],
  });
});

describe('GET /api/labels', () => {
  it('when nobody is logged in, then it answers 401 like every /api route', async () => {
    await request(h.app).get('/api/labels').expect(401);
  });

  it('when any logged-in role asks, then every message kind, courier, task type and job comes with its Chinese name, and the order page gets its kinds', async () => {
    for (const user of ['xiaoli', 'azhang', 'xiaozhou', 'admin']) {
      const res = await h.as(user).get('/labels');
      expect(res.status, user).toBe(200);
      expect(res.body.messageKinds).toEqual({ ...MESSAGE_KIND_LABELS, 'staff-notice': '同事通知' });
    }
    const { body } = await h.as('xiaoli').get('/labels');
    expect(Object.keys(body.messageKinds)).toEqual([...MESSAGE_KINDS, 'staff-notice']);
    expect(body.messageKinds['logistics-shipped']).toBe('发货通知');
    expect(body.couriers).toEqual(Object.fromEntries(COURIERS.map((c) => [c.code, c.name])));
    expect(body.couriers.yunda).toBe('韵达快递');
    expect(body.taskTypes).toEqual({
      fix_label: '改面单',
      cancel_waybill: '撤单',
      courier_followup: '联系快递和买家跟进',
      return_receipt: '验收退货',
      return_refund: '退货验收后退款',
    });
    // Every named job, and one per print batch time of the config (打印批次 12:00 …), read from the config.
    expect(body.jobs).toEqual(jobLabels(defaultJobsConfig()));
    expect(body.jobs).toMatchObject(JOB_LABELS);
    expect(body.jobs['print-batch-1700']).toBe('打印批次 17:00');
    expect(body.jobs['order-sync']).toBe('订单同步');
    // A review repair is sent from the review's phone-first steps, not offered among the order's messages.
    expect(body.orderMessageKinds).toEqual([
      'payment-reminder-first',
      'payment-reminder-last',
      'logistics-shipped',
      'logistics-stuck',
      'logistics-delivered',
      'logistics-misdelivered',
      'logistics-returning',
      'logistics-refused',
      'refund-registered',
    ]);
  });
  it("when the console asks, then every trade status comes with the orders feature's name, and the order list's filter with its groups", async () => {
    const { body } = await h.as('xiaoli').get('/labels');
    expect(body.tradeStatuses).toEqual(TRADE_STATUS_LABELS);
    expect(body.tradeStatuses.WAIT_SELLER_SEND_GOODS).toBe('待发货');
    expect(body.tradeStatuses.TRADE_CLOSED_BY_TAOBAO).toBe('已关闭（未付款）');
    expect(body.orderStatusGroups.map((g: { label: string }) => g.label)).toEqual([
      '待付款',
      '待发货',
      '已发货',
      '已完成',
      '已关闭',
    ]);
    expect(body.orderStatusGroups[1]).toEqual({
      key: 'to_ship',
      label: '待发货',
      statuses: ['WAIT_SELLER_SEND_GOODS', 'SELLER_CONSIGNED_PART'],
    });
  });
  it("when the console asks, then every parcel state comes with logistics' name and every detail code with kuaidi100's", async () => {
    const { body } = await h.as('xiaoli').get('/labels');
    expect(body.parcelStates).toEqual(PARCEL_STATE_LABELS);
    expect(body.parcelStates.dispatching).toBe('派件中');
    expect(body.parcelSubStates).toMatchObject({ 201: '超时未签收', 205: '柜或驿站超时未取', 501: '投柜或驿站' });
    expect(body.parcelSubStates['2']).toBeUndefined();
  });
  it("when the console asks, then every kind of item on the handover comes with the handover's name", async () => {
    const { body } = await h.as('azhang').get('/labels');
    expect(body.openItemKinds).toEqual(KIND_TEXT);
    expect(body.openItemKinds.manual_match).toBe('待人工匹配的汇款');
  });
  it("when the console asks, then every job's run counts come with their names for that job", async () => {
    const { body } = await h.as('admin').get('/labels');
    expect(body.jobCounts).toEqual(jobCountLabels(defaultJobsConfig()));
    expect(body.jobCounts).toMatchObject(JOB_COUNT_LABELS);
    expect(body.printing.holds).toEqual(HOLD_LABELS);
    expect(body.jobCounts['order-sync']).toMatchObject({ new: '新订单' });
    expect(body.jobCounts['review-window-1500']).toMatchObject({ new: '新的中差评' });
  });
  it("when the console asks, then roles, remark entry statuses, message states and reasons and transfer states come with their owners' names", async () => {
    const { body } = await h.as('xiaozhou').get('/labels');
    expect(body.roles).toEqual(ROLE_LABELS);
    expect(body.roles.keeper).toBe('汇款专员');
    expect(body.entryStatuses).toEqual(ENTRY_STATUS_LABELS);
    expect(body.entryStatuses.already_present).toBe('备注里已有');
    expect(body.remarkWriteOutcomes).toEqual(WRITE_OUTCOME_TEXT);
    expect(body.remarkWriteOutcomes.already_present).toBe('备注里已有这条，没有重复写入');
    expect(body.messageStates).toEqual(MESSAGE_STATE_LABELS);
    expect(Object.keys(body.messageStates)).toEqual([...MESSAGE_STATES]);
    expect(body.messageStates.outbox).toBe('待复制发送');
    expect(body.messageReasons).toEqual(MESSAGE_REASON_LABELS);
    expect(body.messageReasons.opted_out).toBe('买家已退订');
    expect(body.transferStates).toEqual(TRANSFER_STATE_LABELS);
    expect(Object.entries(body.transferStates)).toEqual([
      ['awaiting', '待汇款'],
      ['claimed', '已申报'],
      ['paid', '已到账'],
      ['shipped', '已发货'],
      ['cancelled', '已取消'],
    ]);
  });
  it("when the console asks, then a job run's outcomes and reasons come with the scheduler's names", async () => {
    const { body } = await h.as('admin').get('/labels');
    expect(body.runOutcomes).toEqual(RUN_OUTCOME_LABELS);
    expect(body.runOutcomes['skipped-overlap']).toBe('上一次还在运行，已跳过');
    expect(body.runReasons).toEqual(RUN_REASON_LABELS);
    expect(body.runReasons['catch-up']).toBe('补跑');
  });
  it("when the console asks, then a complaint's categories, channels, satisfaction levels and stages come with the complaints module's names", async () => {
    const { body } = await h.as('xiaoli').get('/labels');
    expect(body.complaintCategories).toEqual(CATEGORY_TEXT);
    expect(body.complaintCategories.wrong_item).toBe('发错货');
    expect(body.complaintChannels).toEqual(CHANNEL_TEXT);
    expect(body.complaintSatisfaction).toEqual(SATISFACTION_TEXT);
    expect(body.complaintStages).toEqual(STAGE_TEXT);
    expect(Object.keys(body.complaintStages)).toEqual([
      'awaiting_response',
      'awaiting_verification',
      'awaiting_outcome',
      'awaiting_satisfaction',
      'closed',
    ]);
  });
  it("when the console asks, then refund states, lockout scopes, a transfer's identify methods and seller flags come with their owners' words", async () => {
    const { body } = await h.as('xiaozhou').get('/labels');
    expect(body.refundStates).toEqual(REFUND_STATE_LABELS);
    expect(body.refundStates.paid).toBe('已打款');
    expect(body.lockoutScopes).toEqual(LOCKOUT_SCOPE_LABELS);
    expect(body.transferIdentify).toEqual(TRANSFER_IDENTIFY_LABELS);
    expect(Object.keys(body.transferIdentify)).toEqual(['none', 'unique-amount', 'reference', 'both']);
    expect(body.flags).toEqual(FLAG_LABELS);
    expect(body.flags['1']).toBe('红旗');
  });
});
