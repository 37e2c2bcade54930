/**
 * A window's job refreshes the platform's neutral and bad reviews: each new one is ONE open item (state 待联系), no
 * message is queued, a second run adds nothing, and a review the platform no longer lists as neutral/bad is 买家已改评.
 */
import { describe, expect, it } from 'vitest';
import type { Review } from '../../src/orders/order.js';
import { createReviewBook } from '../../src/reviews/review-book.js';
import { reviewWindowJob } from '../../src/reviews/review-window-job.js';
import { NEGATIVE_REVIEWS } from '../../src/reviews/review-repository.js';
import { defaultJobsConfig } from '../../src/operations/jobs-config.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';

const review = (tid: string, result: Review['result'], createdAt: string): Review => ({
  tid,
  oid: `${tid}-1`,
  buyerNick: `b${tid}`,
  result,
  content: '不好',
  reply: '',
  itemTitle: '开衫',
  createdAt,
});

describe('the repair window job', () => {
  it('when neutral and bad reviews are new, then each is one open review to call, nothing is sent, and a rerun adds none', async () => {
    const store = createMemoryStore();
    const clock = fixedClock('2026-11-23T11:00:00+08:00');
    let listed = [
      review('1', 'bad', '2026-11-22T10:00:00+08:00'),
      review('2', 'neutral', '2026-11-20T10:00:00+08:00'),
      review('3', 'good', '2026-11-22T10:00:00+08:00'),
    ];
    let asked: { start: number; end: number } | null = null;
    const platform = {
      async *negativeReviews(w: { start: number; end: number }) {
        asked = w;
        yield listed;
      },
    };
    const enqueued: unknown[] = [];
    const book = createReviewBook({
      store,
      clock,
      windowDays: 30,
      windows: defaultJobsConfig().reviewWindows,
      messages: { enqueue: async (r) => (enqueued.push(r), { queued: false, reason: 'duplicate' }) },
    });
    const job = reviewWindowJob({ book, platform }, 'review-window-1100', { schedule: '0 11 * * *' });
    expect(await job.run()).toEqual({ fetched: 2, new: 2, changed: 0, open: 2 });
    expect(asked).toEqual({ start: clock.now() - 30 * 86_400_000, end: clock.now() });
    expect(book.open().map((r) => [r.review.tid, r.state])).toEqual([
      ['2', 'new'],
      ['1', 'new'],
    ]);
    expect(enqueued).toEqual([]);
    expect(await job.run()).toEqual({ fetched: 2, new: 0, changed: 0, open: 2 });
    expect([...store.all(NEGATIVE_REVIEWS)]).toHaveLength(2);

    // The buyer of 1 changed the review: the platform lists it no more (or as good), and it leaves the open list.
    listed = listed.filter((r) => r.tid !== '1');
    clock.set('2026-11-23T15:00:00+08:00');
    expect(await job.run()).toEqual({ fetched: 1, new: 0, changed: 1, open: 1 });
    expect(book.get('1:1-1')).toMatchObject({ state: 'changed', stateAt: '2026-11-23T15:00:00.000+08:00' });
    expect(book.open().map((r) => r.review.tid)).toEqual(['2']);
  });

  it('when a review is older than the days read, then its absence from the platform says nothing', async () => {
    const store = createMemoryStore();
    const clock = fixedClock('2026-11-23T11:00:00+08:00');
    let listed = [review('9', 'bad', '2026-11-10T10:00:00+08:00')];
    const platform = {
      async *negativeReviews() {
        yield listed;
      },
    };
    const book = createReviewBook({ store, clock, windowDays: 30, windows: defaultJobsConfig().reviewWindows });
    await book.refresh(platform);
    listed = [];
    clock.set('2026-12-20T11:00:00+08:00');
    expect(await book.refresh(platform)).toMatchObject({ changed: 0 });
    expect(book.get('9:9-1')?.state).toBe('new');
  });
});
