/**
 * The weekly summary's figures, each a pure function of the records it reads and the week's bounds, so each is
 * tested on its own and the service only gathers the records. Every record's instants are written by toInstant
 * (+08:00, fixed width), so string order is time order: a record counts when its instant is in [from, to). One
 * pass over each collection, no sorting of records: the 100k-order store's week is read in well under a second.
 */
type Level = 'satisfied' | 'neutral' | 'unsatisfied';

/** The parts of the records the figures read (structural: the modules' own types fit). */
export interface ComplaintFacts {
  category: string;
  openedAt: string;
  respondBy: string;
  verifyBy: string;
  response: { at: string } | null;
  verification: { at: string } | null;
  outcome: { at: string } | null;
  satisfaction: { at: string; level: Level } | null;
}
export interface RefundFacts {
  reason: string;
  amountFen: number;
  createdAt: string;
  paidAt: string | null;
}
export interface ReviewFacts {
  review: { result: 'good' | 'neutral' | 'bad'; createdAt: string };
  seenAt: string;
  handledAt: string | null;
}
export interface FollowUpFacts {
  kind: string;
  openedAt: string;
  closedAt: string | null;
}
export interface TransferFacts {
  amountDueFen: number;
  paidAt: string | null;
}
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

/** The week as +08:00 strings, compared as text. */
export interface Bounds {
  from: string;
  to: string;
}
export const within = (b: Bounds, at: string | null | undefined): at is string => !!at && at >= b.from && at < b.to;

export interface ComplaintFigures {
  opened: number;
  /** Of those opened: first answer within 24 h (by respondBy), late, not yet answered. */
  answeredInTime: number;
  answeredLate: number;
  unanswered: number;
  /** Of those opened: verified within 3 working days (by verifyBy), late, not yet verified. */
  verifiedInTime: number;
  verifiedLate: number;
  unverified: number;
  /** Satisfaction recorded in the week (whenever the complaint was opened), by level. */
  satisfaction: Record<Level, number>;
}

export function complaintFigures(complaints: Iterable<ComplaintFacts>, b: Bounds): ComplaintFigures {
  const f: ComplaintFigures = {
    opened: 0,
    answeredInTime: 0,
    answeredLate: 0,
    unanswered: 0,
    verifiedInTime: 0,
    verifiedLate: 0,
    unverified: 0,
    satisfaction: { satisfied: 0, neutral: 0, unsatisfied: 0 },
  };
  for (const c of complaints) {
    if (c.satisfaction && within(b, c.satisfaction.at)) f.satisfaction[c.satisfaction.level]++;
    if (!within(b, c.openedAt)) continue;
    f.opened++;
    if (!c.response) f.unanswered++;
    else if (c.response.at <= c.respondBy) f.answeredInTime++;
    else f.answeredLate++;
    if (!c.verification) f.unverified++;
    else if (c.verification.at <= c.verifyBy) f.verifiedInTime++;
    else f.verifiedLate++;
  }
  return f;
}

export interface AfterSalesFigures {
  /** Complaints whose outcome was told to the buyer in the week. */
  outcomesTold: number;
  /** Refunds registered in the week (refund.after_trade), by reason (折扣, 邮费), and refunds paid in the week. */
  refunds: { count: number; amountFen: number; byReason: { reason: string; count: number; amountFen: number }[] };
  refundsPaid: { count: number; amountFen: number };
}

export function afterSalesFigures(
  complaints: Iterable<ComplaintFacts>,
  refunds: Iterable<RefundFacts>,
  b: Bounds,
): AfterSalesFigures {
  let outcomesTold = 0;
  for (const c of complaints) if (within(b, c.outcome?.at)) outcomesTold++;
  const byReason = new Map<string, { reason: string; count: number; amountFen: number }>();
  const f: AfterSalesFigures = {
    outcomesTold,
    refunds: { count: 0, amountFen: 0, byReason: [] },
    refundsPaid: { count: 0, amountFen: 0 },
  };
  for (const r of refunds) {
    if (within(b, r.createdAt)) {
      f.refunds.count++;
      f.refunds.amountFen += r.amountFen;
      const line = byReason.get(r.reason) ?? { reason: r.reason, count: 0, amountFen: 0 };
      line.count++;
      line.amountFen += r.amountFen;
      byReason.set(r.reason, line);
    }
    if (within(b, r.paidAt)) {
      f.refundsPaid.count++;
      f.refundsPaid.amountFen += r.amountFen;
    }
  }
  f.refunds.byReason = [...byReason.values()].sort((x, y) => y.count - x.count || (x.reason < y.reason ? -1 : 1));
  return f;
}

export interface ReviewFigures {
  /** Neutral and bad reviews buyers gave in the week. */
  received: { neutral: number; bad: number };
  /** Reviews worked in the week (the repair job handled them) and phone follow-ups closed in the week. */
  worked: number;
  callsDone: number;
  /** Reviews worked in the week that now read good: the buyer changed them. */
  changed: number;
}

export function reviewFigures(
  reviews: Iterable<ReviewFacts>,
  followUps: Iterable<FollowUpFacts>,
  b: Bounds,
): ReviewFigures {
  const f: ReviewFigures = { received: { neutral: 0, bad: 0 }, worked: 0, callsDone: 0, changed: 0 };
  for (const r of reviews) {
    const given = r.review.createdAt;
    if (within(b, given) && r.review.result !== 'good') f.received[r.review.result]++;
    if (!within(b, r.handledAt)) continue;
    f.worked++;
    if (r.review.result === 'good') f.changed++;
  }
  for (const x of followUps) if (x.kind === 'review_phone' && within(b, x.closedAt)) f.callsDone++;
  return f;
}

export interface TransferFigures {
  /** Transfers confirmed paid in the week, with their amount. */
  confirmed: number;
  confirmedFen: number;
  /** Claims not found after three days, handed back to the staff to chase in the week; and chases closed. */
  chased: number;
  chasesClosed: number;
}

export function transferFigures(
  transfers: Iterable<TransferFacts>,
  followUps: Iterable<FollowUpFacts>,
  b: Bounds,
): TransferFigures {
  const f: TransferFigures = { confirmed: 0, confirmedFen: 0, chased: 0, chasesClosed: 0 };
  for (const t of transfers) {
    if (!within(b, t.paidAt)) continue;
    f.confirmed++;
    f.confirmedFen += t.amountDueFen;
  }
  for (const x of followUps) {
    if (x.kind !== 'transfer_chase') continue;
    if (within(b, x.openedAt)) f.chased++;
    if (within(b, x.closedAt)) f.chasesClosed++;
  }
  return f;
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
