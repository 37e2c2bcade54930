/**
 * The handover as Markdown, for `xiaoer handover` and the staff robot: complete (every item, grouped by owner and
 * numbered; nothing left for "see the console"). What to look at first comes first: counts per owner, overdue,
 * new since the last handover, done this shift. A robot message has a size limit: splitMarkdown cuts at lines.
 */
import { messageKindLabel } from '../messaging/index.js';
import { REVIEW_STATE_LABELS, REVIEW_STATES } from '../reviews/index.js';
import { KIND_TEXT, type OpenItem } from './open-item.js';
import type { HandoverReport } from './handover-report.js';
import { memoHygieneLines } from './memo-hygiene.js';
import type { DoneItem } from './report-highlights.js';
import { SHIFT_TEXT } from './shifts.js';

const hhmm = (at: string) => at.slice(11, 16);
const dayTime = (at: string) => `${at.slice(5, 10)} ${hhmm(at)}`;

function itemLine(i: OpenItem, n: number, withOwner = false): string {
  const head = `${i.late ? '🔴 ' : ''}[${KIND_TEXT[i.kind]}] ${i.title}`;
  const who = [i.tid ? `订单 ${i.tid}` : '', i.buyerNick ? `买家 ${i.buyerNick}` : ''].filter(Boolean).join('，');
  const tail = [
    i.detail ? ` — ${i.detail}` : '',
    `，${i.ageHours} 小时`,
    i.snoozedUntil ? `，暂缓到 ${dayTime(i.snoozedUntil)}` : '',
    i.lastNote ? `；备注 ${i.lastNote}` : '',
    // A snapshot kept before items had owners has none: it goes to whoever takes the shift.
    withOwner ? `（负责人 ${i.ownerName || '接班同事'}）` : '',
  ];
  return `${n}. ${head}${who ? `（${who}）` : ''}${tail.join('')}`;
}

const numbered = (items: OpenItem[], withOwner = false) => items.map((i, n) => itemLine(i, n + 1, withOwner));
const doneLine = (d: DoneItem, n: number) =>
  `${n + 1}. [${KIND_TEXT[d.kind]}] ${d.title}${d.tid ? `（订单 ${d.tid}）` : ''} — ${d.byName} ${hhmm(d.at)}${d.note ? `：${d.note}` : ''}`;

export function renderHandoverMarkdown(r: HandoverReport): string {
  const all = r.openItems.flatMap((g) => g.items);
  const byKey = new Map(all.map((i) => [i.key, i]));
  const pick = (keys: string[]) => keys.map((k) => byKey.get(k)).filter((i): i is OpenItem => !!i);
  const overdue = pick(r.highlights.overdueKeys);
  const fresh = pick(r.highlights.newKeys);
  const out: string[] = [
    `## ${r.date} ${SHIFT_TEXT[r.shift]}交接班（${dayTime(r.window.start)} 至 ${dayTime(r.window.end)}）`,
    '',
  ];
  out.push(
    `- 未完成 ${r.openCount} 项：🔴 超时 ${overdue.length}，🆕 新增 ${fresh.length}；✅ 本班已完成 ${r.highlights.done.length}；暂缓 ${r.snoozed.length}`,
    `- 按负责人：${r.openItems.map((g) => `${g.ownerName} ${g.count}${g.lateCount ? `（超时 ${g.lateCount}）` : ''}`).join('，') || '无'}`,
    '',
  );
  if (r.carriedOver) {
    out.push(
      `### ⚠️ 上一班（${r.carriedOver.date} ${SHIFT_TEXT[r.carriedOver.shift]}）交接未确认（${r.carriedOver.items.length} 项）`,
      ...numbered(r.carriedOver.items, true),
      '',
    );
  }
  out.push(`### 🔴 超时（${overdue.length}）`, ...(overdue.length ? numbered(overdue, true) : ['- 无']), '');
  out.push(`### 🆕 上次交接后新增（${fresh.length}）`, ...(fresh.length ? numbered(fresh, true) : ['- 无']), '');
  const done = r.highlights.done;
  out.push(`### ✅ 本班已完成（${done.length}）`, ...(done.length ? done.map(doneLine) : ['- 无']), '');
  out.push(`### 未完成事项（${r.openCount} 项${r.lateCount ? `，🔴 超时 ${r.lateCount} 项` : ''}）`);
  if (!r.openItems.length) out.push('- 无');
  for (const g of r.openItems)
    out.push(`#### ${g.ownerName}（${g.count} 项${g.lateCount ? `，超时 ${g.lateCount}` : ''}）`, ...numbered(g.items));
  if (r.snoozed.length) out.push('', `### 暂缓（${r.snoozed.length}）`, ...numbered(r.snoozed, true));
  const a = r.activity;
  out.push('', '### 本班工作');
  out.push(
    `- 同步订单 ${a.ordersSynced} 笔；确认汇款 ${a.transfersConfirmed} 笔；新投诉 ${a.complaintsOpened} 件，结案 ${a.complaintsClosed} 件`,
  );
  out.push(`- 备注：${a.remarksByStaff.map((s) => `${s.staffName} ${s.count}`).join('，') || '无'}`);
  out.push(`- 销售记录：${a.salesByStaff.map((s) => `${s.staffName} ${s.count}`).join('，') || '无'}`);
  // Every stored review by state: how many still wait for a call, and what became of the others.
  out.push(
    `- ${KIND_TEXT.review}：${REVIEW_STATES.map((s) => `${REVIEW_STATE_LABELS[s]} ${r.reviews[s]}`).join('，')}`,
  );
  const kinds = Object.entries(a.messages);
  out.push(
    `- 消息：${kinds.map(([k, c]) => `${messageKindLabel(k)} 发送${c.sent}/排队${c.queued}/失败${c.failed}`).join('；') || '无'}`,
    '',
  );
  const hygiene = memoHygieneLines(r.memoHygiene);
  out.push(
    `### 备注规范（${r.memoHygiene.memos} 条备注待整理）`,
    ...(hygiene.length ? hygiene.map((l) => `- ${l}`) : ['- 无']),
  );
  out.push('', '### 交班日记');
  out.push(...(r.diary.length ? r.diary.map((n) => `- ${n.byName} ${hhmm(n.at)}：${n.text}`) : ['- 无']));
  out.push(
    '',
    r.acknowledgement
      ? `✅ ${r.acknowledgement.byName} 已于 ${r.acknowledgement.at.slice(0, 16).replace('T', ' ')} 确认接班`
      : '⏳ 待接班同事确认',
  );
  return out.join('\n');
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Cuts a line longer than `max` bytes at character boundaries. */
function cutLine(line: string, max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of line) {
    if (bytes(cur + ch) > max) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  return [...out, cur];
}

/**
 * Splits Markdown into messages of at most `maxBytes` (UTF-8) each, at line ends; a message that starts inside a
 * section repeats the section's heading with （续）, so each message reads on its own.
 */
export function splitMarkdown(md: string, maxBytes: number): string[] {
  const parts: string[] = [];
  let cur: string[] = [];
  let size = 0;
  let heading: string | null = null;
  for (const raw of md.split('\n')) {
    for (const line of cutLine(raw, maxBytes - 200)) {
      const add = bytes(line) + 1;
      if (size + add > maxBytes && cur.length) {
        parts.push(cur.join('\n'));
        cur = [];
        size = 0;
        if (heading && !line.startsWith('#')) {
          const h = `${heading}（续）`;
          cur.push(h);
          size = bytes(h) + 1;
        }
      }
      if (/^#{3,4} /.test(line)) heading = line;
      cur.push(line);
      size += add;
    }
  }
  if (cur.length) parts.push(cur.join('\n'));
  return parts;
}
