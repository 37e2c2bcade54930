/** The only code that stores the shop's neutral and bad reviews, one document per reviewed item (tid:oid). */
import type { Review } from '../orders/index.js';
import type { Store } from '../storage/index.js';
import { newReview, REVIEW_STATES, type StoredReview } from './review-state.js';

export const NEGATIVE_REVIEWS = 'negative-reviews';

/** The shape the 20:00 job stored before reviews had a state (kept so old stores still load). */
export interface LegacyStoredReview {
  id: string;
  review: Review;
  seenAt: string;
  handledAt: string | null;
  messageQueued: boolean | null;
  messageReason: string | null;
  followUpId: string | null;
}

/**
 * A review stored before states existed, as a state: a message that was queued is "messaged"; one that was refused
 * (32 of 32 on the sandbox, for a missing `resolution`) was never handled, so it is "new" again and shows to a person.
 */
export function fromStored(doc: StoredReview | LegacyStoredReview): StoredReview {
  if ('state' in doc && (REVIEW_STATES as readonly string[]).includes(doc.state)) return doc;
  const old = doc as LegacyStoredReview;
  const base = newReview(old.review, old.id, old.seenAt);
  if (old.messageQueued !== true || !old.handledAt) return base;
  return {
    ...base,
    state: 'messaged',
    stateAt: old.handledAt,
    message: { at: old.handledAt, by: 'system', byName: '系统', messageId: '' },
    workedAt: old.handledAt,
  };
}

export const reviewId = (r: Pick<Review, 'tid' | 'oid'>) => `${r.tid}:${r.oid}`;

export function createReviewRepository(store: Store) {
  return {
    get: (id: string) => {
      const doc = store.get<StoredReview | LegacyStoredReview>(NEGATIVE_REVIEWS, id);
      return doc ? fromStored(doc) : undefined;
    },
    *all(): Iterable<StoredReview> {
      for (const doc of store.all<StoredReview | LegacyStoredReview>(NEGATIVE_REVIEWS)) yield fromStored(doc);
    },
    /** Stores the reviews not stored yet (a concurrent refresh may have stored some meanwhile). */
    addNew: (reviews: readonly Review[], seenAt: string) =>
      store.transact((tx) => {
        for (const r of reviews) {
          if (tx.get(NEGATIVE_REVIEWS, reviewId(r))) continue;
          tx.put<StoredReview>(NEGATIVE_REVIEWS, reviewId(r), newReview(r, reviewId(r), seenAt));
        }
      }),
    /** Reads, changes and writes one review in one transaction; `change` may throw to refuse. */
    update: (id: string, change: (r: StoredReview) => StoredReview) =>
      store.transact((tx) => {
        const doc = tx.get<StoredReview | LegacyStoredReview>(NEGATIVE_REVIEWS, id);
        if (!doc) return undefined;
        const next = change(fromStored(doc));
        tx.put<StoredReview>(NEGATIVE_REVIEWS, id, next);
        return next;
      }),
  };
}
