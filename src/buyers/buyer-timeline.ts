/**
 * A buyer's story as one list, newest first: each line says when, what kind (EVENT_LABELS) and, in a sentence built
 * from the owning module's own names (trade statuses, message states, complaint stages…), what happened.
 */
import type { ComplaintView } from '../complaints/index.js';
import { STAGE_TEXT } from '../complaints/index.js';
import type { Intent, RevisitEntry } from '../customers/index.js';
import type { BuyerAccount, RefundRecord } from '../ledger/index.js';
import { REFUND_STATE_LABELS } from '../ledger/index.js';
import { MESSAGE_STATE_LABELS, messageKindLabel, type OutboundMessage } from '../messaging/index.js';
import { TRADE_STATUS_LABELS } from '../orders/index.js';
import { TRANSFER_STATE_LABELS, type TransferOrder } from '../reconciliation/index.js';
import { remarkKindTitle, type RemarkEntry } from '../remarks/index.js';
import { maskText } from '../shared/mask.js';
import { formatYuanFixed } from '../shared/money.js';
import type { FollowUp } from '../tasks/index.js';
import { EVENT_LABELS, type EventKind } from './buyer-labels.js';
import type { BuyerProfileRecord } from './buyer-profile.js';

export interface TimelineLine {
  at: string;
  kind: EventKind;
  /** The kind's name (下单, 备注, 消息…). */
  label: string;
  text: string;
  tid: string | null;
}

interface Parts {
  orders: {
    tid: string;
    createdAt: string;
    status: keyof typeof TRADE_STATUS_LABELS;
    payment: number;
    items: { title: string }[];
  }[];
  remarks: RemarkEntry[];
  messages: OutboundMessage[];
  optOut: { at: string; by: string; source: string } | null;
  complaints: ComplaintView[];
  revisits: (RevisitEntry & { date: string })[];
  intents: Intent[];
  balance: BuyerAccount;
  refunds: RefundRecord[];
  transfers: TransferOrder[];
  notes: FollowUp[];
  profile: BuyerProfileRecord | null;
}

const yuan = (fen: number) => `¥${formatYuanFixed(fen)}`;

export function timelineOf(p: Parts): TimelineLine[] {
  const lines: TimelineLine[] = [];
  const add = (kind: EventKind, at: string | null, text: string, tid: string | null = null) => {
    // Free text (a complaint, a note) may hold a phone or an address the buyer typed.
    if (at) lines.push({ at, kind, label: EVENT_LABELS[kind], text: maskText(text), tid });
  };
  for (const o of p.orders)
    add('order', o.createdAt, `${o.items[0]?.title ?? ''} ${yuan(o.payment)}，${TRADE_STATUS_LABELS[o.status]}`, o.tid);
  for (const e of p.remarks) add('remark', e.at, `${e.staff}：${remarkKindTitle(e.kind)}（${e.text}）`, e.tid);
  for (const m of p.messages)
    add('message', m.createdAt, `${messageKindLabel(m.kind)}：${MESSAGE_STATE_LABELS[m.state]}`, m.tid);
  if (p.optOut)
    add('opt_out', p.optOut.at, p.optOut.source === 'buyer-reply' ? '买家回复退订' : `${p.optOut.by} 登记退订`);
  for (const c of p.complaints)
    add(
      'complaint',
      c.openedAt,
      `${c.content.slice(0, 60)}（${STAGE_TEXT[c.stage]}${c.late ? '，已超时' : ''}）`,
      c.tid,
    );
  for (const r of p.revisits)
    add('revisit', r.recordedAt ?? `${r.date}T09:00:00.000+08:00`, r.outcome ?? '待回访', r.tid);
  for (const i of p.intents)
    add('intent', i.at, `${i.items}${i.hesitation ? `，顾虑：${i.hesitation}` : ''}${i.note ? `；${i.note}` : ''}`);
  for (const m of p.balance.movements)
    add('balance', m.at, `${m.type === 'credit' ? '+' : '-'}${yuan(m.amountFen)}，${m.reason}`, m.tid);
  for (const r of p.refunds)
    add('refund', r.createdAt, `${r.reason} ${yuan(r.amountFen)}，${REFUND_STATE_LABELS[r.state]}`, r.tid);
  for (const t of p.transfers)
    add('transfer', t.createdAt, `${t.id} ${yuan(t.amountDueFen)}，${TRANSFER_STATE_LABELS[t.state]}`, t.tid);
  for (const f of p.notes)
    add(
      'note',
      f.closedAt ?? f.openedAt,
      `${f.title}${f.note ? `：${f.note}` : f.detail ? `：${f.detail}` : ''}`,
      f.tid,
    );
  for (const h of p.profile?.history ?? [])
    add('profile', h.at, `${h.byName}：${h.changes.map((c) => c.label).join('、')}`);
  return lines.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
