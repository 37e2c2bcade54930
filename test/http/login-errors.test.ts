/** Login and session refusals as the login page and the CLI meet them: a code and one Chinese sentence. */
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { apiApp } from '../support/api-app.js';
import { englishWords } from '../support/english-words.js';

let h: Awaited<ReturnType<typeof apiApp>>;
beforeEach(async () => {
  h = await apiApp({ store: createMemoryStore(), clock: fixedClock('2026-11-23T10:00:00+08:00'), routes: [] });
});

type Answer = { status: number; body: { error?: { code: string; message: string; field?: string; params?: unknown } } };

function refusal(res: Answer, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const error = res.body.error!;
  expect(englishWords(error.message, error.params), error.message).toEqual([]);
  return error;
}

describe('login refusals in Chinese', () => {
  it('when the password is wrong, then 401 bad_credentials says 用户名或密码错误 and nothing else', async () => {
    const res = await request(h.app).post('/api/session').send({ username: 'xiaoli', password: 'wrong' });
    expect(refusal(res, 401)).toEqual({ code: 'bad_credentials', message: '用户名或密码错误' });
  });

  it('when a field is missing or too long, then the field is named 用户名 or 密码, not username', async () => {
    expect(refusal(await request(h.app).post('/api/session').send({ username: 'xiaoli' }), 400)).toEqual({
      code: 'field_required',
      field: 'password',
      message: '请填写密码',
      params: {},
    });
    const long = refusal(
      await request(h.app)
        .post('/api/session')
        .send({ username: 'x'.repeat(65), password: 'p' }),
      400,
    );
    expect(long).toMatchObject({
      code: 'field_too_long',
      field: 'username',
      message: '用户名最多64个字',
      params: { maximum: 64 },
    });
    const both = refusal(await request(h.app).post('/api/session').send({}), 400);
    expect(both).toMatchObject({ code: 'invalid_fields', message: '有2处需要修改：请填写用户名；请填写密码' });
  });

  it('when there is no session, a cookie write lacks the CSRF header or the address is unknown, then each is a Chinese refusal with its code', async () => {
    expect(refusal(await request(h.app).get('/api/me'), 401)).toMatchObject({
      code: 'unauthenticated',
      message: '未登录或登录已过期，请重新登录',
    });
    const login = await request(h.app)
      .post('/api/session')
      .send({ username: 'xiaoli', password: 'xiaoer-demo' })
      .expect(201);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect(refusal(await request(h.app).delete('/api/session').set('cookie', cookie), 403)).toMatchObject({
      code: 'csrf',
    });
    const missing = refusal(
      await request(h.app).get('/api/nowhere').set('authorization', `Bearer ${login.body.token}`),
      404,
    );
    expect(missing).toEqual({
      code: 'no_route',
      message: '没有这个接口，请刷新页面后重试',
      params: { method: 'GET', path: '/api/nowhere' },
    });
  });
});
