/**
 * POST /api/messages/:id/values and /dismiss with real logins: a job's message waiting for a value (待补充) is filled
 * and sent, or closed with the person's name; refusals are Chinese, by field; every role may do both.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixedOrder } from '../templates/fixtures.js';
import { startMessagingApp } from '../support/http-harness.js';
import { UNPAID_TID } from '../support/world.js';

const ROLES = ['xiaoli', 'azhang', 'xiaozhou', 'admin'] as const;

/** At 20:10, inside the review-repair window, with a review repair the job could not fill. */
async function withWaitingMessage() {
  const h = await startMessagingApp({ now: '2026-11-23T20:10:00.000+08:00' });
  await h.orders.upsertMany([
    fixedOrder({
      status: 'TRADE_FINISHED',
      paidAt: '2026-11-20T10:00:00.000+08:00',
      modifiedAt: '2026-11-23T20:00:00.000+08:00',
    }),
  ]);
  const held = await h.module.service.enqueue({ kind: 'review-repair', tid: UNPAID_TID, reason: '差评修复' });
  const id = held.message!.id;
  return { h, id };
}

describe('filling and dismissing a message that waits for a value', () => {
  it('when nobody is logged in, then both routes answer 401', async () => {
    const { h, id } = await withWaitingMessage();
    await request(h.app).post(`/api/messages/${id}/values`).send({ values: {} }).expect(401);
    await request(h.app).post(`/api/messages/${id}/dismiss`).send({}).expect(401);
  });

  it('when it is listed, then it shows as needs_values with the value to fill', async () => {
    const { h, id } = await withWaitingMessage();
    const list = await h.as('xiaoli').get('/messages?state=needs_values');
    expect(list.body).toMatchObject({
      total: 1,
      messages: [{ id, state: 'needs_values', missing: [{ name: 'resolution', label: '解决办法' }] }],
    });
  });

  it('when staff fill the value, then it is sent at once with their name; a second fill is a Chinese conflict', async () => {
    const { h, id } = await withWaitingMessage();
    const res = await h.as('xiaoli').post(`/messages/${id}/values`, { values: { resolution: '给您免费补发一份' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      queued: true,
      message: { id, state: 'outbox', filledBy: { username: 'xiaoli', displayName: '小丽' } },
    });
    expect(res.body.message.text).toContain('客服小丽');
    const again = await h.as('xiaoli').post(`/messages/${id}/values`, { values: { resolution: '再补一份' } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'not_waiting_for_values',
      message: '这条消息待复制发送，不需要再补充内容',
    });
  });

  it('when the value is empty, not text, or the message unknown, then it is refused in Chinese naming what is wrong', async () => {
    const { h, id } = await withWaitingMessage();
    const empty = await h.as('xiaoli').post(`/messages/${id}/values`, { values: { resolution: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({
      code: 'values_missing',
      field: 'values.resolution',
      message: '还要填写：解决办法',
    });
    const shape = await h.as('xiaoli').post(`/messages/${id}/values`, { values: '补发' });
    expect(shape.status).toBe(400);
    expect(shape.body.error.message).toContain('填写项');
    expect(shape.body.error.message).not.toMatch(/[A-Za-z]{3,}/);
    const unknown = await h.as('xiaoli').post('/messages/msg-nope/values', { values: { resolution: '补发' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('没有找到这条消息，请刷新后重试');
    expect((await h.as('xiaoli').get(`/messages/${id}`)).body.message.state).toBe('needs_values');
  });

  it('when someone dismisses it, then it is cancelled with their name and note; a note too long is refused by 说明', async () => {
    const { h, id } = await withWaitingMessage();
    const long = await h.as('azhang').post(`/messages/${id}/dismiss`, { note: '长'.repeat(201) });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ field: 'note' });
    expect(long.body.error.message).toContain('说明');
    const res = await h.as('azhang').post(`/messages/${id}/dismiss`, { note: '买家已经电话里说好了' });
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({
      state: 'cancelled',
      stateReason: 'dismissed_by_staff',
      closedBy: { username: 'azhang', displayName: '阿张', note: '买家已经电话里说好了' },
    });
  });

  it('when each role fills or dismisses one, then every role may (the role table gives both to everyone)', async () => {
    for (const user of ROLES) {
      const { h, id } = await withWaitingMessage();
      expect((await h.as(user).post(`/messages/${id}/dismiss`, {})).status).toBe(200);
      const other = await withWaitingMessage();
      const filled = await other.h.as(user).post(`/messages/${other.id}/values`, { values: { resolution: '补发' } });
      expect(filled.status).toBe(200);
    }
  });
});
