/**
 * Reviews on the handover: an open review's detail says what was done and what is next (the latest call, a message
 * refused for a blank), and the report counts the reviews by state so the next shift sees how many wait.
 */
import {
  CALL_OUTCOME_LABELS,
  REVIEW_STATES,
  type ReviewBook,
  type ReviewState,
  type StoredReview,
} from '../reviews/index.js';

export function reviewDetail(r: StoredReview): string {
  const last = r.calls.at(-1);
  const parts = [
    r.missingValues.length ? `短信还缺：${r.missingValues.map((m) => m.label).join('、')}，填好再发` : '',
    last
      ? `${last.at.slice(5, 16).replace('T', ' ')} ${last.byName} 电话${CALL_OUTCOME_LABELS[last.outcome]}${last.note ? `：${last.note}` : ''}`
      : '',
    `评价：${r.review.content.slice(0, 80)}`,
  ];
  return parts.filter(Boolean).join('；');
}

/** Every stored review by state (all states named, zeros included), for the report's count line. */
export function reviewCounts(book: Pick<ReviewBook, 'all'>): Record<ReviewState, number> {
  const counts = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<ReviewState, number>;
  for (const r of book.all()) counts[r.state]++;
  return counts;
}
