/** /api/messages and /api/buyers with a real login: preview, enqueue, list, mark sent, opt-out. */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { startMessagingApp } from '../support/http-harness.js';
import { BUYER, NOW, SHIPPED_TID, UNPAID_TID } from '../support/world.js';

const SHIPPED_TEXT =
  '亲，您在拾光衣橱买的纯棉短袖T恤等3件商品已经发货啦！快递：顺丰速运 SF1402023456789，可以在订单详情里查看物流。收到后有任何问题随时找我们~';

describe('messages API', () => {
  it('when nobody is logged in, then the message routes answer 401', async () => {
    const h = await startMessagingApp();
    await request(h.app).get('/api/messages').expect(401);
    await request(h.app).post(`/api/buyers/${BUYER}/opt-out`).expect(401);
  });

  it('when staff preview a shipped notice, then they get the exact text and the send time, and nothing is stored', async () => {
    const h = await startMessagingApp();
    const res = await h.as('xiaoli').post('/messages', { kind: 'logistics-shipped', tid: SHIPPED_TID, preview: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      preview: true,
      text: SHIPPED_TEXT,
      missingPrompts: [],
      usedFallbacks: [],
      channel: 'outbox',
      sendAt: NOW,
      window: 'normal',
      refusal: null,
      nonCompliant: [],
    });
    expect((await h.as('xiaoli').get('/messages')).body).toEqual({ total: 0, messages: [] });
  });

  it('when staff enqueue, list, and mark a message sent, then it goes through the outbox and the log shows each step', async () => {
    const h = await startMessagingApp();
    const created = await h.as('xiaoli').post('/messages', { kind: 'logistics-shipped', tid: SHIPPED_TID });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      queued: true,
      message: { state: 'outbox', text: SHIPPED_TEXT, createdBy: 'xiaoli', reason: 'staff:xiaoli' },
    });
    const id = created.body.message.id as string;

    const outbox = await h.as('azhang').get('/messages?state=outbox');
    expect(outbox.body).toMatchObject({ total: 1, messages: [{ id, tid: SHIPPED_TID }] });
    expect((await h.as('azhang').get('/messages?state=sent')).body.total).toBe(0);
    expect((await h.as('azhang').get(`/messages?tid=${UNPAID_TID}`)).body.total).toBe(0);

    const marked = await h.as('azhang').post(`/messages/${id}/sent`);
    expect(marked.status).toBe(200);
    expect(marked.body.message).toMatchObject({ state: 'sent', sentBy: 'azhang' });

    const detail = await h.as('xiaoli').get(`/messages/${id}`);
    expect(detail.body.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['outbox', 'sent']);
  });

  it('when the same kind is enqueued twice for an order, then the second answers the refusal as a value with the first message', async () => {
    const h = await startMessagingApp();
    const first = await h.as('xiaoli').post('/messages', { kind: 'logistics-shipped', tid: SHIPPED_TID });
    const again = await h.as('xiaoli').post('/messages', { kind: 'logistics-shipped', tid: SHIPPED_TID });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ queued: false, reason: 'duplicate', message: { id: first.body.message.id } });
  });

  it('when staff enqueue at night, then the message is queued for 09:00 instead of going out', async () => {
    const h = await startMessagingApp({ now: '2026-11-23T22:15:00.000+08:00' });
    const res = await h.as('xiaoli').post('/messages', { kind: 'payment-reminder-first', tid: UNPAID_TID });
    expect(res.status).toBe(201);
    expect(res.body.message).toMatchObject({
      state: 'queued',
      dueAt: '2026-11-24T09:00:00.000+08:00',
      stateReason: 'quiet_hours',
    });
  });

  it('when the request is bad or the order unknown, then 400 names the field and 404 names the order', async () => {
    const h = await startMessagingApp();
    const bad = await h.as('xiaoli').post('/messages', { kind: 'haggle', tid: UNPAID_TID });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('kind');
    expect((await h.as('xiaoli').post('/messages', { kind: 'logistics-stuck' })).body.error.field).toBe('tid');
    expect((await h.as('xiaoli').post('/messages', { kind: 'logistics-stuck', tid: '999' })).status).toBe(404);
    expect((await h.as('xiaoli').get('/messages?state=lost')).status).toBe(400);
    expect((await h.as('xiaoli').post('/messages/msg-nope/sent')).status).toBe(404);
  });

  it('when staff opt a buyer out, then waiting messages are cancelled and new ones are refused', async () => {
    const h = await startMessagingApp({ now: '2026-11-23T22:15:00.000+08:00' });
    await h.as('xiaoli').post('/messages', { kind: 'payment-reminder-first', tid: UNPAID_TID });
    const res = await h.as('xiaoli').post(`/buyers/${BUYER}/opt-out`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ optOut: { nick: BUYER, by: 'xiaoli', source: 'staff' }, cancelled: 1 });
    expect((await h.as('xiaoli').get(`/buyers/${BUYER}/opt-out`)).body).toEqual({ nick: BUYER, optedOut: true });
    const refused = await h.as('xiaoli').post('/messages', { kind: 'payment-reminder-last', tid: UNPAID_TID });
    expect(refused.body).toEqual({ queued: false, reason: 'opted_out' });
    expect((await h.as('xiaoli').get(`/messages?buyer=${BUYER}&state=cancelled`)).body.total).toBe(1);
  });
});
