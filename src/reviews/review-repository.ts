/** The only code that stores the shop's neutral and bad reviews, one document per reviewed item (tid:oid). */
import type { Review } from '../orders/index.js';
import type { Store } from '../storage/index.js';

export const NEGATIVE_REVIEWS = 'negative-reviews';

export interface StoredReview {
  id: string;
  review: Review;
  seenAt: string;
  handledAt: string | null;
  messageQueued: boolean | null;
  messageReason: string | null;
  followUpId: string | null;
}

export const reviewId = (r: Review) => `${r.tid}:${r.oid}`;

export function createReviewRepository(store: Store) {
  return {
    has: (r: Review) => store.get(NEGATIVE_REVIEWS, reviewId(r)) !== undefined,
    all: () => store.all<StoredReview>(NEGATIVE_REVIEWS),
    /** Stores the reviews not stored yet (a concurrent refresh may have stored some meanwhile). */
    addNew: (reviews: readonly Review[], seenAt: string) =>
      store.transact((tx) => {
        for (const r of reviews) {
          if (tx.get(NEGATIVE_REVIEWS, reviewId(r))) continue;
          tx.put<StoredReview>(NEGATIVE_REVIEWS, reviewId(r), {
            id: reviewId(r),
            review: r,
            seenAt,
            handledAt: null,
            messageQueued: null,
            messageReason: null,
            followUpId: null,
          });
        }
      }),
    put: (r: StoredReview) => store.transact((tx) => tx.put<StoredReview>(NEGATIVE_REVIEWS, r.id, r)),
  };
}
