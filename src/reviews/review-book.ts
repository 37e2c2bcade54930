/**
 * The review book: the platform's neutral and bad reviews kept locally, each ONE piece of work with a state
 * (review-state.ts), so the order page and the handover show it without asking the platform. People record calls,
 * queue the repair message (phone first, only in a repair window), resolve or give up; a refresh notices a review
 * the buyer changed. Nothing here sends a message by itself.
 */
import type { EnqueueRequest, EnqueueResult } from '../messaging/index.js';
import { MESSAGE_REASON_LABELS } from '../messaging/index.js';
import type { Review } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { DAY, toInstant, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { createReviewRepository, reviewId } from './review-repository.js';
import {
  assertMayMessage,
  buyerChanged,
  close,
  FINAL_STATES,
  messaged,
  recordCall,
  type Actor,
  type CallOutcome,
  type StoredReview,
} from './review-state.js';
import { nextWindow, windowAt, windowText, windowWhen, type RepairWindow } from './review-windows.js';

/** What the book needs of messaging: its enqueue, so the template's compliance lint and the send policy apply. */
export interface ReviewMessages {
  enqueue(req: EnqueueRequest): Promise<EnqueueResult>;
}

export interface ReviewBookDeps {
  store: Store;
  clock: Clock;
  /** Reviews of this many days are read from the platform. */
  windowDays: number;
  /** The repair windows (config.jobs.reviewWindows). */
  windows: readonly RepairWindow[];
  messages?: ReviewMessages;
}

const byCreated = (a: StoredReview, b: StoredReview) => (a.review.createdAt < b.review.createdAt ? -1 : 1);

export function createReviewBook(deps: ReviewBookDeps) {
  const { clock } = deps;
  const repo = createReviewRepository(deps.store);
  const now = () => toInstant(clock.now());
  const find = (id: string): StoredReview => {
    const r = repo.get(id);
    if (!r)
      throw new NotFoundError({ message: '没有找到这条评价，请刷新后重试', code: 'review_not_found', params: { id } });
    return r;
  };
  /** Reviews still being worked, oldest first. */
  const open = (): StoredReview[] => [...repo.all()].filter((r) => !FINAL_STATES.has(r.state)).sort(byCreated);
  const change = async (id: string, fn: (r: StoredReview) => StoredReview) => {
    find(id);
    return (await repo.update(id, fn))!;
  };

  return {
    windows: deps.windows,
    /**
     * Reads the platform's neutral/bad reviews of the last `windowDays` and keeps the new ones. A stored review still
     * being worked that the platform no longer lists in that span (or lists as good) was changed by the buyer.
     */
    async refresh(platform: Pick<ShopPlatform, 'negativeReviews'>) {
      const end = clock.now();
      const start = end - deps.windowDays * DAY;
      const listed = new Map<string, Review>();
      for await (const page of platform.negativeReviews({ start, end }))
        for (const r of page) listed.set(reviewId(r), r);
      const fresh = [...listed.values()].filter((r) => r.result !== 'good' && !repo.get(reviewId(r)));
      await repo.addNew(fresh, now());
      let changed = 0;
      for (const r of [...repo.all()]) {
        if (r.state === 'changed') continue;
        const created = Date.parse(r.review.createdAt);
        if (created < start || created > end) continue;
        const seen = listed.get(r.id);
        if (seen && seen.result !== 'good') continue;
        await repo.update(r.id, (x) => buyerChanged(x, now()));
        changed++;
      }
      const negative = [...listed.values()].filter((r) => r.result !== 'good').length;
      return { fetched: negative, new: fresh.length, changed, open: open().length };
    },
    /**
     * Keeps the new neutral/bad reviews given since `since` (one short read, for a pushed rating message): the full
     * refresh, which also finds reviews buyers changed, stays with the review jobs.
     */
    async addRecent(platform: Pick<ShopPlatform, 'negativeReviews'>, since: number) {
      const fresh = new Map<string, Review>();
      for await (const page of platform.negativeReviews({ start: since, end: clock.now() }))
        for (const r of page) if (r.result !== 'good' && !repo.get(reviewId(r))) fresh.set(reviewId(r), r);
      await repo.addNew([...fresh.values()], now());
      return { new: fresh.size };
    },
    get: (id: string) => repo.get(id),
    open,
    all: (): StoredReview[] => [...repo.all()].sort(byCreated),
    forOrder: (tid: string): StoredReview[] => [...repo.all()].filter((r) => r.review.tid === tid).sort(byCreated),
    recordCall: (id: string, by: Actor, outcome: CallOutcome, note: string) =>
      change(id, (r) => recordCall(r, { at: now(), by: by.username, byName: by.displayName, outcome, note })),
    resolve: (id: string, by: Actor, note: string) => change(id, (r) => close(r, 'resolved', by, note, now())),
    giveUp: (id: string, by: Actor, note: string) => change(id, (r) => close(r, 'given_up', by, note, now())),
    /**
     * The repair message, after an unanswered call and inside a repair window, from the review-repair template.
     * Refused for a blank (`resolution`): the review keeps what is missing and stays open, a task to fill it in.
     */
    async queueMessage(id: string, by: Actor, values: Record<string, string>) {
      const r = find(id);
      assertMayMessage(r);
      const at = clock.now();
      if (!windowAt(deps.windows, at)) {
        const next = nextWindow(deps.windows, at);
        throw new ConflictError({
          message: `现在不在中差评处理时段（${deps.windows.map(windowText).join('、')}），${next ? `下一个时段是 ${windowWhen(next)}` : '没有设置处理时段'}`,
          code: 'outside_repair_window',
          params: { next: next ? toInstant(next.start) : '' },
        });
      }
      if (!deps.messages)
        throw new ConflictError({ message: '消息发送没有配置，请联系管理员', code: 'messaging_not_wired' });
      const v = r.review;
      const result = await deps.messages.enqueue({
        kind: 'review-repair',
        tid: v.tid,
        buyerNick: v.buyerNick,
        reason: `review:${r.id}`,
        values,
        user: by,
      });
      if (result.queued) return { review: await change(id, (x) => messaged(x, by, result.message.id, toInstant(at))) };
      if (result.reason === 'missing_values') {
        const missing = (result.missing ?? []).map((p) => ({ name: p.name, label: p.label }));
        await change(id, (x) => ({ ...x, missingValues: missing }));
        throw new ValidationError({
          // The template's label names the blank for a person; the field and params name it for the page.
          message: `短信还缺：${missing.map((m) => m.label).join('、')}，请填写后再发`,
          code: 'missing_values',
          field: missing[0]?.name,
          params: { missing: missing.map((m) => m.name).join(',') },
        });
      }
      throw new ConflictError({
        message: `短信没有排队：${MESSAGE_REASON_LABELS[result.reason] ?? result.reason}`,
        code: 'message_refused',
        params: { reason: result.reason },
      });
    },
  };
}

export type ReviewBook = ReturnType<typeof createReviewBook>;
