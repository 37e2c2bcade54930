/**
 * Login throttling through the real HTTP app: the client is the request's address (a proxy on this machine may
 * pass it on in X-Forwarded-For), and the admin sees and clears lockouts with /api/lockouts.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/accounts/accounts.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { apiApp } from '../support/api-app.js';

async function lockedOutRig() {
  const clock = fixedClock('2026-11-23T10:00:00+08:00');
  const h = await apiApp({ store: createMemoryStore(), clock, routes: [] });
  const login = (password: string, from: string) =>
    request(h.app).post('/api/session').set('x-forwarded-for', from).send({ username: 'xiaoli', password });
  // Wrong passwords from one address, each as soon as the service hears it, until it locks that address out.
  for (;;) {
    const res = await login('guess', '203.0.113.9');
    expect(res.status).toBe(401);
    if (res.body.error.code === 'locked_out') break;
    if (res.body.error.code === 'login_wait') clock.advance(res.body.error.params.retryAfterSeconds * 1000);
  }
  return { ...h, clock, login };
}

describe('/api/session and /api/lockouts', () => {
  it('when one address is locked out of an account, then the answer says so in Chinese and another address logs in', async () => {
    const h = await lockedOutRig();
    const refused = await h.login(DEMO_PASSWORD, '203.0.113.9');
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({
      code: 'locked_out',
      params: { scope: 'pair', retryAfterSeconds: 900 },
      message: '这台电脑上这个账号的密码错误次数过多，请 15 分钟后再试，或请管理员解锁',
    });
    const ok = await h.login(DEMO_PASSWORD, '10.0.0.7');
    expect(ok.status).toBe(201);
    expect(ok.body.user.username).toBe('xiaoli');
  });

  it('when the admin lists and unlocks, then the lockout is gone and the address logs in; other roles may do neither', async () => {
    const h = await lockedOutRig();
    const listed = await h.as('admin').get('/lockouts');
    expect(listed.status).toBe(200);
    expect(listed.body.lockouts).toEqual([
      {
        scope: 'pair',
        username: 'xiaoli',
        client: '203.0.113.9',
        failures: 10,
        lockedUntil: '2026-11-23T10:17:03.000+08:00',
      },
    ]);
    for (const who of ['xiaoli', 'azhang', 'xiaozhou']) {
      expect((await h.as(who).get('/lockouts')).status, who).toBe(403);
      expect((await h.as(who).post('/lockouts/unlock', { username: 'xiaoli' })).status, who).toBe(403);
    }
    expect((await h.login(DEMO_PASSWORD, '203.0.113.9')).status).toBe(401);
    const unlocked = await h.as('admin').post('/lockouts/unlock', { username: 'xiaoli' });
    expect(unlocked.status).toBe(200);
    // Two counters name the account: that address's lockout and the account's own count of failures.
    expect(unlocked.body).toEqual({ cleared: 2, lockouts: [] });
    expect((await h.login(DEMO_PASSWORD, '203.0.113.9')).status).toBe(201);
  });

  it('when the admin asks to unlock nothing, then 400 names what to fill in', async () => {
    const h = await apiApp({ store: createMemoryStore(), clock: fixedClock('2026-11-23T10:00:00+08:00'), routes: [] });
    const res = await h.as('admin').post('/lockouts/unlock', {});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('请填写要解锁的账号或电脑地址');
  });
});
