/**
 * The handover as Markdown, for `xiaoer handover` and the staff robot. Robots take a few KB per
 * message, so each owner shows at most `maxPerGroup` items and says how many more the console has.
 */
import { messageKindLabel } from '../messaging/index.js';
import { KIND_TEXT, type OpenItem } from './open-item.js';
import type { HandoverReport } from './handover-report.js';
import { SHIFT_TEXT } from './shifts.js';

const line = (i: OpenItem) => {
  const head = `${i.late ? '🔴 ' : ''}[${KIND_TEXT[i.kind]}] ${i.title}`;
  const who = [i.tid ? `订单 ${i.tid}` : '', i.buyerNick ? `买家 ${i.buyerNick}` : ''].filter(Boolean).join('，');
  return `- ${head}${who ? `（${who}）` : ''}${i.detail ? ` — ${i.detail}` : ''}，${i.ageHours} 小时`;
};

function itemList(items: OpenItem[], max: number): string[] {
  const out = items.slice(0, max).map(line);
  if (items.length > max) out.push(`- …另有 ${items.length - max} 项，见控制台`);
  return out;
}

export function renderHandoverMarkdown(r: HandoverReport, opts: { maxPerGroup?: number } = {}): string {
  const max = opts.maxPerGroup ?? 30;
  const a = r.activity;
  const out: string[] = [`## ${r.date} ${SHIFT_TEXT[r.shift]}交接班`, ''];
  if (r.carriedOver) {
    out.push(
      `### ⚠️ 上一班（${r.carriedOver.date} ${SHIFT_TEXT[r.carriedOver.shift]}）交接未确认`,
      ...itemList(r.carriedOver.items, max),
      '',
    );
  }
  out.push('### 本班工作');
  out.push(
    `- 同步订单 ${a.ordersSynced} 笔；确认汇款 ${a.transfersConfirmed} 笔；新投诉 ${a.complaintsOpened} 件，结案 ${a.complaintsClosed} 件`,
  );
  out.push(`- 备注：${a.remarksByStaff.map((s) => `${s.staffName} ${s.count}`).join('，') || '无'}`);
  out.push(`- 销售记录：${a.salesByStaff.map((s) => `${s.staffName} ${s.count}`).join('，') || '无'}`);
  const kinds = Object.entries(a.messages);
  out.push(
    `- 消息：${kinds.map(([k, c]) => `${messageKindLabel(k)} 发送${c.sent}/排队${c.queued}/失败${c.failed}`).join('；') || '无'}`,
    '',
  );
  out.push(`### 未完成事项（${r.openCount} 项${r.lateCount ? `，🔴 超时 ${r.lateCount} 项` : ''}）`);
  if (!r.openItems.length) out.push('- 无');
  for (const g of r.openItems) out.push(`#### ${g.ownerName}（${g.items.length}）`, ...itemList(g.items, max));
  out.push('', '### 交班日记');
  out.push(...(r.diary.length ? r.diary.map((n) => `- ${n.byName} ${n.at.slice(11, 16)}：${n.text}`) : ['- 无']));
  out.push(
    '',
    r.acknowledgement
      ? `✅ ${r.acknowledgement.byName} 已于 ${r.acknowledgement.at.slice(0, 16).replace('T', ' ')} 确认接班`
      : '⏳ 待接班同事确认',
  );
  return out.join('\n');
}
