/**
 * /api/reviews through the real app, logins and messaging module (its review-repair template, compliance lint and
 * send policy): a message is refused before an unanswered call, outside the repair windows (saying when the next
 * one is) and for a missing value (named, the review staying open as a task); it is queued after "no answer" inside
 * a window. The person acting is the login, never a body field.
 */
import { describe, expect, it } from 'vitest';
import { defaultJobsConfig } from '../../src/operations/jobs-config.js';
import type { Review } from '../../src/orders/order.js';
import { createReviewBook } from '../../src/reviews/review-book.js';
import { reviewsRouter } from '../../src/reviews/reviews-router.js';
import { apiApp } from '../support/api-app.js';
import { SHIPPED_BUYER, SHIPPED_TID, world } from '../messaging/support/world.js';

const ID = `${SHIPPED_TID}:${SHIPPED_TID}-1`;

async function rig(now: string) {
  const w = await world({ now });
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
    content: '颜色和图片不一样',
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
  return { ...w, book, xiaoli: as('xiaoli') };
}

describe('/api/reviews', () => {
  it('when no call went unanswered yet, then a message is refused in Chinese and nothing is queued', async () => {
    const { xiaoli, book } = await rig('2026-11-23T11:10:00.000+08:00');
    const res = await xiaoli.post(`/reviews/${ID}/message`, { values: { resolution: '免费补发一份' } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'call_first', message: expect.stringContaining('请先打电话') });
    await xiaoli
      .post(`/reviews/${ID}/calls`, { outcome: 'reached', note: '买家说再看看' })
      .then((r) => expect(r.status).toBe(201));
    const after = await xiaoli.post(`/reviews/${ID}/message`, { values: { resolution: '免费补发一份' } });
    expect(after.body.error.message).toMatch('最近一次电话已接通');
    expect(book.get(ID)).toMatchObject({ state: 'called', message: null });
  });

  it('when the call was not answered but it is outside the windows, then the message is refused saying when the next window is', async () => {
    const { xiaoli, book } = await rig('2026-11-23T12:30:00.000+08:00');
    await xiaoli.post(`/reviews/${ID}/calls`, { outcome: 'no_answer' });
    const res = await xiaoli.post(`/reviews/${ID}/message`, { values: { resolution: '免费补发一份' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('outside_repair_window');
    expect(res.body.error.message).toMatch('下一个时段是 11-23 15:00–16:30');
    expect(book.get(ID)?.state).toBe('called');
  });

  it('when the message lacks the resolution, then it is refused naming it and the review stays open with the blank to fill', async () => {
    const { xiaoli, book } = await rig('2026-11-23T15:10:00.000+08:00');
    await xiaoli.post(`/reviews/${ID}/calls`, { outcome: 'no_answer' });
    const res = await xiaoli.post(`/reviews/${ID}/message`, {});
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'missing_values', field: 'resolution' });
    expect(res.body.error.message).toBe('短信还缺：解决办法，请填写后再发');
    expect(res.body.error.params).toEqual({ missing: 'resolution' });
    expect(book.get(ID)).toMatchObject({ state: 'called', missingValues: [{ name: 'resolution' }], message: null });
    const open = await xiaoli.get('/reviews');
    expect(open.body.reviews.map((r: { id: string; stateText: string }) => [r.id, r.stateText])).toEqual([
      [ID, '已打电话（未接通）'],
    ]);
  });

  it('when the call went unanswered and it is a window and the values are given, then the message is queued and the review is 已发短信', async () => {
    const { xiaoli, book } = await rig('2026-11-23T15:10:00.000+08:00');
    const call = await xiaoli.post(`/reviews/${ID}/calls`, { outcome: 'no_answer', note: '响了很久没人接' });
    expect(call.body.review.calls).toEqual([
      {
        at: '2026-11-23T15:10:00.000+08:00',
        by: 'xiaoli',
        byName: '小丽',
        outcome: 'no_answer',
        note: '响了很久没人接',
      },
    ]);
    const res = await xiaoli.post(`/reviews/${ID}/message`, { values: { resolution: '免费补发一件同款' } });
    expect(res.status).toBe(201);
    expect(res.body.review).toMatchObject({ state: 'messaged', stateText: '已发短信', message: { by: 'xiaoli' } });
    const message = await xiaoli.get(`/messages/${res.body.review.message.messageId}`);
    expect(message.body.message).toMatchObject({ kind: 'review-repair', tid: SHIPPED_TID, reason: `review:${ID}` });
    expect(message.body.message.text).toMatch('免费补发一件同款');
    expect(book.get(ID)?.missingValues).toEqual([]);
  });

  it('when someone names another person or gives up without a note, then it is refused; resolving closes the review', async () => {
    const { xiaoli, book } = await rig('2026-11-23T20:10:00.000+08:00');
    const other = await xiaoli.post(`/reviews/${ID}/calls`, { outcome: 'no_answer', by: 'azhang' });
    expect(other.status).toBe(400);
    expect((await xiaoli.post(`/reviews/${ID}/give-up`, {})).body.error.message).toBe('请填写备注');
    const giveUp = await xiaoli.post(`/reviews/${ID}/give-up`, { note: '  ' });
    expect(giveUp.status).toBe(400);
    expect(giveUp.body.error).toMatchObject({ field: 'note', message: '请填写备注' });
    const resolved = await xiaoli.post(`/reviews/${ID}/resolve`, { note: '买家同意改评' });
    expect(resolved.body.review).toMatchObject({ state: 'resolved', closedBy: 'xiaoli', note: '买家同意改评' });
    expect(book.open()).toEqual([]);
    const again = await xiaoli.post(`/reviews/${ID}/calls`, { outcome: 'reached' });
    expect(again.status).toBe(409);
  });
});
