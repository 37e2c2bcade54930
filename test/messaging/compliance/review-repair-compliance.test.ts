/**
 * A review repair queued from /api/reviews goes through messaging's enqueue, so the same check applies: the issue's
 * typed message (改成好评…返现…加微信…私下转账) is refused in Chinese naming the phrase, and the review stays open.
 */
import { describe, expect, it } from 'vitest';
import { defaultJobsConfig } from '../../../src/operations/jobs-config.js';
import type { Review } from '../../../src/orders/order.js';
import { createReviewBook } from '../../../src/reviews/review-book.js';
import { reviewsRouter } from '../../../src/reviews/reviews-router.js';
import { apiApp } from '../../support/api-app.js';
import { SHIPPED_BUYER, SHIPPED_TID, world } from '../support/world.js';

const ID = `${SHIPPED_TID}:${SHIPPED_TID}-1`;

/** 15:10, inside a repair window, with one bad review on the shipped order. */
async function rig() {
  const w = await world({ now: '2026-11-23T15:10:00.000+08:00' });
  const book = createReviewBook({
    store: w.store,
    clock: w.clock,
    windowDays: 30,
    windows: defaultJobsConfig().reviewWindows,
    messages: w.module.service,
  });
  const bad: Review = {
    tid: SHIPPED_TID,
    oid: `${SHIPPED_TID}-1`,
    buyerNick: SHIPPED_BUYER,
    result: 'bad',
    content: '尺码偏小',
    reply: '',
    itemTitle: '开衫',
    createdAt: '2026-11-22T21:00:00.000+08:00',
  };
  await book.refresh({
    async *negativeReviews() {
      yield [bad];
    },
  });
  const routes = [...w.module.routers, { path: '/reviews', router: reviewsRouter({ book }) }];
  const { as } = await apiApp({ store: w.store, clock: w.clock, routes });
  const xiaoli = as('xiaoli');
  await xiaoli.post(`/reviews/${ID}/calls`, { outcome: 'no_answer' });
  return { ...w, book, xiaoli };
}

describe('review repair texts are checked', () => {
  it('when the issue’s typed message is sent as the resolution, then 400 names 改成好评 and nothing is queued', async () => {
    const { xiaoli, book } = await rig();
    const res = await xiaoli.post(`/reviews/${ID}/message`, {
      values: { resolution: '您改成好评我们给您返现10元，加微信 abc123 私下转账' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'non_compliant_value',
      field: 'values.resolution',
      params: { phrase: '改成好评', category: 'review-change' },
    });
    expect(res.body.error.message).toMatch(/^内容里有不能发给买家的说法：“改成好评”/);
    expect(book.get(ID)).toMatchObject({ state: 'called', message: null });
    expect((await xiaoli.get('/messages')).body.total).toBe(0);
  });

  it('when the resolution offers a fix, then the repair is queued', async () => {
    const { xiaoli, book } = await rig();
    const res = await xiaoli.post(`/reviews/${ID}/message`, { values: { resolution: '免费给您换大一码' } });
    expect(res.status).toBe(201);
    expect(book.get(ID)?.state).not.toBe('called');
    expect((await xiaoli.get('/messages')).body.total).toBe(1);
  });
});
