/**
 * Memo hygiene (备注规范): memos that break the remark convention are not open items (nobody can "close" an old memo
 * signed 小林), but one summary: a line per cause with counts per name or value, and the list of orders behind it.
 */
import { lintMemo } from '../remarks/index.js';
import { DAY, toInstant } from '../shared/time.js';
import type { HandoverSources } from './handover-sources.js';

interface Finding {
  cause: string;
  value: string | null;
}

export interface MemoHygieneCause {
  /** The convention broken, as the lint says it (客服姓名不在员工名单中). */
  cause: string;
  /** Memos (orders) with this cause. */
  count: number;
  /** The names, dates or amounts behind it, most frequent first (小林 8，蕾 4). */
  values: { value: string; count: number }[];
}

export interface MemoHygiene {
  memos: number;
  causes: MemoHygieneCause[];
  /** Every memo behind the summary (the console lists it on demand). */
  orders: { tid: string; buyerNick: string; modifiedAt: string; problems: string[] }[];
}

/** Lint results by order, reused while the memo text is unchanged: a report re-renders without re-parsing. */
const lintCache = new WeakMap<HandoverSources, Map<string, { memo: string; findings: Finding[] }>>();

function findingsOf(src: HandoverSources, tid: string, memo: string): Finding[] {
  let cache = lintCache.get(src);
  if (!cache) lintCache.set(src, (cache = new Map()));
  const hit = cache.get(tid);
  if (hit && hit.memo === memo) return hit.findings;
  const findings = lintMemo(memo, { dateFormat: src.memoDateFormat, staffNames: src.staffNames }).map((f) => {
    // The lint's message is `cause` or `cause: value` (客服姓名不在员工名单中: 小林).
    const at = f.message.indexOf(': ');
    return at < 0
      ? { cause: f.message, value: null }
      : { cause: f.message.slice(0, at), value: f.message.slice(at + 2).trim() };
  });
  cache.set(tid, { memo, findings });
  return findings;
}

export function memoHygiene(src: HandoverSources): MemoHygiene {
  const since = toInstant(src.clock.now() - (src.memoLintDays ?? 3) * DAY);
  const causes = new Map<string, { count: number; values: Map<string, number> }>();
  const orders: MemoHygiene['orders'] = [];
  for (const o of src.orders.all()) {
    if (!o.sellerMemo || o.modifiedAt < since) continue;
    const findings = findingsOf(src, o.tid, o.sellerMemo);
    if (!findings.length) continue;
    orders.push({
      tid: o.tid,
      buyerNick: o.buyerNick,
      modifiedAt: o.modifiedAt,
      problems: [...new Set(findings.map((f) => (f.value ? `${f.cause}：${f.value}` : f.cause)))],
    });
    // A memo counts once per cause, and once per value within it.
    for (const cause of new Set(findings.map((f) => f.cause))) {
      const c = causes.get(cause) ?? { count: 0, values: new Map<string, number>() };
      c.count++;
      for (const v of new Set(findings.filter((f) => f.cause === cause && f.value).map((f) => f.value!)))
        c.values.set(v, (c.values.get(v) ?? 0) + 1);
      causes.set(cause, c);
    }
  }
  return {
    memos: orders.length,
    causes: [...causes.entries()]
      .map(([cause, c]) => ({
        cause,
        count: c.count,
        values: [...c.values.entries()]
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      }))
      .sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause)),
    orders: orders.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : -1)),
  };
}

/** One line per cause: `12 条备注：客服姓名不在员工名单中（小林 8，蕾 4）`. */
export function memoHygieneLines(h: MemoHygiene): string[] {
  return h.causes.map(
    (c) =>
      `${c.count} 条备注：${c.cause}${c.values.length ? `（${c.values.map((v) => `${v.value} ${v.count}`).join('，')}）` : ''}`,
  );
}
