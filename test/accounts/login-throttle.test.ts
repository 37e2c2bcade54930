/**
 * Wrong passwords are held back per (account, client), per client and per account (src/accounts/login-throttle.ts),
 * with a growing wait before a lockout, lockouts kept in the store, and the admin able to unlock. Time is a fixed
 * clock moved by hand: a wait the service asks for is advanced past, never slept.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadAccounts } from '../../src/accounts/accounts.js';
import { clientKey, MAX_TRACKED, THROTTLE_COLLECTION } from '../../src/accounts/login-throttle.js';
import { createSessions } from '../../src/accounts/sessions.js';
import { fixedClock, HOUR, MINUTE } from '../../src/shared/time.js';
import { createMemoryStore, openLowdbStore } from '../../src/storage/index.js';
import type { Store } from '../../src/storage/store.js';

/**
 * The demo accounts with their password hashed at a low scrypt cost (the parameters travel with the hash): these
 * tests make hundreds of tries, each of which checks a password, and what they test is the throttle, not the hash.
 */
function cheapHash(plain: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(plain, salt, 32, { N: 1024, r: 8, p: 1 });
  return `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}
const demo = await loadAccounts({ staff: [], platform: { kind: 'sandbox' } as never });
const accounts = new Map([...demo].map(([name, a]) => [name, { ...a, passwordHash: cheapHash(DEMO_PASSWORD) }]));

function rig(store: Store = createMemoryStore(), clock = fixedClock('2026-11-23T10:00:00+08:00')) {
  const sessions = createSessions({ store, accounts, clock, sessionHours: 12 });
  /** 'ok', or the refusal's code with its scope and wait ('locked_out:pair:900'). */
  async function attempt(username: string, password: string, client: string): Promise<string> {
    try {
      await sessions.login(username, password, client);
      return 'ok';
    } catch (err) {
      const e = err as { code?: string; params?: { scope?: string; retryAfterSeconds?: number } };
      return e.code === 'bad_credentials' ? 'wrong' : `${e.code}:${e.params?.scope}:${e.params?.retryAfterSeconds}`;
    }
  }
  /** Guesses from `client` as fast as the service hears them, for `ms`; returns what was checked and refused. */
  async function hammer(username: string, client: string, ms: number) {
    const end = clock.now() + ms;
    let checked = 0;
    while (clock.now() < end) {
      const r = await attempt(username, `guess-${checked}`, client);
      if (r === 'wrong') checked++;
      // A wait longer than the time left ends the run with the lockout still on.
      else clock.advance(Math.min(Number(r.split(':')[2]) * 1000, end - clock.now()));
    }
    return checked;
  }
  return { sessions, clock, store, attempt, hammer };
}

describe('login throttling', () => {
  it('when one client gets a password wrong again and again, then it waits longer each time, is locked out of that account, and the owner at another computer still logs in', async () => {
    const { attempt, clock } = rig();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) seen.push(await attempt('xiaoli', 'wrong', '10.0.0.66'));
    expect(seen).toEqual(['wrong', 'wrong', 'wrong']);
    const waits: string[] = [];
    for (;;) {
      const r = await attempt('xiaoli', 'wrong', '10.0.0.66');
      if (r === 'wrong') continue;
      waits.push(r);
      if (r.startsWith('locked_out')) break;
      // A refused try checks no password: the right one is refused too, and counts nothing.
      expect(await attempt('xiaoli', DEMO_PASSWORD, '10.0.0.66')).toBe(r);
      clock.advance(Number(r.split(':')[2]) * 1000);
    }
    expect(waits).toEqual([
      'login_wait:pair:1',
      'login_wait:pair:2',
      'login_wait:pair:4',
      'login_wait:pair:8',
      'login_wait:pair:16',
      'login_wait:pair:32',
      'login_wait:pair:60',
      'locked_out:pair:900',
    ]);
    expect(await attempt('xiaoli', 'wrong', '10.0.0.7')).toBe('wrong');
    expect(await attempt('xiaoli', DEMO_PASSWORD, '10.0.0.7')).toBe('ok');
    expect(await attempt('xiaoli', DEMO_PASSWORD, '10.0.0.66')).toBe('locked_out:pair:900');
    expect(await attempt('xiaoli', DEMO_PASSWORD, '10.0.0.99')).toBe('ok');
  });

  it('when one client keeps guessing for a whole day, then the owner logs in at any time from her own computer and from a new one, and the guesser got few tries', async () => {
    const { attempt, hammer, clock } = rig();
    expect(await attempt('xiaoli', DEMO_PASSWORD, '10.0.0.7')).toBe('ok');
    let guesses = 0;
    for (let hours = 0; hours < 24; hours += 3) {
      guesses += await hammer('xiaoli', '203.0.113.9', 3 * HOUR);
      expect(await attempt('xiaoli', DEMO_PASSWORD, '10.0.0.7'), `hour ${hours}, her computer`).toBe('ok');
      expect(await attempt('xiaoli', DEMO_PASSWORD, `10.0.1.${hours}`), `hour ${hours}, a new computer`).toBe('ok');
      clock.advance(1);
    }
    // Lockouts double (15 min, 30 min, 1 h … 16 h): ten tries before each, seven lockouts begun in a day.
    expect(guesses).toBe(70);
  }, 60_000);

  it('when one client tries forty usernames, then it waits after fifteen and is locked out after thirty, for every name, and other computers are not', async () => {
    const { attempt, clock } = rig();
    const results: string[] = [];
    for (let i = 0; i < 40; i++) {
      let r = await attempt(`name-${i}`, 'wrong', '198.51.100.4');
      while (r.startsWith('login_wait')) {
        clock.advance(Number(r.split(':')[2]) * 1000);
        r = await attempt(`name-${i}`, 'wrong', '198.51.100.4');
      }
      results.push(r);
    }
    expect(results.filter((r) => r === 'wrong')).toHaveLength(30);
    expect(results.slice(30)).toEqual(Array(10).fill('locked_out:client:900'));
    expect(await attempt('xiaoli', DEMO_PASSWORD, '198.51.100.4')).toBe('locked_out:client:900');
    expect(await attempt('xiaoli', DEMO_PASSWORD, '10.0.0.7')).toBe('ok');
  });

  it('when guesses for one account come from many addresses, then after fifteen each waits and after thirty the account is locked for new computers but the owner logs in where she has before, and the admin can unlock it', async () => {
    const { attempt, sessions, clock } = rig();
    expect(await attempt('xiaoli', DEMO_PASSWORD, '10.0.0.7')).toBe('ok');
    for (let i = 0; i < 30; i++) {
      let r = await attempt('xiaoli', `guess-${i}`, `203.0.113.${i}`);
      // Past ten failures of the account, each new address waits its turn too.
      while (r.startsWith('login_wait:account')) {
        clock.advance(Number(r.split(':')[2]) * 1000);
        r = await attempt('xiaoli', `guess-${i}`, `203.0.113.${i}`);
      }
      expect(r).toBe('wrong');
    }
    expect(await attempt('xiaoli', 'guess-x', '203.0.113.200')).toBe('locked_out:account:900');
    expect(await attempt('xiaoli', DEMO_PASSWORD, '10.0.0.99')).toBe('locked_out:account:900');
    expect(await attempt('xiaoli', DEMO_PASSWORD, '10.0.0.7')).toBe('ok');
    expect(sessions.lockouts()).toEqual([
      expect.objectContaining({ scope: 'account', username: 'xiaoli', client: null, failures: 30 }),
    ]);
    expect(await sessions.unlock({ username: 'xiaoli' })).toBeGreaterThan(0);
    expect(sessions.lockouts()).toEqual([]);
    expect(await attempt('xiaoli', DEMO_PASSWORD, '10.0.0.99')).toBe('ok');
  });

  it('when the service restarts, then a lockout is still there, read back from the data folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xiaoer-throttle-'));
    try {
      const clock = fixedClock('2026-11-23T10:00:00+08:00');
      const first = rig(await openLowdbStore({ dir }), clock);
      await first.hammer('azhang', '10.0.0.66', 5 * MINUTE);
      expect(await first.attempt('azhang', DEMO_PASSWORD, '10.0.0.66')).toMatch(/^locked_out:pair:/);
      await first.store.close();
      const second = rig(await openLowdbStore({ dir }), clock);
      expect(await second.attempt('azhang', DEMO_PASSWORD, '10.0.0.66')).toMatch(/^locked_out:pair:/);
      expect(second.sessions.lockouts()).toEqual([
        expect.objectContaining({ scope: 'pair', username: 'azhang', client: '10.0.0.66', failures: 10 }),
      ]);
      await second.store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('when twenty guesses arrive at once from one client, then three are checked and the right password among the rest is refused', async () => {
    const { sessions } = rig();
    const guesses = Array.from({ length: 20 }, (_, i) => (i === 19 ? DEMO_PASSWORD : `guess-${i}`));
    const results = await Promise.allSettled(guesses.map((p) => sessions.login('xiaoli', p, '10.0.0.66')));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
    expect(codes.filter((c) => c === 'bad_credentials')).toHaveLength(3);
    expect(codes.filter((c) => c === 'login_wait')).toHaveLength(17);
    expect(codes[19]).toBe('login_wait');
  });

  it('when the right password follows typos, then the typos are forgiven at that computer', async () => {
    const { attempt, clock } = rig();
    for (let i = 0; i < 3; i++) await attempt('xiaozhou', 'typo', '10.0.0.8');
    expect(await attempt('xiaozhou', DEMO_PASSWORD, '10.0.0.8')).toBe('login_wait:pair:1');
    clock.advance(1000);
    expect(await attempt('xiaozhou', DEMO_PASSWORD, '10.0.0.8')).toBe('ok');
    for (let i = 0; i < 3; i++) expect(await attempt('xiaozhou', 'typo', '10.0.0.8')).toBe('wrong');
  });

  it('when the table of counters is full, then room is made without forgetting a lockout', async () => {
    const { attempt, store, hammer } = rig();
    await hammer('admin', '10.0.0.66', 5 * MINUTE);
    await store.transact((tx) => {
      for (let i = 0; store.count(THROTTLE_COLLECTION) + i < MAX_TRACKED; i++) {
        tx.put(THROTTLE_COLLECTION, `client:flood-${i}`, {
          scope: 'client',
          account: null,
          client: `flood-${i}`,
          failures: 1,
          lastFailureAt: '2026-11-23T09:59:00.000+08:00',
          lockedUntil: null,
          locks: 0,
        });
      }
    });
    expect(await attempt('someone', 'wrong', '10.0.0.9')).toBe('wrong');
    expect(store.count(THROTTLE_COLLECTION)).toBeLessThan(MAX_TRACKED);
    expect(await attempt('admin', DEMO_PASSWORD, '10.0.0.66')).toMatch(/^locked_out:pair:/);
  });

  it('when addresses are written several ways, then one client is one key and an IPv6 client is its /64', () => {
    expect(clientKey('::ffff:10.0.0.5')).toBe('10.0.0.5');
    expect(clientKey('10.0.0.5')).toBe('10.0.0.5');
    expect(clientKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002::9')).toBe('2001:db8:1:2::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey(undefined)).toBe('unknown');
  });
});
