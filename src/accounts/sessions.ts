import { createHash, randomBytes } from 'node:crypto';
import type { StaffAccount } from './staff-account.js';
import { AuthenticationError } from '../shared/errors.js';
import { type Clock, HOUR, toInstant, parseInstant } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { toUser, type User } from './accounts.js';
import { verifyPassword } from './password.js';
import { clientKey, createLoginThrottle, type Counter, type Refusal } from './login-throttle.js';

interface SessionDoc {
  username: string;
  createdAt: string;
  expiresAt: string;
}

const COLLECTION = 'sessions';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** A lockout as the admin sees it: who (an account, a client address or both) and until when. */
export interface Lockout {
  scope: Counter['scope'];
  username: string | null;
  client: string | null;
  failures: number;
  lockedUntil: string;
}

export interface Sessions {
  /** `client`: the address the request came from (req.ip); wrong passwords are counted per account and per client. */
  login(username: string, password: string, client: string | undefined): Promise<{ token: string; user: User }>;
  /** Accounts and clients locked out now by wrong passwords. */
  lockouts(): Lockout[];
  /** The admin lets an account or a client address in again; returns how many counters were cleared. */
  unlock(target: { username?: string; client?: string }): Promise<number>;
  authenticate(token: string | undefined): User | null;
  logout(token: string): Promise<void>;
  /** A token for the local CLI, valid while this process runs; written only to the 0600 lock file. */
  issueLocalToken(username: string): string;
}

const LOCK_WORDS: Record<Counter['scope'], string> = {
  pair: '这台电脑上这个账号的密码错误次数过多',
  client: '这台电脑的密码错误次数过多',
  account: '这个账号的密码错误次数过多，已暂时锁定',
};

/** What the person at the login form reads: which lock, and how long to wait (or whom to ask). */
function refusalError(r: Refusal): AuthenticationError {
  const seconds = Math.max(1, Math.ceil(r.retryAfterMs / 1000));
  if (r.reason === 'wait') {
    return new AuthenticationError({
      message: `密码错误次数较多，请 ${seconds} 秒后再试`,
      code: 'login_wait',
      params: { retryAfterSeconds: seconds, scope: r.scope },
      detail: `login refused: ${r.scope} must wait ${seconds}s`,
    });
  }
  const minutes = Math.ceil(seconds / 60);
  return new AuthenticationError({
    message: `${LOCK_WORDS[r.scope]}，请 ${minutes} 分钟后再试，或请管理员解锁`,
    code: 'locked_out',
    params: { retryAfterSeconds: seconds, scope: r.scope },
    detail: `login refused: ${r.scope} locked for ${seconds}s`,
  });
}

/**
 * Bearer sessions. Only a hash of each token is stored, so the data folder does not hold live
 * credentials; wrong passwords are held back per account and per client (login-throttle.ts says how and why).
 */
export function createSessions(deps: {
  store: Store;
  accounts: Map<string, StaffAccount>;
  clock: Clock;
  sessionHours: number;
}): Sessions {
  const { store, accounts, clock } = deps;
  const throttle = createLoginThrottle({ store, clock });
  const local = new Map<string, string>();

  return {
    async login(username, password, address) {
      const client = clientKey(address);
      const held = throttle.attempt(String(username ?? ''), client);
      if ('refused' in held) throw refusalError(held.refused);
      const account = accounts.get(username);
      // Verify against a real hash even for unknown users, so timing does not reveal who exists.
      const ok = await verifyPassword(
        String(password ?? ''),
        account?.passwordHash ?? [...accounts.values()][0]?.passwordHash ?? '',
      );
      if (!account || !ok) {
        await throttle.failed(held.reservation);
        throw new AuthenticationError({
          message: '用户名或密码错误',
          code: 'bad_credentials',
          detail: 'wrong username or password',
        });
      }
      await throttle.succeeded(held.reservation);
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      await store.transact((tx) =>
        tx.put<SessionDoc>(COLLECTION, digest(token), {
          username,
          createdAt: toInstant(now),
          expiresAt: toInstant(now + deps.sessionHours * HOUR),
        }),
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
    lockouts() {
      return throttle.lockouts().map((c) => ({
        scope: c.scope,
        username: c.account,
        client: c.client,
        failures: c.failures,
        lockedUntil: c.lockedUntil!,
      }));
    },
    unlock(target) {
      const { username, client } = target;
      return throttle.unlock({ ...(username ? { account: username } : {}), ...(client ? { client } : {}) });
    },
    issueLocalToken(username) {
      if (!accounts.has(username))
        throw new AuthenticationError({
          message: `配置中“cliUser”指定的“${username}”不是本店的员工账号`,
          code: 'bad_cli_user',
          params: { username },
        });
      const token = randomBytes(32).toString('base64url');
      local.set(digest(token), username);
      return token;
    },
  };
}
