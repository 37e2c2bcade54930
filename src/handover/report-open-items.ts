/** Every open item of the shop, from each source, as OpenItems (grouping and order are open-item.ts's). */
import { CATEGORY_TEXT } from '../complaints/index.js';
import { messageKindLabel } from '../messaging/index.js';
import { lintMemo } from '../remarks/index.js';
import { formatYuan } from '../shared/money.js';
import { maskName, maskText } from '../shared/mask.js';
import { DAY, HOUR, toInstant } from '../shared/time.js';
import { TASK_TITLES } from '../tasks/index.js';
import type { HandoverSources } from './handover-sources.js';
import type { OpenItem } from './open-item.js';

/** Lint results by order, reused while the memo text is unchanged: a report re-renders without re-parsing. */
const lintCache = new WeakMap<HandoverSources, Map<string, { memo: string; problems: string }>>();

function memoProblems(src: HandoverSources, tid: string, memo: string): string {
  let cache = lintCache.get(src);
  if (!cache) lintCache.set(src, (cache = new Map()));
  const hit = cache.get(tid);
  if (hit && hit.memo === memo) return hit.problems;
  const findings = lintMemo(memo, { dateFormat: src.memoDateFormat, staffNames: src.staffNames });
  const problems = [...new Set(findings.map((f) => f.message))].join('；');
  cache.set(tid, { memo, problems });
  return problems;
}

type Draft = Omit<OpenItem, 'ageHours' | 'late' | 'tid' | 'buyerNick' | 'owner' | 'ownerName' | 'detail'> &
  Partial<OpenItem>;

export function openItems(src: HandoverSources): OpenItem[] {
  const now = src.clock.now();
  const items: OpenItem[] = [];
  const add = (d: Draft) =>
    items.push({
      tid: null,
      buyerNick: null,
      owner: null,
      ownerName: null,
      late: false,
      ...d,
      // Free text may hold phones, ID numbers or accounts; ids (tids are 18–19 digits) are left alone.
      title: maskText(d.title),
      detail: maskText(d.detail ?? ''),
      ageHours: Math.max(0, Math.floor((now - Date.parse(d.since)) / HOUR)),
    });

  for (const t of src.openTasks()) {
    add({
      key: `task:${t.id}`,
      kind: 'task',
      since: t.openedAt,
      title: TASK_TITLES[t.type],
      detail: `${t.openedByName} 交办`,
      tid: t.tid,
      owner: t.assignee,
      ownerName: t.assigneeName,
    });
  }
  for (const c of src.transfers?.unverifiedClaims() ?? []) {
    add({
      key: `claim:${c.id}`,
      kind: 'transfer_claim',
      since: c.claimedAt,
      title: `买家称已汇款 ${formatYuan(c.amountFen)}元，未核实`,
      tid: c.tid ?? null,
      buyerNick: c.buyerNick,
      owner: c.owner ?? null,
      late: now - Date.parse(c.claimedAt) > 3 * DAY,
    });
  }
  for (const m of src.transfers?.manualQueue() ?? []) {
    add({
      key: `match:${m.id}`,
      kind: 'manual_match',
      since: m.at,
      title: `银行到账 ${formatYuan(m.amountFen)}元待人工匹配`,
      detail: m.payer ? `付款人 ${maskName(m.payer)}` : '',
    });
  }
  for (const f of src.followUps.list({ open: true })) {
    add({
      key: `follow:${f.id}`,
      kind: f.kind === 'stuck_parcel' ? 'parcel' : f.kind === 'transfer_chase' ? 'transfer_claim' : 'review',
      since: f.openedAt,
      title: f.title,
      detail: f.detail,
      tid: f.tid,
      buyerNick: f.buyerNick,
      owner: f.owner,
      ownerName: f.ownerName ?? (f.shift === 'night' ? '夜班 (night shift)' : null),
    });
  }
  for (const r of src.reviews.unhandled()) {
    const v = r.review;
    add({
      key: `review:${r.id}`,
      kind: 'review',
      since: v.createdAt,
      title: `${v.result === 'bad' ? '差评' : '中评'}未处理：${v.itemTitle}`,
      detail: v.content.slice(0, 120),
      tid: v.tid,
      buyerNick: v.buyerNick,
    });
  }
  for (const c of src.complaints.list({ state: 'open' })) {
    add({
      key: `complaint:${c.id}`,
      kind: 'complaint',
      since: c.openedAt,
      late: c.late,
      title: `投诉（${CATEGORY_TEXT[c.category]}）${c.stage}`,
      detail: `${c.late ? '已超时 ' : ''}回复期限 ${c.respondBy.slice(0, 16)}，核实期限 ${c.verifyBy.slice(0, 16)}：${c.content.slice(0, 80)}`,
      tid: c.tid,
      buyerNick: c.buyerNick,
      owner: c.staff,
      ownerName: c.staffName,
    });
  }
  for (const m of src.messages?.problems() ?? []) {
    add({
      key: `message:${m.id}`,
      kind: 'message',
      since: m.at,
      title: `${messageKindLabel(m.kind)} ${m.state === 'failed' ? '发送失败' : '暂缓'}`,
      detail: m.reason,
      tid: m.tid ?? null,
      buyerNick: m.buyerNick,
      owner: m.owner ?? null,
    });
  }
  const since = toInstant(now - (src.memoLintDays ?? 3) * DAY);
  for (const o of src.orders.all()) {
    if (!o.sellerMemo || o.modifiedAt < since) continue;
    const problems = memoProblems(src, o.tid, o.sellerMemo);
    if (problems)
      add({
        key: `memo:${o.tid}`,
        kind: 'memo',
        since: o.modifiedAt,
        title: '备注不规范',
        detail: problems,
        tid: o.tid,
        buyerNick: o.buyerNick,
      });
  }
  for (const i of src.intents.list({ open: true })) {
    add({
      key: `intent:${i.id}`,
      kind: 'intent',
      since: i.at,
      title: `意向未成交：${i.items || '—'}`,
      detail: `犹豫：${i.hesitation || '—'}（${i.staffName} 记录）`,
      buyerNick: i.buyerNick,
    });
  }
  return items;
}
