/**
 * Sessions (src/accounts/sessions.ts) on lowdb and on PostgreSQL: a login is accepted until it is logged out or
 * expires, also after a restart; wrong passwords are held back; on PostgreSQL a login on one instance is accepted
 * on the other, a logout on one is refused on the other once it catches up (the service catches up before every
 * request), and wrong passwords typed on both count together.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { createSessions, type Sessions } from '../../src/accounts/sessions.js';
import type { StaffAccount } from '../../src/accounts/staff-account.js';
import { HOUR, fixedClock } from '../../src/shared/time.js';
import type { Store } from '../../src/storage/index.js';
import { describeEachStore } from '../support/each-store.js';

const CLIENT = '203.0.113.7';
const DEMO_PASSWORD = 'xiaoer-demo';

/**
 * A hash in the service's own format (`scrypt$N$r$p$salt$hash`, read by verifyPassword) at a low cost: the
 * service's N = 16384 takes half a second a login on the loaded test machine, and these tests log in often.
 */
function cheapHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 });
  return `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}
const account = (username: string, displayName: string): StaffAccount => ({
  username,
  displayName,
  role: 'staff',
  passwordHash: cheapHash(DEMO_PASSWORD),
});
const accounts = new Map([
  ['xiaoli', account('xiaoli', '小丽')],
  ['azhang', account('azhang', '阿张')],
]);

const clock = fixedClock('2026-11-23T10:00:00.000+08:00');
const sessionsOn = (store: Store): Sessions => createSessions({ store, accounts, clock, sessionHours: 12 });

/** The error code a login answers with ('ok' when it lets the person in). */
async function loginCode(sessions: Sessions, password: string): Promise<string> {
  try {
    await sessions.login('xiaoli', password, CLIENT);
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

describeEachStore('sessions', (s) => {
  it('accepts a login’s token until logout, also after a restart, and nothing else', async () => {
    clock.set('2026-11-23T10:00:00.000+08:00');
    const sessions = sessionsOn(s.store);
    const { token, user } = await sessions.login('xiaoli', DEMO_PASSWORD, CLIENT);
    expect(user).toMatchObject({ username: 'xiaoli' });
    expect(sessions.authenticate(token)).toEqual(user);
    expect(sessions.authenticate(`${token}x`)).toBeNull();
    expect(sessions.authenticate(undefined)).toBeNull();
    // Only a hash of the token is stored.
    expect(JSON.stringify([...s.store.entries('sessions')])).not.toContain(token);
    const other = await sessions.login('azhang', DEMO_PASSWORD, CLIENT);
    const restarted = sessionsOn(await s.reopen());
    expect(restarted.authenticate(token)).toEqual(user);
    await restarted.logout(token);
    expect(restarted.authenticate(token)).toBeNull();
    expect(restarted.authenticate(other.token)).toMatchObject({ username: 'azhang' });
    expect(sessionsOn(await s.reopen()).authenticate(token)).toBeNull();
  });

  it('refuses a token once its hours are over', async () => {
    clock.set('2026-11-23T10:00:00.000+08:00');
    const sessions = sessionsOn(s.store);
    const { token } = await sessions.login('xiaoli', DEMO_PASSWORD, CLIENT);
    clock.advance(12 * HOUR - 1);
    expect(sessions.authenticate(token)).not.toBeNull();
    clock.advance(1);
    expect(sessions.authenticate(token)).toBeNull();
  });

  it('refuses a wrong password, and after a few holds the right one back for a moment, after a restart too', async () => {
    clock.set('2026-11-23T10:00:00.000+08:00');
    const sessions = sessionsOn(s.store);
    for (let i = 0; i < 3; i++) expect(await loginCode(sessions, 'wrong')).toBe('bad_credentials');
    const restarted = sessionsOn(await s.reopen());
    expect(await loginCode(restarted, DEMO_PASSWORD)).toBe('login_wait');
    clock.advance(60_000);
    expect(await loginCode(restarted, DEMO_PASSWORD)).toBe('ok');
  });

  if (s.kind === 'postgres') {
    it('accepts a login made on one instance on the other, and refuses it there once logged out on the first', async () => {
      clock.set('2026-11-23T10:00:00.000+08:00');
      const [a, b] = await s.instances();
      const [onA, onB] = [sessionsOn(a), sessionsOn(b)];
      const { token, user } = await onA.login('xiaoli', DEMO_PASSWORD, CLIENT);
      await b.catchUp();
      expect(onB.authenticate(token)).toEqual(user);
      const second = await onB.login('xiaoli', DEMO_PASSWORD, CLIENT);
      await onB.logout(token);
      expect(onB.authenticate(token)).toBeNull();
      await a.catchUp();
      expect(onA.authenticate(token)).toBeNull();
      expect(onA.authenticate(second.token)).toEqual(user);
    });

    it('counts wrong passwords typed on two instances together', async () => {
      clock.set('2026-11-23T10:00:00.000+08:00');
      const [a, b] = await s.instances();
      const [onA, onB] = [sessionsOn(a), sessionsOn(b)];
      for (const on of [onA, onB, onA]) {
        expect(await loginCode(on, 'wrong')).toBe('bad_credentials');
        await Promise.all([a.catchUp(), b.catchUp()]);
      }
      expect(await loginCode(onA, DEMO_PASSWORD)).toBe('login_wait');
      expect(await loginCode(onB, DEMO_PASSWORD)).toBe('login_wait');
    });
  }
});
