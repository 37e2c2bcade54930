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
  /** When a person first worked it (a call, a message, resolving). */
  handledAt: string | null;
  /** The buyer changed it (the platform no longer lists it as neutral/bad): state 买家已改评. */
  changed?: boolean;
  /** The calls recorded on it. */
  calls?: readonly { at: string }[];
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
  /** Reviews worked in the week (a person called, messaged or closed them) and calls made in the week. */
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
    for (const c of r.calls ?? []) if (within(b, c.at)) f.callsDone++;
    if (!within(b, r.handledAt)) continue;
    f.worked++;
    if (r.changed || r.review.result === 'good') f.changed++;
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
