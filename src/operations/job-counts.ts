/**
 * What staff read for the counts a job run records (任务调度 via GET /api/labels): the only copy. The
 * counts are produced where the work is done (sync, customers, reviews, the remark outbox, message
 * dispatch, reconciliation, the handover) and keep short English keys there; the same key can mean
 * different things in two jobs (`new` orders, `new` reviews; `refused` messages, `refused` parcels),
 * so the names are per job. test/operations/job-counts.test.ts runs every job and checks each key is named.
 */
import { TIMED_JOBS, timedJobName, type FixedJobName, type JobName, type JobsConfig } from './jobs-config.js';

export const JOB_COUNT_LABELS: Readonly<Record<JobName | FixedJobName, Readonly<Record<string, string>>>> = {
  'order-sync': { new: '新订单', changed: '有变动的订单', calls: '平台接口调用' },
  'logistics-refresh': { refreshed: '刷新的包裹', errors: '查询失败的包裹' },
  'returns-sync': {
    refunds: '有变动的退货',
    tracked: '查询的退货包裹',
    returned: '已退回仓库、交给验收',
    errors: '查询失败的退货包裹',
  },
  'payment-reminders': {
    first: '首次催付',
    last: '关闭前催付',
    refused: '未发出的催付',
    needsValues: '缺内容、等同事补充的催付',
  },
  'birthday-greetings': {
    greeted: '发出的祝福',
    refused: '未发出的祝福',
    needsValues: '缺内容、等同事补充的祝福',
    alreadyGreeted: '今年已祝福过',
  },
  'stuck-parcels': {
    no_scan: '长时间无更新的包裹',
    returning: '退回的包裹',
    refused: '被拒收的包裹',
    misdelivered: '派件异常的包裹',
    notices: '发出的物流通知',
    noticesRefused: '未发出的物流通知',
    noticesNeedValues: '缺内容、等同事补充的物流通知',
  },
  'transfer-checks': { 'threeDay.chased': '三天未到账、退回客服跟进', 'duplicates.found': '重复付款的订单' },
  'transfer-register': { lines: '登记的汇款' },
  'refund-register': { rows: '导出的退款' },
  'revisit-list': { customers: '回访客户' },
  'handover-day': { openItems: '待处理事项', late: '超时事项', pushed: '推送到群' },
  'handover-night': { openItems: '待处理事项', late: '超时事项', pushed: '推送到群' },
  'remark-outbox': {
    queued: '排队的备注',
    written: '写入平台',
    alreadyPresent: '平台上已有',
    failed: '写入失败的备注',
    stillPending: '仍在排队',
    tradesClosed: '备注后关闭的交易',
    closesFailed: '没能关闭、转为待办的交易',
  },
  'message-dispatch': {
    due: '到时间的消息',
    sent: '发出',
    outbox: '转人工复制发送',
    deferred: '推迟发送',
    cancelled: '不再发送',
    dropped: '过期未发的消息',
    failed: '发送失败的消息',
    retrying: '稍后重试',
    held: '等人工确认',
    resolved: '确认了结果',
    unresolved: '仍不确定结果',
  },
};

/** The counts of a timed job, by its kind: print-batch-1200 records what every print batch records. */
export const TIMED_JOB_COUNT_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'print-batch': { orders: '批次里的订单', added: '新进批次的订单', held: '因备注暂不打单的订单' },
  'review-window': {
    fetched: '读到的中差评',
    new: '新的中差评',
    changed: '发现买家已修改的评价',
    open: '待处理的中差评',
  },
};

/** Every job's count names under this config: JOB_COUNT_LABELS and each timed job it schedules (GET /api/labels). */
export function jobCountLabels(config: JobsConfig): Record<string, Readonly<Record<string, string>>> {
  const labels: Record<string, Readonly<Record<string, string>>> = { ...JOB_COUNT_LABELS };
  for (const t of TIMED_JOBS) {
    const names = TIMED_JOB_COUNT_LABELS[t.kind];
    if (names) for (const time of t.times(config)) labels[timedJobName(t.kind, time)] = names;
  }
  return labels;
}
