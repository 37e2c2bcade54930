/**
 * 中差评修复 at 20:00 (the best time to phone, operations.md): neutral and bad reviews of the last 30
 * days that were not handled yet each get a review-repair message through the send policy and a phone
 * follow-up for the night shift. Reviews are kept locally so the handover lists the unhandled ones
 * without asking the platform.
 */
import type { Job, JobSettings } from '../scheduler/index.js';
import type { MessageSink } from '../messaging/index.js';
import type { Review } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import { DAY, toInstant, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import type { FollowUps } from '../tasks/index.js';
import { createReviewRepository, type StoredReview } from './review-repository.js';

export function createReviewBook(deps: { store: Store; clock: Clock; windowDays: number }) {
  const { clock } = deps;
  const repo = createReviewRepository(deps.store);
  const inWindow = (r: StoredReview, now: number) => Date.parse(r.review.createdAt) >= now - deps.windowDays * DAY;
  return {
    /** Reads the platform's neutral/bad reviews of the window and keeps the new ones. */
    async refresh(platform: Pick<ShopPlatform, 'negativeReviews'>): Promise<{ fetched: number; new: number }> {
      const now = clock.now();
      const fresh: Review[] = [];
      let fetched = 0;
      for await (const page of platform.negativeReviews({ start: now - deps.windowDays * DAY, end: now })) {
        for (const r of page) {
          if (r.result === 'good') continue;
          fetched++;
          if (!repo.has(r)) fresh.push(r);
        }
      }
      await repo.addNew(fresh, toInstant(now));
      return { fetched, new: fresh.length };
    },
    /** Oldest first. */
    unhandled(): StoredReview[] {
      const now = clock.now();
      const out = [...repo.all()].filter((r) => r.handledAt === null && inWindow(r, now));
      return out.sort((a, b) => (a.review.createdAt < b.review.createdAt ? -1 : 1));
    },
    async markHandled(r: StoredReview, message: { queued: boolean; reason?: string }, followUpId: string) {
      const at = toInstant(clock.now());
      await repo.put({
        ...r,
        handledAt: at,
        messageQueued: message.queued,
        messageReason: message.reason ?? null,
        followUpId,
      });
    },
  };
}

export type ReviewBook = ReturnType<typeof createReviewBook>;

export async function repairReviews(deps: {
  book: ReviewBook;
  sink: Pick<MessageSink, 'enqueue'>;
  followUps: FollowUps;
}) {
  const counts = { messages: 0, refused: 0, phoneTasks: 0 };
  for (const r of deps.book.unhandled()) {
    const v = r.review;
    const label = v.result === 'bad' ? '差评' : '中评';
    const answer = await deps.sink.enqueue({
      kind: 'review-repair',
      tid: v.tid,
      buyerNick: v.buyerNick,
      reason: `${label}修复：${v.itemTitle}`,
    });
    const [followUp, created] = await deps.followUps.open({
      id: `review:${r.id}`,
      kind: 'review_phone',
      tid: v.tid,
      buyerNick: v.buyerNick,
      title: `电话联系${label}买家`,
      detail: v.content.slice(0, 200),
      owner: null,
      ownerName: null,
      shift: 'night',
    });
    await deps.book.markHandled(r, answer, followUp.id);
    if (answer.queued) counts.messages++;
    else counts.refused++;
    if (created) counts.phoneTasks++;
  }
  return counts;
}

export function reviewRepairJob(
  deps: {
    book: ReviewBook;
    platform: Pick<ShopPlatform, 'negativeReviews'>;
    sink: Pick<MessageSink, 'enqueue'>;
    followUps: FollowUps;
  },
  settings: JobSettings,
): Job {
  return {
    name: 'review-repair',
    ...settings,
    description: 'review-repair messages and phone calls for the night shift',
    async run() {
      const seen = await deps.book.refresh(deps.platform);
      const done = await repairReviews(deps);
      return { fetched: seen.fetched, new: seen.new, ...done };
    },
  };
}
