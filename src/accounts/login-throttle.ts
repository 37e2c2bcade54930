/**
 * How wrong passwords are held back, and why this way.
 *
 * Counting failures per account alone let anyone lock a colleague out: five wrong passwords from any machine
 * locked the name for everyone, again and again. Counting per client alone lets a guesser with many addresses
 * guess without end. So failures are counted three ways, each with a free allowance, then a growing wait
 * between tries (1 s, 2 s, 4 s … at most a minute), then a lockout:
 *
 * - per (account, client): the guesser at one machine waits after 3 and is locked out of that account after
 *   10 wrong passwords, from that machine only. The person at their own machine is not touched by it, so no
 *   single client can keep anyone else out, however long it goes on;
 * - per client, whatever the usernames: 15 free, locked at 30 (trying 40 names from one machine stops there);
 * - per account, from every client together: 15 free, locked at 30. This is what bounds a guesser with many
 *   addresses. It does not apply at a machine where the account logged in successfully in the last 30 days
 *   (a known client; nor does the per-client count, for that account, so staff behind one shared address are
 *   not locked out by a colleague's typing): those clients keep only their own (account, client) count, so a
 *   storm of guesses from elsewhere does not keep staff out of their own computers. A new machine during such a
 *   storm waits, or the admin unlocks the account.
 *
 * A refused try (waiting, locked) checks no password and counts nothing, so hammering a lockout does not
 * extend it. A lockout lasts 15 minutes, doubling for each further lockout of the same counter (at most a day);
 * a counter quiet for 15 minutes starts again from zero, one quiet for a day is forgotten. Every counter and
 * the known clients live in the store, so a restart keeps them. IPv6 clients count by their /64 network, the
 * smallest block one subscriber is usually given.
 */
import { isIPv6 } from 'node:net';
import { type Clock, DAY, MINUTE, parseInstant, toInstant } from '../shared/time.js';
import type { Store, Transaction } from '../storage/index.js';

export const THROTTLE_COLLECTION = 'login-throttle';

export type Scope = 'pair' | 'client' | 'account';
/** What a lockout of each scope keeps out, in the admin's words (登录锁定 via GET /api/labels). */
export const SCOPE_LABELS: Readonly<Record<Scope, string>> = {
  pair: '这台电脑登录这个账号',
  client: '这台电脑登录任何账号',
  account: '这个账号（新电脑登录）',
};

interface Rule {
  free: number;
  lockAt: number;
}
export const RULES: Readonly<Record<Scope, Rule>> = {
  pair: { free: 3, lockAt: 10 },
  // Both free past a pair's lockout: one account's typos at one computer never slow down another account there,
  // and one client alone never slows an account down for anyone else.
  client: { free: 15, lockAt: 30 },
  account: { free: 15, lockAt: 30 },
};
const FIRST_WAIT_MS = 1000;
const MAX_WAIT_MS = MINUTE;
const LOCK_MS = 15 * MINUTE;
const QUIET_MS = 15 * MINUTE;
const KNOWN_FOR_MS = 30 * DAY;
const KNOWN_PER_ACCOUNT = 20;
/** Counters kept at once: random names from many addresses must not grow the collection without bound. */
export const MAX_TRACKED = 10_000;

export interface Counter {
  scope: Scope;
  account: string | null;
  client: string | null;
  failures: number;
  lastFailureAt: string;
  lockedUntil: string | null;
  /** Lockouts of this counter so far: each one lasts twice as long as the one before. */
  locks: number;
}

interface Known {
  scope: 'known';
  account: string;
  clients: Record<string, string>;
}

export interface Refusal {
  scope: Scope;
  reason: 'locked' | 'wait';
  retryAfterMs: number;
}

/** One login attempt's hold on the counters: undone if the password was right. */
export interface Reservation {
  account: string;
  client: string;
  at: number;
  written: Promise<unknown>;
}

/** `::ffff:10.0.0.5` → `10.0.0.5`; an IPv6 address → its /64. */
export function clientKey(address: string | undefined): string {
  const a = (address ?? '')
    .trim()
    .toLowerCase()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!isIPv6(a)) return a || 'unknown';
  const [head = '', tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

const ids = {
  pair: (account: string, client: string) => `pair:${encodeURIComponent(account)}|${encodeURIComponent(client)}`,
  client: (client: string) => `client:${encodeURIComponent(client)}`,
  account: (account: string) => `account:${encodeURIComponent(account)}`,
  known: (account: string) => `known:${encodeURIComponent(account)}`,
};
const idOf = (scope: Scope, account: string, client: string) =>
  scope === 'pair' ? ids.pair(account, client) : scope === 'client' ? ids.client(client) : ids.account(account);

/** The wait after the latest failure before the next try is heard: none within the free tries, then 1 s, 2 s, 4 s… */
export function waitAfter(scope: Scope, failures: number): number {
  const over = failures - RULES[scope].free;
  return over < 0 ? 0 : Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** over);
}

/** The counter as it stands at `now`: a lockout that ran out or a quiet spell starts the count again. */
function current(c: Counter | undefined, now: number): Counter | undefined {
  if (!c) return undefined;
  const last = parseInstant(c.lastFailureAt);
  if (c.lockedUntil && parseInstant(c.lockedUntil) > now) return c;
  if (now - last > DAY) return undefined;
  // `>=`: a lockout and a quiet spell are equally long, so the try that follows a lockout at once finds every
  // other counter of that client quiet too; one client alone never adds more than a pair's lockAt to an account.
  if (c.lockedUntil || now - last >= QUIET_MS) return { ...c, failures: 0, lockedUntil: null };
  return c;
}

export function createLoginThrottle(deps: { store: Store; clock: Clock }) {
  const { store, clock } = deps;
  const read = (tx: Pick<Transaction, 'get'>, id: string, now: number) =>
    current(tx.get<Counter>(THROTTLE_COLLECTION, id), now);

  function isKnown(account: string, client: string, now: number): boolean {
    const at = store.get<Known>(THROTTLE_COLLECTION, ids.known(account))?.clients[client];
    return at !== undefined && now - parseInstant(at) <= KNOWN_FOR_MS;
  }

  /** Keeps the collection bounded: spent counters go first, then the quietest that are not locked. */
  function prune(tx: Transaction, now: number): void {
    if (store.count(THROTTLE_COLLECTION) < MAX_TRACKED) return;
    const counters = [...store.all<Counter | Known>(THROTTLE_COLLECTION)].filter(
      (d): d is Counter => d.scope !== 'known',
    );
    const idOfCounter = (c: Counter) => idOf(c.scope, c.account ?? '', c.client ?? '');
    const open = counters.filter((c) => {
      const live = current(c, now);
      if (live && live.failures > 0) return true;
      tx.delete(THROTTLE_COLLECTION, idOfCounter(c));
      return false;
    });
    let excess = open.length - Math.floor(MAX_TRACKED * 0.9);
    for (const c of open.sort((a, b) => a.lastFailureAt.localeCompare(b.lastFailureAt))) {
      if (excess <= 0) break;
      if (c.lockedUntil && parseInstant(c.lockedUntil) > now) continue;
      tx.delete(THROTTLE_COLLECTION, idOfCounter(c));
      excess--;
    }
  }

  return {
    /**
     * Refuses the try (waiting or locked), or counts it as a failure before the slow password check, so
     * parallel guesses cannot slip past the limit; `succeeded` takes the count back.
     */
    attempt(accountName: string, client: string): { refused: Refusal } | { reservation: Reservation } {
      const account = accountName.toLowerCase();
      const at = clock.now();
      const known = isKnown(account, client, at);
      const scopes: Scope[] = known ? ['pair'] : ['pair', 'client', 'account'];
      for (const scope of scopes) {
        const c = read(store, idOf(scope, account, client), at);
        if (!c) continue;
        if (c.lockedUntil)
          return { refused: { scope, reason: 'locked', retryAfterMs: parseInstant(c.lockedUntil) - at } };
        const ready = parseInstant(c.lastFailureAt) + waitAfter(scope, c.failures);
        if (ready > at) return { refused: { scope, reason: 'wait', retryAfterMs: ready - at } };
      }
      const written = store.transact((tx) => {
        prune(tx, at);
        for (const scope of ['pair', 'client', 'account'] as const) {
          const id = idOf(scope, account, client);
          const c = read(tx, id, at);
          const failures = (c?.failures ?? 0) + 1;
          const locks = (c?.locks ?? 0) + (failures >= RULES[scope].lockAt ? 1 : 0);
          const lockedUntil =
            failures >= RULES[scope].lockAt ? toInstant(at + Math.min(DAY, LOCK_MS * 2 ** (locks - 1))) : null;
          tx.put<Counter>(THROTTLE_COLLECTION, id, {
            scope,
            account: scope === 'client' ? null : account,
            client: scope === 'account' ? null : client,
            failures,
            lastFailureAt: toInstant(at),
            lockedUntil,
            locks,
          });
        }
      });
      return { reservation: { account, client, at, written } };
    },

    /** The password was right: the try was no failure, this client's typos are forgiven, the client becomes known. */
    async succeeded(r: Reservation): Promise<void> {
      await r.written.catch(() => undefined);
      await store.transact((tx) => {
        tx.delete(THROTTLE_COLLECTION, ids.pair(r.account, r.client));
        for (const scope of ['client', 'account'] as const) {
          const id = idOf(scope, r.account, r.client);
          const c = tx.get<Counter>(THROTTLE_COLLECTION, id);
          if (!c) continue;
          // This try's own count comes off; a lockout it started (it reached lockAt) is taken back with it.
          const startedLock = c.failures === RULES[scope].lockAt && c.lastFailureAt === toInstant(r.at);
          const failures = Math.max(0, c.failures - 1);
          tx.put<Counter>(THROTTLE_COLLECTION, id, {
            ...c,
            failures,
            ...(startedLock ? { lockedUntil: null, locks: Math.max(0, c.locks - 1) } : {}),
          });
        }
        const known = tx.get<Known>(THROTTLE_COLLECTION, ids.known(r.account));
        const recent = Object.entries({ ...known?.clients, [r.client]: toInstant(r.at) })
          .filter(([, t]) => r.at - parseInstant(t) <= KNOWN_FOR_MS)
          .sort((a, b) => b[1].localeCompare(a[1]))
          .slice(0, KNOWN_PER_ACCOUNT);
        tx.put<Known>(THROTTLE_COLLECTION, ids.known(r.account), {
          scope: 'known',
          account: r.account,
          clients: Object.fromEntries(recent),
        });
      });
    },

    /** The failure is already counted; this waits until it is on disk. */
    async failed(r: Reservation): Promise<void> {
      await r.written;
    },

    /** Counters locked now, newest first (the admin's page). */
    lockouts(): (Counter & { retryAfterMs: number })[] {
      const now = clock.now();
      return [...store.all<Counter | Known>(THROTTLE_COLLECTION)]
        .filter((d): d is Counter => d.scope !== 'known' && !!d.lockedUntil && parseInstant(d.lockedUntil) > now)
        .map((c) => ({ ...c, retryAfterMs: parseInstant(c.lockedUntil!) - now }))
        .sort((a, b) => b.lastFailureAt.localeCompare(a.lastFailureAt));
    },

    /**
     * The admin lets an account (every counter naming it) or a client (its own counter and its pairs) in again.
     * Returns how many counters were cleared.
     */
    async unlock(target: { account?: string; client?: string }): Promise<number> {
      const account = target.account?.toLowerCase();
      const doomed = [...store.all<Counter | Known>(THROTTLE_COLLECTION)]
        .filter((d): d is Counter => d.scope !== 'known')
        .filter(
          (c) =>
            (account !== undefined && c.account === account) ||
            (target.client !== undefined && c.client === target.client && c.scope !== 'account'),
        )
        .map((c) => idOf(c.scope, c.account ?? '', c.client ?? ''));
      await store.transact((tx) => {
        for (const id of doomed) tx.delete(THROTTLE_COLLECTION, id);
      });
      return doomed.length;
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
