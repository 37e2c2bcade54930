/**
 * A neutral or bad review as a piece of work (handbook 第五章: find the cause, phone first, a message only if the
 * buyer does not answer). Its state moves only by what a person records or what the platform shows; the pure
 * functions here are the one state machine, the book stores their result.
 */
import type { Review } from '../orders/index.js';
import { ConflictError } from '../shared/errors.js';

export const REVIEW_STATES = ['new', 'called', 'messaged', 'resolved', 'changed', 'given_up'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** What staff read for a review's state (order page, handover, GET /api/labels): the only copy. */
export const REVIEW_STATE_LABELS: Readonly<Record<ReviewState, string>> = {
  new: '待联系',
  called: '已打电话',
  messaged: '已发短信',
  resolved: '已解决',
  changed: '买家已改评',
  given_up: '已放弃',
};

export const CALL_OUTCOMES = ['reached', 'no_answer', 'refused'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** What staff read for a call's outcome: the only copy. */
export const CALL_OUTCOME_LABELS: Readonly<Record<CallOutcome, string>> = {
  reached: '已接通',
  no_answer: '未接通',
  refused: '拒绝沟通',
};

/** Done with: the item leaves the handover. */
export const FINAL_STATES: ReadonlySet<ReviewState> = new Set(['resolved', 'changed', 'given_up']);

export interface Actor {
  username: string;
  displayName: string;
}

export interface ReviewCall {
  at: string;
  by: string;
  byName: string;
  outcome: CallOutcome;
  note: string;
}

export interface StoredReview {
  /** tid:oid, one per reviewed item. */
  id: string;
  review: Review;
  seenAt: string;
  state: ReviewState;
  /** When the state last changed. */
  stateAt: string;
  calls: ReviewCall[];
  /** The repair message queued after an unanswered call. */
  message: { at: string; by: string; byName: string; messageId: string } | null;
  /** A message asked for but refused for these blanks: the review stays open until someone fills them. */
  missingValues: { name: string; label: string }[];
  /** Who closed it (resolved, given up) and why; the platform for a changed review. */
  closedBy: string | null;
  closedByName: string | null;
  note: string | null;
  /** When a person first worked it (a call, a message, a resolution): the weekly summary's "worked". */
  workedAt: string | null;
}

export function newReview(review: Review, id: string, at: string): StoredReview {
  return {
    id,
    review,
    seenAt: at,
    state: 'new',
    stateAt: at,
    calls: [],
    message: null,
    missingValues: [],
    closedBy: null,
    closedByName: null,
    note: null,
    workedAt: null,
  };
}

function open(r: StoredReview, doing: string): void {
  if (!FINAL_STATES.has(r.state)) return;
  throw new ConflictError({
    message: `这条评价${REVIEW_STATE_LABELS[r.state]}，不能再${doing}`,
    code: 'review_closed',
    params: { id: r.id, state: r.state },
  });
}

const worked = (r: StoredReview, at: string) => r.workedAt ?? at;

export function recordCall(r: StoredReview, call: ReviewCall): StoredReview {
  open(r, '记录电话');
  // A call after a message keeps the review "messaged": what was sent stays visible.
  const state = r.state === 'messaged' ? 'messaged' : 'called';
  return {
    ...r,
    state,
    stateAt: state === r.state ? r.stateAt : call.at,
    calls: [...r.calls, call],
    workedAt: worked(r, call.at),
  };
}

/** Phone first: a message only when the latest call was not answered, and only once. Throws the reason in Chinese. */
export function assertMayMessage(r: StoredReview): void {
  open(r, '发短信');
  if (r.message)
    throw new ConflictError({ message: '这条评价已经发过短信，不再重复发送', code: 'review_already_messaged' });
  const last = r.calls.at(-1);
  if (last?.outcome !== 'no_answer')
    throw new ConflictError({
      message: last
        ? `最近一次电话${CALL_OUTCOME_LABELS[last.outcome]}，只有电话未接通时才发短信`
        : '请先打电话：只有电话未接通时才发短信',
      code: 'call_first',
      params: { id: r.id },
    });
}

export function messaged(r: StoredReview, by: Actor, messageId: string, at: string): StoredReview {
  return {
    ...r,
    state: 'messaged',
    stateAt: at,
    message: { at, by: by.username, byName: by.displayName, messageId },
    missingValues: [],
    workedAt: worked(r, at),
  };
}

export function close(
  r: StoredReview,
  state: 'resolved' | 'given_up',
  by: Actor,
  note: string,
  at: string,
): StoredReview {
  open(r, state === 'resolved' ? '标为已解决' : '放弃');
  return {
    ...r,
    state,
    stateAt: at,
    closedBy: by.username,
    closedByName: by.displayName,
    note,
    missingValues: [],
    workedAt: worked(r, at),
  };
}

/** The platform no longer lists it as neutral/bad: the buyer changed (or removed) it. */
export function buyerChanged(r: StoredReview, at: string): StoredReview {
  if (r.state === 'changed') return r;
  return { ...r, state: 'changed', stateAt: at, missingValues: [] };
}

/** 已打电话（未接通） — the state with the latest call's outcome, as the handover and the order page say it. */
export function stateText(r: StoredReview): string {
  const last = r.calls.at(-1);
  const base = REVIEW_STATE_LABELS[r.state];
  return r.state === 'called' && last ? `${base}（${CALL_OUTCOME_LABELS[last.outcome]}）` : base;
}
