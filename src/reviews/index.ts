/**
 * Neutral and bad reviews (中差评) as work: the review book with each review's state, the repair windows, one job
 * per window that refreshes them, and /api/reviews for the calls, the message, resolving and giving up.
 */
export { createReviewBook } from './review-book.js';
export type { ReviewBook, ReviewMessages } from './review-book.js';
export { reviewWindowJob } from './review-window-job.js';
export { reviewsRouter, orderReviewView } from './reviews-router.js';
export { NEGATIVE_REVIEWS, fromStored } from './review-repository.js';
export type { LegacyStoredReview } from './review-repository.js';
export {
  CALL_OUTCOMES,
  CALL_OUTCOME_LABELS,
  FINAL_STATES,
  REVIEW_STATES,
  REVIEW_STATE_LABELS,
  stateText,
} from './review-state.js';
export type { CallOutcome, ReviewCall, ReviewState, StoredReview } from './review-state.js';
export { nextWindow, windowAt, windowText } from './review-windows.js';
export type { RepairWindow, WindowTimes } from './review-windows.js';
