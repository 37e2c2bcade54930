/**
 * One job per repair window (review-window-1100 at 11:00…): refreshes the platform's neutral and bad reviews so each
 * new one is an open item for whoever is on duty in the window, and a review the buyer changed leaves the list.
 * It sends nothing: the handbook phones first, and a message is a person's choice after an unanswered call.
 */
import type { Job, JobSettings } from '../scheduler/index.js';
import type { ShopPlatform } from '../platform/index.js';
import type { ReviewBook } from './review-book.js';

export function reviewWindowJob(
  deps: { book: ReviewBook; platform: Pick<ShopPlatform, 'negativeReviews'> },
  name: string,
  settings: JobSettings,
): Job {
  return {
    name,
    ...settings,
    description: 'refreshes neutral/bad reviews for the repair window; sends nothing',
    run: () => deps.book.refresh(deps.platform),
  };
}
