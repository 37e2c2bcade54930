import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadAccounts } from '../../src/accounts/accounts.js';
import { hashPassword, verifyPassword } from '../../src/accounts/password.js';
import { createSessions, MAX_TRACKED, pruneFailures } from '../../src/accounts/sessions.js';
import { fixedClock, HOUR } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';

describe('accounts', () => {
  it('when running the sandbox, then the four demo accounts exist with the demo password', async () => {
    const accounts = await loadAccounts({ staff: [], platform: { kind: 'sandbox' } as never });
    expect([...accounts.keys()].sort()).toEqual(['admin', 'azhang', 'xiaoli', 'xiaozhou']);
    expect(await verifyPassword(DEMO_PASSWORD, accounts.get('xiaoli')!.passwordHash)).toBe(true);
  });

  it('when running against a real platform, then there are no default accounts or passwords', async () => {
    const accounts = await loadAccounts({ staff: [], platform: { kind: 'taobao' } as never });
    expect(accounts.size).toBe(0);
  });

  it('when a password is hashed, then the hash verifies it and nothing else, and two hashes differ (salted)', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct hors', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    // Parameters scrypt refuses (N not a power of two) match no password instead of failing the login with a 500.
    expect(await verifyPassword('x', 'scrypt$3$8$1$c2FsdA==$aGFzaA==')).toBe(false);
  });

  it('when a session is older than its lifetime, then it no longer authenticates; repeated wrong passwords lock the name', async () => {
    const clock = fixedClock('2026-11-23T10:00:00+08:00');
    const accounts = await loadAccounts({ staff: [], platform: { kind: 'sandbox' } as never });
    const sessions = createSessions({ store: createMemoryStore(), accounts, clock, sessionHours: 12 });
    const { token, user } = await sessions.login('xiaoli', DEMO_PASSWORD);
    expect(user.displayName).toBe('小丽');
    expect(sessions.authenticate(token)?.username).toBe('xiaoli');
    clock.advance(12 * HOUR + 1);
    expect(sessions.authenticate(token)).toBeNull();
    for (let i = 0; i < 5; i++) await expect(sessions.login('azhang', 'wrong')).rejects.toThrow(/用户名或密码错误/);
    await expect(sessions.login('azhang', DEMO_PASSWORD)).rejects.toThrow(/次数过多/);
    // After the lockout has run out, one wrong password is just one wrong password.
    clock.advance(5 * 60_000 + 1);
    await expect(sessions.login('azhang', 'wrong')).rejects.toThrow(/用户名或密码错误/);
    await expect(sessions.login('azhang', DEMO_PASSWORD)).resolves.toMatchObject({ user: { username: 'azhang' } });
  });

  it('when the failure table is flooded with other names, then room is made without forgetting a lockout', () => {
    const now = Date.parse('2026-11-23T10:00:00+08:00');
    const failures = new Map<string, { count: number; until: number }>();
    failures.set('xiaoli', { count: 5, until: now + 60_000 }); // locked, and the oldest entry
    failures.set('ran-out', { count: 5, until: now - 1 });
    for (let i = 0; failures.size < MAX_TRACKED; i++) failures.set(`flood-${i}`, { count: 1, until: now + 60_000 });
    pruneFailures(failures, now);
    expect(failures.size).toBeLessThan(MAX_TRACKED);
    expect(failures.get('xiaoli')).toEqual({ count: 5, until: now + 60_000 });
    expect(failures.has('ran-out')).toBe(false);
  });

  it('when many guesses arrive at once, then at most five are checked and the right password among them is refused', async () => {
    const clock = fixedClock('2026-11-23T10:00:00+08:00');
    const accounts = await loadAccounts({ staff: [], platform: { kind: 'sandbox' } as never });
    const sessions = createSessions({ store: createMemoryStore(), accounts, clock, sessionHours: 12 });
    const guesses = Array.from({ length: 20 }, (_, i) => (i === 19 ? DEMO_PASSWORD : `guess-${i}`));
    const results = await Promise.allSettled(guesses.map((p) => sessions.login('xiaoli', p)));
    expect(results.filter((r) => r.status === 'rejected' && /次数过多/.test(String(r.reason))).length).toBe(15);
    expect(results[19]!.status).toBe('rejected');
  });
});
