import { describe, expect, it } from 'vitest';
import { createFollowUps } from '../../src/tasks/follow-ups.js';
import type { MessageRequest } from '../../src/messaging/message-sink.js';
import type { Review } from '../../src/orders/order.js';
import { createReviewBook, reviewRepairJob } from '../../src/reviews/review-repair.js';
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

describe('review repair at 20:00', () => {
  it('when neutral and bad reviews are new, then each gets one message and one night-shift phone follow-up, once', async () => {
    const store = createMemoryStore();
    const clock = fixedClock('2026-11-23T20:00:00+08:00');
    let windowAsked: { start: number; end: number } | null = null;
    const reviews = [
      review('1', 'bad', '2026-11-22T10:00:00+08:00'),
      review('2', 'neutral', '2026-11-20T10:00:00+08:00'),
      review('3', 'good', '2026-11-22T10:00:00+08:00'),
    ];
    const platform = {
      async *negativeReviews(w: { start: number; end: number }) {
        windowAsked = w;
        yield reviews;
      },
    };
    const sent: MessageRequest[] = [];
    const sink = {
      enqueue: async (r: MessageRequest) => {
        sent.push(r);
        return { queued: true };
      },
    };
    const followUps = createFollowUps({ store, clock });
    const book = createReviewBook({ store, clock, windowDays: 30 });
    const job = reviewRepairJob({ book, platform, sink, followUps }, { schedule: '0 20 * * *', catchUpMinutes: 60 });
    expect(await job.run()).toEqual({ fetched: 2, new: 2, messages: 2, refused: 0, phoneTasks: 2 });
    expect(windowAsked).toEqual({ start: clock.now() - 30 * 86_400_000, end: clock.now() });
    expect(sent.map((m) => [m.kind, m.tid])).toEqual([
      ['review-repair', '2'],
      ['review-repair', '1'],
    ]);
    expect(followUps.list({ open: true }).map((f) => [f.kind, f.shift, f.tid])).toEqual([
      ['review_phone', 'night', '2'],
      ['review_phone', 'night', '1'],
    ]);
    expect(book.unhandled()).toEqual([]);
    expect(await job.run()).toEqual({ fetched: 2, new: 0, messages: 0, refused: 0, phoneTasks: 0 });
    expect(sent).toHaveLength(2);
  });
});
