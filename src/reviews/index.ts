/** Bad reviews (中差评) and their repair: the review book, and the job that asks staff to phone and queues the message. */
export { createReviewBook, reviewRepairJob } from './review-repair.js';
export type { ReviewBook } from './review-repair.js';
export { NEGATIVE_REVIEWS } from './review-repository.js';
export type { StoredReview } from './review-repository.js';
