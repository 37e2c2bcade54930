import { createHash, randomBytes } from 'node:crypto';
import type { StaffAccount } from './staff-account.js';
import { AuthenticationError } from '../shared/errors.js';
import { type Clock, HOUR, MINUTE, toInstant, parseInstant } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { toUser, type User } from './accounts.js';
import { verifyPassword } from './password.js';

interface SessionDoc {
  username: string;
  createdAt: string;
  expiresAt: string;
}

const COLLECTION = 'sessions';
const MAX_FAILURES = 5;
const LOCKOUT_MS = 5 * MINUTE;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Sessions {
  login(username: string, password: string): Promise<{ token: string; user: User }>;
  authenticate(token: string | undefined): User | null;
  logout(token: string): Promise<void>;
  /** A token for the local CLI, valid while this process runs; written only to the 0600 lock file. */
  issueLocalToken(username: string): string;
}

/** Usernames whose failures are counted at once: random names must not grow the table without bound. */
export const MAX_TRACKED = 10_000;

/**
 * Makes room without forgetting a lockout: entries that ran out go first, then the oldest names
 * not locked. Locked names stay until their time is up, so flooding the table with other names
 * cannot reset one (each costs the flooder MAX_FAILURES guesses, which bounds the table).
 */
export function pruneFailures(failures: Map<string, { count: number; until: number }>, now: number): void {
  for (const [key, f] of failures) if (f.until <= now) failures.delete(key);
  for (const [key, f] of failures) {
    if (failures.size < MAX_TRACKED) break;
    if (f.count < MAX_FAILURES) failures.delete(key);
  }
}

/**
 * Bearer sessions. Only a hash of each token is stored, so the data folder does not hold live
 * credentials; repeated wrong passwords lock the username for a few minutes.
 */
export function createSessions(deps: { store: Store; accounts: Map<string, StaffAccount>; clock: Clock; sessionHours: number }): Sessions {
  const { store, accounts, clock } = deps;
  const failures = new Map<string, { count: number; until: number }>();
  const local = new Map<string, string>();

  return {
    async login(username, password) {
      const key = String(username ?? '').toLowerCase();
      const now0 = clock.now();
      let f = failures.get(key);
      if (f && f.until <= now0) f = undefined; // the lockout has run out: start counting afresh
      if (f && f.count >= MAX_FAILURES) {
        throw new AuthenticationError({ message: '密码错误次数过多，请 5 分钟后再试', code: 'locked_out', params: { retryAfterSeconds: 300 } });
      }
      // Count the attempt before the slow hash, so parallel guesses cannot slip past the limit.
      const attempt = { count: (f?.count ?? 0) + 1, until: now0 + LOCKOUT_MS };
      if (failures.size >= MAX_TRACKED) pruneFailures(failures, now0);
      failures.set(key, attempt);
      const account = accounts.get(username);
      // Verify against a real hash even for unknown users, so timing does not reveal who exists.
      const ok = await verifyPassword(String(password ?? ''), account?.passwordHash ?? [...accounts.values()][0]?.passwordHash ?? '');
      if (!account || !ok) {
        throw new AuthenticationError({ message: '用户名或密码错误', code: 'bad_credentials', detail: 'wrong username or password' });
      }
      failures.delete(key);
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      await store.transact((tx) =>
        tx.put<SessionDoc>(COLLECTION, digest(token), { username, createdAt: toInstant(now), expiresAt: toInstant(now + deps.sessionHours * HOUR) }),
      );
      return { token, user: toUser(account) };
    },
    authenticate(token) {
      if (!token) return null;
      const localUser = local.get(digest(token));
      if (localUser) {
        const a = accounts.get(localUser);
        return a ? toUser(a) : null;
      }
      const s = store.get<SessionDoc>(COLLECTION, digest(token));
      if (!s || parseInstant(s.expiresAt) <= clock.now()) return null;
      const a = accounts.get(s.username);
      return a ? toUser(a) : null;
    },
    async logout(token) {
      await store.transact((tx) => tx.delete(COLLECTION, digest(token)));
    },
    issueLocalToken(username) {
      if (!accounts.has(username)) throw new AuthenticationError({ message: `配置中“cliUser”指定的“${username}”不是本店的员工账号`, code: 'bad_cli_user', params: { username } });
      const token = randomBytes(32).toString('base64url');
      local.set(digest(token), username);
      return token;
    },
  };
}
