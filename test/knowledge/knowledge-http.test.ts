/**
 * /api/knowledge and /api/suggest on the sandbox shop: everyone searches and gets suggestions, only the keeper and
 * the admin write entries (history from the login), a logged question answered by the keeper notifies its asker.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceRig } from '../support/service-rig.js';

let rig: Awaited<ReturnType<typeof serviceRig>>;
let staff: string;
let keeper: string;
let assistant: string;

beforeAll(async () => {
  rig = await serviceRig();
  [staff, keeper, assistant] = await Promise.all([rig.login('xiaoli'), rig.login('xiaozhou'), rig.login('azhang')]);
}, 60_000);
afterAll(async () => rig.close());

const api = () => request(rig.svc.url);
const as = (token: string) => ({ authorization: `Bearer ${token}` });

/** A sandbox order whose platform status is one of `statuses`. */
async function orderIn(...statuses: string[]): Promise<string> {
  const res = await api()
    .get(`/api/orders?status=${statuses.join(',')}&pageSize=5`)
    .set(as(staff))
    .expect(200);
  expect(res.body.orders.length).toBeGreaterThan(0);
  return res.body.orders[0].tid as string;
}

describe('the knowledge base over HTTP', () => {
  it('when staff search in buyers’ words (褪色, mixed pinyin), then the seeded answers come back best first', async () => {
    const fade = await api().get('/api/knowledge').query({ q: '洗了一次褪色好严重' }).set(as(staff)).expect(200);
    expect(fade.body.entries[0]).toMatchObject({ id: 'fade', category: 'quality' });
    expect(fade.body.entries[0].matched).toContain('掉色');
    const ret = await api().get('/api/knowledge').query({ q: 'zenme tuihuo' }).set(as(staff)).expect(200);
    expect(ret.body.entries[0].id).toBe('return-how');
    const all = await api().get('/api/knowledge').set(as(staff)).expect(200);
    expect(all.body.total).toBeGreaterThanOrEqual(30);
    expect(all.body.entries[0].history).toBeUndefined();
  });

  it('when staff or the assistant try to write an entry, then 403; the keeper writes and edits it, with who and before/after', async () => {
    const body = {
      question: '可以寄到国外吗？',
      answer: '目前只发中国大陆地区。',
      category: 'shipping',
      tags: ['国外'],
    };
    for (const t of [staff, assistant]) {
      const res = await api().post('/api/knowledge').set(as(t)).send(body).expect(403);
      expect(res.body.error.message).toMatch(/权限|店长/);
    }
    const made = await api().post('/api/knowledge').set(as(keeper)).send(body).expect(201);
    const id = made.body.entry.id as string;
    await api().put(`/api/knowledge/${id}`).set(as(staff)).send(body).expect(403);
    const edited = await api()
      .put(`/api/knowledge/${id}`)
      .set(as(keeper))
      .send({ ...body, answer: '目前只发中国大陆，港澳台和海外暂不发货。' })
      .expect(200);
    expect(edited.body.entry.history).toHaveLength(2);
    expect(edited.body.entry.history[1]).toMatchObject({
      by: 'xiaozhou',
      byName: '小周',
      action: 'edit',
      before: { answer: '目前只发中国大陆地区。' },
      after: { answer: '目前只发中国大陆，港澳台和海外暂不发货。' },
    });
    const found = await api().get('/api/knowledge').query({ q: '能寄国外不' }).set(as(staff)).expect(200);
    expect(found.body.entries[0].id).toBe(id);
    await api().delete(`/api/knowledge/${id}`).set(as(keeper)).expect(200);
    const gone = await api().get(`/api/knowledge/${id}`).set(as(staff)).expect(404);
    expect(gone.body.error.message).toMatch(/没有找到/);
  });

  it('when an entry is written with a category off the list, then 400 names the field in Chinese', async () => {
    const res = await api()
      .post('/api/knowledge')
      .set(as(keeper))
      .send({ question: '问', answer: '答', category: 'food', tags: [] })
      .expect(400);
    expect(res.body.error.field).toBe('category');
    expect(res.body.error.message).toMatch(/分类/);
  });

  it('when 小丽 logs a question nobody answered and the keeper answers it, then she finds the answer in 我的任务', async () => {
    const tid = await orderIn('TRADE_BUYER_SIGNED', 'TRADE_FINISHED', 'WAIT_BUYER_CONFIRM_GOODS');
    const logged = await api()
      .post('/api/knowledge/unanswered')
      .set(as(staff))
      .send({ question: '羽绒服钻绒正常吗', tid })
      .expect(201);
    expect(logged.body.question).toMatchObject({ askedBy: 'xiaoli', askedByName: '小丽', state: 'open', tid });
    const open = await api().get('/api/knowledge/unanswered').set(as(keeper)).expect(200);
    expect(open.body.questions.map((q: { id: string }) => q.id)).toContain(logged.body.question.id);
    await api()
      .post(`/api/knowledge/unanswered/${logged.body.question.id}/answer`)
      .set(as(staff))
      .send({ entryId: 'defect' })
      .expect(403);
    const answered = await api()
      .post(`/api/knowledge/unanswered/${logged.body.question.id}/answer`)
      .set(as(keeper))
      .send({
        question: '羽绒服钻绒正常吗？',
        answer: '少量钻绒正常，大量钻绒按质量问题处理。',
        category: 'quality',
        tags: ['钻绒'],
      })
      .expect(200);
    expect(answered.body.question).toMatchObject({ state: 'answered', answeredBy: 'xiaozhou' });
    const notes = await api().get('/api/tasks/notifications').set(as(staff)).expect(200);
    const note = notes.body.notifications.find((n: { message: string }) => n.message.includes('羽绒服钻绒正常吗'));
    expect(note).toMatchObject({ tid, link: `#/knowledge?entry=${answered.body.entry.id}` });
    expect(note.message).toContain('小周');
  });

  it('when the buyer’s words are pasted for an unpaid and a signed order, then three suggestions come back rendered for that order', async () => {
    const unpaid = await orderIn('WAIT_BUYER_PAY');
    const pay = await api().post('/api/suggest').set(as(staff)).send({ text: '在吗', tid: unpaid }).expect(200);
    expect(pay.body.stage).toBe('unpaid');
    expect(pay.body.suggestions).toHaveLength(3);
    expect(pay.body.suggestions.map((s: { category: string }) => s.category)).toContain('payment');
    const signed = await orderIn('TRADE_BUYER_SIGNED', 'TRADE_FINISHED');
    const res = await api()
      .post('/api/suggest')
      .set(as(staff))
      .send({ text: '码数偏小 想换大一码', tid: signed })
      .expect(200);
    expect(res.body.stage).toBe('signed');
    expect(res.body.suggestions[0]).toMatchObject({ kind: 'entry', id: 'exchange-size' });
    for (const s of res.body.suggestions) expect(s.text.length).toBeGreaterThan(10);
    const hello = await api().post('/api/suggest').set(as(staff)).send({ text: '你好 客服在吗 问候一下', tid: signed });
    const greeting = hello.body.suggestions.find((s: { id: string }) => s.id === 'greeting');
    expect(greeting?.text).toContain('小丽'); // rendered with the logged-in person as the signature
    const usage = await api().get('/api/quick-replies/usage').set(as(staff)).expect(200);
    expect(usage.body.usage.filter((u: { username: string }) => u.username === 'xiaoli')).toEqual([]);
  });

  it('when GET /api/labels is read, then it names the categories, question states and order stages', async () => {
    const res = await api().get('/api/labels').set(as(staff)).expect(200);
    expect(res.body.knowledgeCategories).toMatchObject({ size: '尺码与合身', quality: '质量瑕疵' });
    expect(res.body.unansweredStates).toEqual({ open: '待回答', answered: '已回答' });
    expect(res.body.orderStages.signed).toBe('已签收');
  });
});
