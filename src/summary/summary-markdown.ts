/**
 * The weekly summary as Markdown for the Monday meeting (xiaoer summary --week, GET …?format=markdown), and the
 * month's complaint analysis by cause. Every word Chinese; the names of codes come from the modules that own them.
 */
import { CATEGORY_TEXT, SATISFACTION_TEXT, type ComplaintCategory } from '../complaints/index.js';
import { KIND_TEXT, SHIFT_TEXT, type OpenItemKind, type ShiftName } from '../handover/index.js';
import { MESSAGE_REASON_LABELS } from '../messaging/index.js';
import { formatYuan } from '../shared/money.js';
import type { ComplaintAnalysis, WeeklySummary } from './summary-service.js';

const pct = (n: number, of: number) => (of ? `${Math.round((n * 1000) / of) / 10}%` : '—');
const name = <T extends string>(table: Readonly<Record<T, string>>, code: string) =>
  Object.hasOwn(table, code) ? table[code as T] : code;

export function weeklyMarkdown(s: WeeklySummary): string {
  const c = s.complaints;
  const a = s.afterSales;
  const m = s.messages;
  const out = [
    `# ${s.week} 周报（${s.from} 至 ${s.to}）`,
    '',
    '## 投诉',
    `- 新投诉：${c.opened} 件`,
    `- 24 小时内首次回复：${c.answeredInTime} 件（${pct(c.answeredInTime, c.opened)}），超时回复 ${c.answeredLate} 件，尚未回复 ${c.unanswered} 件`,
    `- 3 个工作日内核实：${c.verifiedInTime} 件（${pct(c.verifiedInTime, c.opened)}），超时核实 ${c.verifiedLate} 件，尚未核实 ${c.unverified} 件`,
    `- 本周回访满意度：${(['satisfied', 'neutral', 'unsatisfied'] as const).map((l) => `${SATISFACTION_TEXT[l]} ${c.satisfaction[l]}`).join('，')}`,
    '',
    '## 售后结果',
    `- 已告知买家处理结果的投诉：${a.outcomesTold} 件`,
    `- 登记退款：${a.refunds.count} 笔，共 ${formatYuan(a.refunds.amountFen)} 元${a.refunds.byReason.length ? `（${a.refunds.byReason.map((r) => `${r.reason} ${r.count} 笔 ${formatYuan(r.amountFen)} 元`).join('，')}）` : ''}`,
    `- 已打款退款：${a.refundsPaid.count} 笔，共 ${formatYuan(a.refundsPaid.amountFen)} 元`,
    '',
    '## 中差评',
    `- 本周收到：差评 ${s.reviews.received.bad} 个，中评 ${s.reviews.received.neutral} 个`,
    `- 已处理：${s.reviews.worked} 个，完成电话回访 ${s.reviews.callsDone} 个，买家已改为好评 ${s.reviews.changed} 个`,
    '',
    '## 汇款',
    `- 确认到账：${s.transfers.confirmed} 笔，共 ${formatYuan(s.transfers.confirmedFen)} 元`,
    `- 三天未到账、退回客服跟进：${s.transfers.chased} 笔，本周跟进完 ${s.transfers.chasesClosed} 笔`,
    '',
    `## 备注（共 ${s.remarks.total} 条）`,
    ...(s.remarks.byStaff.length
      ? s.remarks.byStaff.map(
          (p) => `- ${p.staff}：${p.total} 条（${p.kinds.map((k) => `${k.title} ${k.count}`).join('，')}）`,
        )
      : ['- 本周没有备注']),
    '',
    '## 发给买家的消息',
    `- 已发送 ${m.sent} 条，推迟发送 ${m.deferred} 条，不再发送 ${m.refused} 条，发送失败 ${m.failed} 条，过期未发 ${m.dropped} 条`,
    ...(m.refusedReasons.length
      ? [
          `- 不再发送的原因：${m.refusedReasons.map((r) => `${name(MESSAGE_REASON_LABELS, r.reason)} ${r.count}`).join('，')}`,
        ]
      : []),
    '',
    '## 带到下周的待办',
    s.carried.from
      ? `- ${s.carried.from.date} ${s.carried.from.shiftName ?? name(SHIFT_TEXT, s.carried.from.shift as ShiftName)}交接时还有 ${s.carried.total} 项，其中超时 ${s.carried.late} 项${s.carried.byKind.length ? `（${s.carried.byKind.map((k) => `${name(KIND_TEXT, k.kind as OpenItemKind)} ${k.count}`).join('，')}）` : ''}`
      : '- 本周没有交接班记录',
    '',
  ];
  return out.join('\n');
}

export function causesMarkdown(a: ComplaintAnalysis): string {
  const rows = a.causes.map(
    (l) =>
      `| ${name(CATEGORY_TEXT, l.category as ComplaintCategory)} | ${l.count} | ${l.sharePct}% | ${l.answeredInTime} | ${l.verifiedInTime} | ${l.late} | ${l.satisfied} / ${l.neutral} / ${l.unsatisfied} |`,
  );
  return [
    `# ${a.month} 投诉原因分析（共 ${a.total} 件）`,
    '',
    '| 原因 | 件数 | 占比 | 24 小时内回复 | 3 个工作日内核实 | 超时 | 满意 / 一般 / 不满意 |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...rows,
    '',
  ].join('\n');
}
