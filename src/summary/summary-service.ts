/**
 * Gathers the week's records from each feature's collections (named by the feature's index.ts) and hands them to
 * the pure figures. Reads only: the summary changes nothing, so it can be asked for any past week at any time.
 */
import { COMPLAINT_CATEGORIES, COMPLAINTS, type Complaint } from '../complaints/index.js';
import { HANDOVERS, SHIFT_TEXT, type HandoverRecord } from '../handover/index.js';
import { REFUND_REGISTER, type RefundRecord } from '../ledger/index.js';
import { MESSAGE_ATTEMPTS_LOG, type SendAttempt } from '../messaging/index.js';
import { TRANSFERS, type TransferOrder } from '../reconciliation/index.js';
import { createRemarkReader, remarkKindTitle } from '../remarks/index.js';
import { fromStored, NEGATIVE_REVIEWS, type LegacyStoredReview, type StoredReview } from '../reviews/index.js';
import { toInstant, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { FOLLOW_UPS, type FollowUp } from '../tasks/index.js';
import { complaintCauses, type CauseAnalysis } from './complaint-causes.js';
import { lastWeekOf, monthOf, parseMonth, parseWeek, type Period } from './periods.js';
import {
  carriedFigures,
  messageFigures,
  remarkFigures,
  type AttemptFacts,
  type CarriedFigures,
  type MessageFigures,
  type RemarkFigures,
} from './activity-figures.js';
import {
  afterSalesFigures,
  complaintFigures,
  reviewFigures,
  transferFigures,
  type AfterSalesFigures,
  type Bounds,
  type ComplaintFigures,
  type ReviewFigures,
  type TransferFigures,
} from './weekly-figures.js';

export interface WeeklySummary {
  week: string;
  /** First and last Shanghai day of the week. */
  from: string;
  to: string;
  builtAt: string;
  complaints: ComplaintFigures;
  afterSales: AfterSalesFigures;
  reviews: ReviewFigures;
  transfers: TransferFigures;
  remarks: RemarkFigures;
  messages: MessageFigures;
  carried: CarriedFigures;
}

export interface ComplaintAnalysis extends CauseAnalysis {
  month: string;
  builtAt: string;
}

const boundsOf = (p: Period): Bounds => ({ from: toInstant(p.start), to: toInstant(p.end) });
/** The shift's name (夜班) beside its code, for the console, which has no list of shifts of its own. */
const named = (c: CarriedFigures): CarriedFigures =>
  c.from ? { ...c, from: { ...c.from, shiftName: SHIFT_TEXT[c.from.shift as keyof typeof SHIFT_TEXT] } } : c;

export function createSummaryService(deps: { store: Store; clock: Clock }) {
  const { store, clock } = deps;
  const remarks = createRemarkReader(store);

  async function attempts(b: Bounds): Promise<AttemptFacts[]> {
    const out: AttemptFacts[] = [];
    for await (const a of store.log<SendAttempt>(MESSAGE_ATTEMPTS_LOG).read())
      if (a.at >= b.from && a.at < b.to) out.push(a);
    return out;
  }

  /** The week's last handover kept (night before day on the same date), or null. */
  function lastHandover(p: Period): HandoverRecord | null {
    for (const date of [...p.days].reverse())
      for (const shift of ['night', 'day'] as const) {
        const rec = store.get<HandoverRecord>(HANDOVERS, `${date}:${shift}`);
        if (rec) return rec;
      }
    return null;
  }

  async function week(text?: string): Promise<WeeklySummary> {
    const p = parseWeek(text ?? lastWeekOf(clock.now()));
    const b = boundsOf(p);
    const complaints = [...store.all<Complaint>(COMPLAINTS)];
    const followUps = [...store.all<FollowUp>(FOLLOW_UPS)];
    return {
      week: p.key,
      from: p.days[0]!,
      to: p.days[6]!,
      builtAt: toInstant(clock.now()),
      complaints: complaintFigures(complaints, b),
      afterSales: afterSalesFigures(complaints, store.all<RefundRecord>(REFUND_REGISTER), b),
      reviews: reviewFigures(reviewFacts(store.all<StoredReview | LegacyStoredReview>(NEGATIVE_REVIEWS)), followUps, b),
      transfers: transferFigures(store.all<TransferOrder>(TRANSFERS), followUps, b),
      remarks: remarkFigures(remarks.entries(), b, remarkKindTitle),
      messages: messageFigures(await attempts(b), b),
      carried: named(carriedFigures(lastHandover(p))),
    };
  }

  function complaintsByCause(text?: string): ComplaintAnalysis {
    const p = parseMonth(text ?? monthOf(clock.now()));
    const now = toInstant(clock.now());
    const analysis = complaintCauses(store.all<Complaint>(COMPLAINTS), boundsOf(p), COMPLAINT_CATEGORIES, now);
    return { month: p.key, builtAt: now, ...analysis };
  }

  return { week, complaintsByCause };
}

export type SummaryService = ReturnType<typeof createSummaryService>;

/** A stored review as the week's figures read it: worked when a person first acted, changed by its state. */
function* reviewFacts(docs: Iterable<StoredReview | LegacyStoredReview>) {
  for (const doc of docs) {
    const r = fromStored(doc);
    yield { review: r.review, seenAt: r.seenAt, handledAt: r.workedAt, changed: r.state === 'changed', calls: r.calls };
  }
}
