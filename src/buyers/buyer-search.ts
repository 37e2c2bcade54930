/**
 * GET /api/search's answer: buyers found by what a caller has at hand, ranked (an exact order or waybill number
 * first, then the start of a nick, a part of a nick, the receiver's name, a phone's last four digits) and grouped by
 * buyer, each with why it matched. Names and phones are masked here: a search result is read over a shoulder.
 */
import type { StoredOrder } from '../orders/index.js';
import { maskName, maskPhone } from '../shared/mask.js';
import { MATCH_KINDS, MATCH_LABELS, type MatchKind } from './buyer-labels.js';
import { nickKey, type SearchIndex } from './search-index.js';

export interface SearchMatch {
  kind: MatchKind;
  /** The kind's name (订单号, 手机尾号…), from the one labels table. */
  label: string;
  /** What matched, masked when it is personal: 'YT1234567890', '张**', '138****5678'. */
  value: string;
  /** The order it came from; null for a nick. */
  tid: string | null;
}

export interface BuyerHit {
  nick: string;
  /** Its best match's kind, which placed it. */
  best: MatchKind;
  matches: SearchMatch[];
  orderCount: number;
  lastOrder: { tid: string; createdAt: string; status: string } | null;
}

export interface SearchAnswer {
  q: string;
  /** Buyers found (the list holds the first `limit`). */
  total: number;
  buyers: BuyerHit[];
}

/** Why one buyer is listed more than this many times is not worth the room at 400 px. */
const MATCHES_PER_BUYER = 5;
const RANK = Object.fromEntries(MATCH_KINDS.map((k, i) => [k, i])) as Record<MatchKind, number>;

interface Found {
  nick: string;
  best: number;
  /** Within a rank, smaller is closer (a nick's length for a nick match). */
  closeness: number;
  matches: SearchMatch[];
}

/** Masked by the platform already (王*, 138****5678): shown as it came; a plain value (older order) is masked here. */
const isMasked = (s: string) => s.includes('*');
const shown = (s: string, mask: (v: string) => string) => (isMasked(s) ? s : mask(s));
/** Whether a name typed in full could be the one the mask hides: visible characters in place, stars for the rest. */
function couldBe(masked: string, typed: string): boolean {
  const visible = masked.split(/\*+/);
  const pattern = visible.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+');
  return new RegExp(`^${pattern}$`, 'u').test(typed);
}

const before = (a: Found, b: Found) =>
  a.best - b.best || a.closeness - b.closeness || (a.nick < b.nick ? -1 : a.nick > b.nick ? 1 : 0);

/** The first `limit` in ranking order without sorting them all: two letters of a nick can match every buyer. */
function firstOf(all: Iterable<Found>, limit: number): Found[] {
  const top: Found[] = [];
  for (const f of all) {
    if (top.length === limit && before(f, top[limit - 1]!) >= 0) continue;
    let i = top.length < limit ? top.length : limit - 1;
    while (i > 0 && before(f, top[i - 1]!) < 0) i--;
    top.splice(i, 0, f);
    if (top.length > limit) top.pop();
  }
  return top;
}

export function searchBuyers(
  deps: { index: SearchIndex; orders: { get(tid: string): StoredOrder | undefined } },
  query: string,
  limit = 20,
): SearchAnswer {
  const q = query.trim().replace(/\s+/g, ' ');
  const found = new Map<string, Found>();
  const hit = (nick: string, kind: MatchKind, value: string, tid: string | null, closeness = 0) => {
    const rank = RANK[kind];
    let b = found.get(nick);
    if (!b) found.set(nick, (b = { nick, best: rank, closeness, matches: [] }));
    else if (rank < b.best || (rank === b.best && closeness < b.closeness)) {
      b.best = rank;
      b.closeness = closeness;
    }
    if (!b.matches.some((m) => m.kind === kind && m.tid === tid && m.value === value))
      b.matches.push({ kind, label: MATCH_LABELS[kind], value, tid });
  };
  const viaOrder = (tid: string, kind: MatchKind, value: (o: StoredOrder) => string) => {
    const o = deps.orders.get(tid);
    if (o) hit(o.buyerNick, kind, value(o), tid);
  };
  if (!q) return { q, total: 0, buyers: [] };

  if (/^\d{6,}$/.test(q)) viaOrder(q, 'tid', () => q);
  for (const tid of deps.index.byWaybill(q)) viaOrder(tid, 'waybill', () => q.replace(/\s+/g, '').toUpperCase());

  const key = nickKey(q);
  deps.index.eachNick((k, nick) => {
    const at = k.indexOf(key);
    // A shorter nick is a closer match: 小丽 before 小丽的衣橱 for 小丽.
    if (at === 0) hit(nick, 'nick_prefix', nick, null, k.length);
    else if (at > 0) hit(nick, 'nick_part', nick, null, k.length);
  });

  // A number is not a name; a name of one character would match half the shop, so it must be whole. A name the
  // platform masked (王*) shows only its first character: a full name typed (two characters or more) matches it when
  // that character agrees, a weak match ranked after the nicks; the name typed as shown (王*) matches too.
  const partOfName = [...q].length >= 2;
  if (!/^\d+$/.test(q))
    deps.index.eachName((name) => {
      const hit = name === q || (partOfName && (isMasked(name) ? couldBe(name, q) : name.includes(q)));
      if (hit) for (const tid of deps.index.byName(name)) viaOrder(tid, 'name', () => shown(name, maskName));
    });

  if (/^\d{4}$/.test(q))
    for (const tid of deps.index.byPhoneTail(q))
      viaOrder(tid, 'phone_tail', (o) =>
        shown([o.receiver.mobile, o.receiver.phone].find((p) => p.replace(/\D/g, '').endsWith(q)) ?? '', maskPhone),
      );

  const ranked = firstOf(found.values(), limit);
  return {
    q,
    total: found.size,
    buyers: ranked.map(({ nick, ...b }) => {
      const tids = deps.index.tidsOf(nick);
      let last: StoredOrder | undefined;
      for (const tid of tids) {
        const o = deps.orders.get(tid);
        if (o && (!last || o.createdAt > last.createdAt)) last = o;
      }
      return {
        nick,
        best: MATCH_KINDS[b.best]!,
        matches: b.matches.sort((x, y) => RANK[x.kind] - RANK[y.kind]).slice(0, MATCHES_PER_BUYER),
        orderCount: tids.length,
        lastOrder: last ? { tid: last.tid, createdAt: last.createdAt, status: last.status } : null,
      };
    }),
  };
}
