/**
 * Everything leaving for a buyer is checked, over HTTP with real logins: a typed value (a review repair's 解决办法)
 * and a quick reply's answer are refused in Chinese naming the phrase, its category and a compliant wording; the
 * keeper extends the list (who/when from the login) and the new phrase refuses at once; a message queued before the
 * phrase was added is held at send time, never sent.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixedOrder } from '../templates/fixtures.js';
import { startMessagingApp } from '../support/http-harness.js';
import { UNPAID_TID } from '../support/world.js';

/** 20:10, inside the review-repair window, with the order finished (a review can be repaired). */
async function shop() {
  const h = await startMessagingApp({ now: '2026-11-23T20:10:00.000+08:00' });
  await h.orders.upsertMany([
    fixedOrder({
      status: 'TRADE_FINISHED',
      paidAt: '2026-11-20T10:00:00.000+08:00',
      modifiedAt: '2026-11-23T20:00:00.000+08:00',
    }),
  ]);
  return h;
}

const repair = (resolution: string, over: Record<string, unknown> = {}) => ({
  kind: 'review-repair',
  tid: UNPAID_TID,
  values: { resolution },
  ...over,
});
/** A message a person may queue from the messages route with a value typed: the refund notice. */
const refund = (refundAmount: string, over: Record<string, unknown> = {}) => ({
  kind: 'refund-registered',
  tid: UNPAID_TID,
  values: { refundAmount },
  ...over,
});

describe('POST /api/messages: what a person types is checked', () => {
  for (const [resolution, phrase, category] of [
    ['给您好评返现10元', '好评返现', 'review-reward'],
    ['加微信 abc123 给您退款', '加微信', 'off-platform'],
    ['您改成好评我们给您补偿', '改成好评', 'review-change'],
    ['这是全网最低价', '全网最低', 'absolute-word'],
  ] as const)
    it(`when the resolution says “${resolution}”, then 400 names “${phrase}”, its category and a compliant wording, and nothing is queued`, async () => {
      const h = await shop();
      const res = await h.as('xiaoli').post('/messages', repair(resolution));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'non_compliant_value',
        field: 'values.resolution',
        params: { phrase, category },
      });
      expect(res.body.error.message).toContain(`“${phrase}”`);
      expect(res.body.error.message).toContain('可以这样说');
      expect(res.body.error.message).not.toMatch(/[A-Za-z]{3,}/);
      expect((await h.as('xiaoli').get('/messages')).body.total).toBe(0);
    });

  it('when the contract’s review repair carries 好评返现 or 加微信, even spaced out, then both are refused; a caring one is queued', async () => {
    const h = await shop();
    const cash = await h.as('xiaoli').post('/messages', repair('好 评 返 现'));
    expect(cash.body.error.params).toMatchObject({
      phrase: '好评返现',
      suggestion: '如有不满意请联系客服，我们会尽力解决',
    });
    const wechat = await h.as('xiaoli').post('/messages', repair('加Ｖ信聊'));
    expect([wechat.status, wechat.body.error.params.phrase]).toEqual([400, 'v信']);
    const fine = await h.as('xiaoli').post('/messages', refund('12.50元'));
    expect(fine.status).toBe(201);
  });

  it('when a review repair without a forbidden phrase is posted here, then it is refused: it goes out from the review, phone first', async () => {
    const h = await shop();
    const res = await h.as('xiaoli').post('/messages', repair('给您免费补发一份'));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'kind_has_workflow', params: { kind: 'review-repair' } });
    expect(res.body.error.message).toContain('先打电话');
    expect((await h.as('xiaoli').get('/messages')).body.total).toBe(0);
  });

  it('when a person previews a text with a phrase, then the preview lists it without storing anything', async () => {
    const h = await shop();
    const res = await h.as('xiaoli').post('/messages', repair('私下转账给您退款', { preview: true }));
    expect(res.body.nonCompliant).toEqual([expect.objectContaining({ phrase: '私下转账', category: 'off-platform' })]);
  });
});

describe('quick replies: what a person fills in is checked', () => {
  it('when /sh2’s compensation says 删差评, then the render is refused naming it and no use is counted', async () => {
    const h = await shop();
    const res = await h.as('xiaoli').post('/quick-replies/%2Fsh2/render', {
      tid: UNPAID_TID,
      values: { compensation: '5元，麻烦您删差评' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'non_compliant_value',
      field: 'values.compensation',
      params: { phrase: '删差评', category: 'review-change' },
    });
    expect((await h.as('admin').get('/quick-replies/usage')).body.usage).toEqual([]);
    const ok = await h
      .as('xiaoli')
      .post('/quick-replies/%2Fsh2/render', { tid: UNPAID_TID, values: { compensation: '5元' } });
    expect(ok.status).toBe(200);
  });

  it('when a quick reply’s answer carries 加微信 or 好评返现, then it is refused too', async () => {
    const h = await shop();
    for (const [value, phrase] of [
      ['加微信领', '加微信'],
      ['好评返现5元', '好评返现'],
    ])
      expect(
        (await h.as('xiaoli').post('/quick-replies/%2Fsh2/render', { values: { compensation: value } })).body.error
          .params.phrase,
      ).toBe(phrase);
  });
});

describe('the phrase list: the keeper extends it', () => {
  const del = async (h: Awaited<ReturnType<typeof shop>>, user: string, id: string) =>
    request(h.app)
      .delete(`/api/compliance-phrases/${encodeURIComponent(id)}`)
      .set('Authorization', `Bearer ${await h.token(user)}`);

  it('when the keeper adds a phrase, then it is stored with her name and time from the login, and refuses afterwards', async () => {
    const h = await shop();
    const before = await h.as('xiaoli').post('/messages', refund('12.50元，给您送运费险'));
    expect(before.status).toBe(201);
    const added = await h.as('xiaozhou').post('/compliance-phrases', {
      phrase: '送运费险',
      category: 'review-reward',
      suggestion: '有问题随时联系我们',
      addedBy: { username: 'admin', displayName: '管理员' },
    });
    expect(added.status).toBe(201);
    expect(added.body.phrase).toMatchObject({
      phrase: '送运费险',
      category: 'review-reward',
      source: 'keeper',
      addedBy: { username: 'xiaozhou', displayName: '小周' },
      addedAt: '2026-11-23T20:10:00.000+08:00',
    });
    const after = await h
      .as('xiaoli')
      .post('/messages', repair('再给您送 运费险', { dueAt: '2026-11-23T20:30:00+08:00' }));
    expect(after.status).toBe(400);
    expect(after.body.error.params).toEqual({
      phrase: '送运费险',
      category: 'review-reward',
      suggestion: '有问题随时联系我们',
    });
    const list = await h.as('xiaoli').get('/compliance-phrases');
    expect(list.body.categories).toEqual(['review-reward', 'review-change', 'off-platform', 'absolute-word']);
    expect(list.body.phrases.filter((p: { source: string }) => p.source === 'keeper')).toHaveLength(1);
    expect(list.body.phrases.some((p: { phrase: string }) => p.phrase === '好评返现')).toBe(true);

    // Removed, it no longer refuses; the built-in phrases cannot be removed.
    const removed = await del(h, 'admin', added.body.phrase.id);
    expect(removed.status).toBe(200);
    expect((await h.as('xiaoli').post('/compliance-phrases/check', { text: '再给您送运费险' })).body.ok).toBe(true);
    const builtin = await del(h, 'xiaozhou', 'builtin:好评返现');
    expect([builtin.status, builtin.body.error.message]).toEqual([
      409,
      '系统自带的说法不能删除，只能删除店里自己添加的',
    ]);
  });

  it('when staff or the assistant try to add or remove, then 403; a duplicate, a bad category or one letter are refused in Chinese', async () => {
    const h = await shop();
    for (const user of ['xiaoli', 'azhang'])
      expect(
        (await h.as(user).post('/compliance-phrases', { phrase: '送礼品', category: 'review-reward' })).status,
      ).toBe(403);
    expect((await del(h, 'xiaoli', 'builtin:返现')).status).toBe(403);
    const dup = await h.as('admin').post('/compliance-phrases', { phrase: '加 微 信', category: 'off-platform' });
    expect([dup.status, dup.body.error.message]).toEqual([
      409,
      '“加微信”已经在列表里了（引导到平台外（微信、QQ、换手机号、私下转账））',
    ]);
    const bad = await h.as('admin').post('/compliance-phrases', { phrase: '送礼品', category: 'gifts' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('类别');
    const short = await h.as('admin').post('/compliance-phrases', { phrase: '送！', category: 'review-reward' });
    expect([short.status, short.body.error.field]).toEqual([400, 'phrase']);
  });

  it('when a text is checked before sending, then the findings come back for every role', async () => {
    const h = await shop();
    const res = await h.as('azhang').post('/compliance-phrases/check', { text: '有事加 Q Q 联系' });
    expect(res.body).toMatchObject({ ok: false, findings: [{ phrase: 'qq', category: 'off-platform' }] });
    expect((await h.as('azhang').post('/compliance-phrases/check', { text: '有消息第一时间告诉您' })).body).toEqual({
      ok: true,
      findings: [],
    });
  });
});

describe('at send time', () => {
  it('when a phrase is added after a message was queued, then the dispatcher holds it for a person and never sends it', async () => {
    const h = await shop();
    const queued = await h
      .as('xiaoli')
      .post('/messages', refund('12.50元，再送运费险', { dueAt: '2026-11-23T20:40:00+08:00' }));
    expect(queued.status).toBe(201);
    expect(queued.body.message.state).toBe('queued');
    await h.as('xiaozhou').post('/compliance-phrases', { phrase: '送运费险', category: 'review-reward' });

    h.clock.set('2026-11-23T20:41:00.000+08:00');
    expect(await h.module.service.dispatchDue()).toMatchObject({ due: 1, held: 1, outbox: 0, sent: 0 });
    const id = queued.body.message.id as string;
    const detail = await h.as('xiaoli').get(`/messages/${id}`);
    expect(detail.body.message).toMatchObject({ state: 'held', stateReason: 'non_compliant', lastError: '送运费险' });
    expect(detail.body.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['held']);
    // Held, it is not confirmed as sent by anyone, and the next runs leave it alone.
    const mark = await h.as('xiaoli').post(`/messages/${id}/sent`);
    expect([mark.status, mark.body.error.code]).toEqual([409, 'held_non_compliant']);
    expect(await h.module.service.dispatchDue()).toMatchObject({ due: 0, sent: 0, outbox: 0 });
    expect((await h.as('xiaoli').get('/messages?state=outbox,sent')).body.total).toBe(0);
  });

  it('when a job queues a text a phrase catches, then it is kept held with the phrase, not queued', async () => {
    const h = await shop();
    await h.as('admin').post('/compliance-phrases', { phrase: '免费补发', category: 'review-change' });
    const r = await h.module.service.enqueue({
      kind: 'review-repair',
      tid: UNPAID_TID,
      reason: 'job',
      values: { resolution: '免费补发一份' },
    });
    expect(r).toMatchObject({ queued: false, reason: 'non_compliant', detail: '免费补发', message: { state: 'held' } });
  });
});
