import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadAccounts } from '../../src/accounts/accounts.js';
import { hashPassword, verifyPassword } from '../../src/accounts/password.js';
import { createSessions } from '../../src/accounts/sessions.js';
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

  // Wrong passwords, waits and lockouts: login-throttle.test.ts.
  it('when a session is older than its lifetime, then it no longer authenticates', async () => {
    const clock = fixedClock('2026-11-23T10:00:00+08:00');
    const accounts = await loadAccounts({ staff: [], platform: { kind: 'sandbox' } as never });
    const sessions = createSessions({ store: createMemoryStore(), accounts, clock, sessionHours: 12 });
    const { token, user } = await sessions.login('xiaoli', DEMO_PASSWORD, '10.0.0.7');
    expect(user.displayName).toBe('小丽');
    expect(sessions.authenticate(token)?.username).toBe('xiaoli');
    clock.advance(12 * HOUR + 1);
    expect(sessions.authenticate(token)).toBeNull();
  });
});
