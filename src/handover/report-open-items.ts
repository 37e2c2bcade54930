/**
 * Every open item of the shop, from each source, as OpenItems with their owner by the rule table (ownership.ts)
 * and what people did to them (open-item-state.ts); grouping and order are open-item.ts's. Memo findings are not
 * items: see memo-hygiene.ts.
 */
import { CATEGORY_TEXT, STAGE_TEXT } from '../complaints/index.js';
import { MESSAGE_STATE_LABELS, messageKindLabel } from '../messaging/index.js';
import { formatYuan } from '../shared/money.js';
import { maskName, maskText } from '../shared/mask.js';
import { DAY, HOUR, parseInstant } from '../shared/time.js';
import { TASK_TITLES } from '../tasks/index.js';
import type { HandoverSources } from './handover-sources.js';
import { followKind } from './report-highlights.js';
import { REFUND_ITEM_TEXT, type OpenItem } from './open-item.js';
import { ownerOf, type OwnerFacts } from './ownership.js';
import { reviewDetail } from './report-reviews.js';
import { stateText } from '../reviews/index.js';

type Fixed = 'ageHours' | 'late' | 'tid' | 'buyerNick' | 'owner' | 'ownerName' | 'detail' | 'ownerRule';
type Draft = Omit<OpenItem, Fixed | 'snoozedUntil' | 'lastNote'> &
  Partial<Omit<OpenItem, 'owner'>> & { facts: Omit<OwnerFacts, 'due'> & { due?: number } };

/** Every item not done, snoozed ones included (with `snoozedUntil`): what the actions look keys up in. */
export function allOpenItems(src: HandoverSources): OpenItem[] {
  const now = src.clock.now();
  const roster = src.roster();
  const items: OpenItem[] = [];
  const add = ({ facts, ...d }: Draft) => {
    const state = src.states.get(d.key);
    const title = maskText(d.title);
    if (state?.done && state.done.title === title) return;
    const due = facts.due ?? Date.parse(d.since);
    const owner = state?.owner ?? ownerOf({ ...facts, due }, roster, src.isStaff, src.repairWindows);
    // A handover's takeover says only 接班: the note people read is the latest one a person wrote.
    const lastNote = [...(state?.events ?? [])].reverse().find((e) => e.note && e.action !== 'handover');
    items.push({
      tid: null,
      buyerNick: null,
      late: false,
      ...d,
      owner,
      ownerName: src.staffName(owner),
      ownerRule: state?.owner ? 'reassigned' : facts.rule,
      snoozedUntil: state?.snoozedUntil && parseInstant(state.snoozedUntil) > now ? state.snoozedUntil : null,
      lastNote: lastNote ? `${lastNote.byName}：${maskText(lastNote.note)}` : null,
      // Free text may hold phones, ID numbers or accounts; ids (tids are 18–19 digits) are left alone.
      title,
      detail: maskText(d.detail ?? ''),
      ageHours: Math.max(0, Math.floor((now - Date.parse(d.since)) / HOUR)),
    });
  };
  const actor = (tid: string | null | undefined) => (tid ? (src.lastActor?.(tid)?.username ?? null) : null);

  for (const t of src.openTasks()) {
    add({
      key: `task:${t.id}`,
      kind: 'task',
      since: t.openedAt,
      title: TASK_TITLES[t.type],
      detail: `${t.openedByName} 交办`,
      tid: t.tid,
      facts: { rule: 'named', person: t.assignee },
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
      facts: { rule: 'keeper' },
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
      facts: { rule: 'keeper' },
    });
  }
  for (const f of src.followUps.list({ open: true })) {
    add({
      key: `follow:${f.id}`,
      kind: followKind(f.kind),
      since: f.openedAt,
      title: f.title,
      detail: f.detail,
      tid: f.tid,
      buyerNick: f.buyerNick,
      // A review call is the repair window's; a transfer not found after three days goes back to the staff who
      // took it (the handbook's three-day rule: they contact the buyer); a parcel is whoever last acted on the
      // order (else the one who took the sale, else whoever is on duty when it was opened).
      facts:
        f.kind === 'review_phone'
          ? { rule: 'repair_window' }
          : f.kind === 'transfer_chase' || f.kind === 'trade_close'
            ? { rule: 'named', person: f.owner }
            : { rule: 'last_actor', person: actor(f.tid) ?? f.owner },
    });
  }
  for (const r of src.reviews.open()) {
    const v = r.review;
    // The state is in the title: a review marked done here comes back when its state moves on (a call, a message).
    add({
      key: `review:${r.id}`,
      kind: 'review',
      since: v.createdAt,
      title: `${v.result === 'bad' ? '差评' : '中评'}${stateText(r)}：${v.itemTitle}`,
      detail: reviewDetail(r),
      tid: v.tid,
      buyerNick: v.buyerNick,
      facts: { rule: 'repair_window' },
    });
  }
  for (const c of src.complaints.list({ state: 'open' })) {
    add({
      key: `complaint:${c.id}`,
      kind: 'complaint',
      since: c.openedAt,
      late: c.late,
      title: `投诉（${CATEGORY_TEXT[c.category]}）${STAGE_TEXT[c.stage]}`,
      detail: `${c.late ? '已超时 ' : ''}回复期限 ${c.respondBy.slice(0, 16)}，核实期限 ${c.verifyBy.slice(0, 16)}：${c.content.slice(0, 80)}`,
      tid: c.tid,
      buyerNick: c.buyerNick,
      facts: { rule: 'named', person: c.staff, due: Date.parse(c.respondBy) },
    });
  }
  for (const m of src.messages?.problems() ?? []) {
    // A job's message that lacks a value names the values (the template's labels) and goes to the person the job
    // named (a transfer's taking staff), else to whoever last acted on the order; it is filled or dismissed on 消息.
    const waiting = m.state === 'needs_values';
    const missing = (m.missing ?? []).map((x) => x.label).join('、');
    add({
      key: `message:${m.id}`,
      kind: 'message',
      since: m.at,
      title: waiting
        ? `${messageKindLabel(m.kind)} ${MESSAGE_STATE_LABELS.needs_values}：${missing}`
        : `${messageKindLabel(m.kind)} ${m.state === 'failed' ? '发送失败' : '暂缓'}`,
      detail: waiting ? '在“消息”页填好即可发出；不发了也在那里关闭' : m.reason,
      tid: m.tid ?? null,
      buyerNick: m.buyerNick,
      facts:
        waiting && m.owner
          ? { rule: 'named', person: m.owner }
          : { rule: 'last_actor', person: m.owner ?? actor(m.tid) },
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
      facts: { rule: 'named', person: i.staff },
    });
  }
  // A return not moving for three days (a parcel coming back, or one the buyer has not sent): whoever last acted on
  // the order chases the buyer or the courier, as with an outgoing parcel in trouble.
  for (const r of src.returns?.stuck() ?? []) {
    add({
      key: `return:${r.id}`,
      kind: 'parcel',
      since: r.since,
      title: r.title,
      detail: r.detail,
      tid: r.tid,
      buyerNick: r.buyerNick,
      facts: { rule: 'last_actor', person: actor(r.tid) },
    });
  }
  // A refund the buyer asked for and the platform waits on the seller for: whoever is on duty when it came in
  // answers it. It leaves by itself once the refund moves on (agreed, refused, closed), the order being read again.
  for (const o of src.refundOrders?.() ?? []) {
    for (const line of o.items) {
      if (line.refundStatus !== 'WAIT_SELLER_AGREE' || !line.refundId) continue;
      add({
        key: `refund:${line.refundId}`,
        kind: 'refund',
        // The refund's own time from its message; else (the order's lines carry none) the order's last change.
        since: src.refundSince?.(line.refundId) ?? o.modifiedAt,
        title: `${REFUND_ITEM_TEXT.title}：${line.title}`,
        detail: `${REFUND_ITEM_TEXT.refundId} ${line.refundId}`,
        tid: o.tid,
        buyerNick: o.buyerNick,
        facts: { rule: 'on_duty' },
      });
    }
  }
  return items;
}

/** The items open now: not done, not snoozed. */
export function openItems(src: HandoverSources): OpenItem[] {
  return allOpenItems(src).filter((i) => !i.snoozedUntil);
}
