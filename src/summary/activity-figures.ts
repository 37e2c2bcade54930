/**
 * The weekly summary's figures of the team's own activity: remarks per writer and kind, what became of buyer
 * messages (from the attempts log), and the open items carried to next week. Pure, as weekly-figures.ts's.
 */
import { within, type Bounds } from './weekly-figures.js';

export interface RemarkFacts {
  staff: string;
  kind: string;
  at: string;
}
export interface AttemptFacts {
  messageId: string;
  kind: string;
  at: string;
  outcome: string;
  error?: string;
}
export interface OpenItemFacts {
  kind: string;
  late: boolean;
}

export interface KindCount {
  kind: string;
  /** The kind's Chinese name (拍下后无货). */
  title: string;
  count: number;
}

export interface RemarkFigures {
  total: number;
  /** Per writer, most remarks first; each with its kinds, most first. */
  byStaff: { staff: string; total: number; kinds: KindCount[] }[];
  byKind: KindCount[];
}

const ranked = (m: Map<string, number>) =>
  [...m].map(([kind, count]) => ({ kind, count })).sort((x, y) => y.count - x.count || (x.kind < y.kind ? -1 : 1));

export function remarkFigures(
  entries: Iterable<RemarkFacts>,
  b: Bounds,
  titleOf: (kind: string) => string = (k) => k,
): RemarkFigures {
  const named = (m: Map<string, number>) => ranked(m).map((x) => ({ ...x, title: titleOf(x.kind) }));
  const perStaff = new Map<string, Map<string, number>>();
  const perKind = new Map<string, number>();
  let total = 0;
  for (const e of entries) {
    if (!within(b, e.at)) continue;
    total++;
    perKind.set(e.kind, (perKind.get(e.kind) ?? 0) + 1);
    const mine = perStaff.get(e.staff) ?? new Map<string, number>();
    mine.set(e.kind, (mine.get(e.kind) ?? 0) + 1);
    perStaff.set(e.staff, mine);
  }
  const byStaff = [...perStaff].map(([staff, kinds]) => ({
    staff,
    total: [...kinds.values()].reduce((s, n) => s + n, 0),
    kinds: named(kinds),
  }));
  byStaff.sort((x, y) => y.total - x.total || (x.staff < y.staff ? -1 : 1));
  return { total, byStaff, byKind: named(perKind) };
}

/** What became of buyer messages in the week, each message counted once per line (from the attempts log). */
export interface MessageFigures {
  sent: number;
  /** Put off to a later time (quiet hours, the daily cap). */
  deferred: number;
  /** Stopped by the rules (opted out, paid meanwhile, stopped by a person), with why. */
  refused: number;
  refusedReasons: { reason: string; count: number }[];
  /** A channel refused or failed it. */
  failed: number;
  /** Past its validity (a greeting after the day). */
  dropped: number;
}

const OUTCOME_LINE: Readonly<Record<string, 'sent' | 'deferred' | 'refused' | 'failed' | 'dropped'>> = {
  sent: 'sent',
  outbox: 'sent',
  'resolved-sent': 'sent',
  deferred: 'deferred',
  capped: 'deferred',
  cancelled: 'refused',
  failed: 'failed',
  dropped: 'dropped',
};

export function messageFigures(attempts: Iterable<AttemptFacts>, b: Bounds): MessageFigures {
  const seen = { sent: new Set<string>(), deferred: new Set<string>(), refused: new Set<string>() };
  const failed = new Set<string>();
  const dropped = new Set<string>();
  const reasons = new Map<string, number>();
  for (const a of attempts) {
    if (a.kind === 'staff-notice' || !within(b, a.at)) continue;
    const line = OUTCOME_LINE[a.outcome];
    if (!line) continue;
    if (line === 'failed') failed.add(a.messageId);
    else if (line === 'dropped') dropped.add(a.messageId);
    else if (!seen[line].has(a.messageId)) {
      seen[line].add(a.messageId);
      if (line === 'refused') {
        const why = (a.error ?? '').split(' ')[0] || 'other';
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
      }
    }
  }
  return {
    sent: seen.sent.size,
    deferred: seen.deferred.size,
    refused: seen.refused.size,
    refusedReasons: ranked(reasons).map(({ kind, count }) => ({ reason: kind, count })),
    failed: failed.size,
    dropped: dropped.size,
  };
}

export interface CarriedFigures {
  /** The handover the week ended with (its date and shift), or null when no handover was kept that week. */
  from: { date: string; shift: string; shiftName?: string } | null;
  total: number;
  late: number;
  byKind: { kind: string; count: number }[];
}

/** Open items carried into the next week: those of the week's last kept handover. */
export function carriedFigures(last: { date: string; shift: string; items: readonly OpenItemFacts[] } | null) {
  if (!last) return { from: null, total: 0, late: 0, byKind: [] } satisfies CarriedFigures;
  const perKind = new Map<string, number>();
  for (const i of last.items) perKind.set(i.kind, (perKind.get(i.kind) ?? 0) + 1);
  return {
    from: { date: last.date, shift: last.shift },
    total: last.items.length,
    late: last.items.filter((i) => i.late).length,
    byKind: ranked(perKind),
  } satisfies CarriedFigures;
}
