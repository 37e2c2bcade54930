/**
 * Single-owner work on PostgreSQL (the port is src/scheduler/work-owner.ts; storage sits under the scheduler, so the
 * shape is repeated here and the type-check matches the two where they meet): a SESSION advisory lock per name,
 * held on a connection of its own (not the pool's: a pooled connection goes back to the pool and another query
 * would run inside the lock's session). The lock lives exactly as long as that connection:
 * - the holder stops → its connection closes → the lock is free at once;
 * - the holder is killed → the kernel closes its socket → the server ends the session and frees the lock;
 * - the holder's machine or network dies silently → the server's TCP keepalives (set per session below: 10 s idle,
 *   then 3 probes 5 s apart) end the session within ~25 s;
 * while every other instance tries the lock every `retryMs` (15 s): the work changes hands well within a minute.
 * The holder checks its connection every `retryMs` too, so a silent loss on its side turns owns() false before the
 * server frees the lock; an error or end of the connection turns it false at once.
 */
import pg from 'pg';
import type { Logger } from '../../shared/logger.js';

export interface PostgresWorkOwner {
  readonly name: string;
  owns(): boolean;
  start(): void;
  stop(): Promise<void>;
  onChange(listener: (owned: boolean) => void): () => void;
}

export interface PostgresWorkOwnerOptions {
  /** postgres://… of the shared database. */
  url: string;
  logger: Logger;
  /** This instance (host:pid), in the logs and in pg_stat_activity. */
  instanceId?: string;
  /** How often a non-owner tries the lock and the owner checks its connection (default 15 s; tests go faster). */
  retryMs?: number;
}

export const WORK_OWNER_RETRY_MS = 15_000;

/** The text the lock's key is hashed from (hashtextextended, 64 bits): one lock per name across the database. */
export const workLockText = (name: string): string => `xiaoer:work:${name}`;

/** The factory the composition root hands to wireDomains (`workOwners`): one owner, one connection, per name. */
export const postgresWorkOwners =
  (options: PostgresWorkOwnerOptions) =>
  (name: string): PostgresWorkOwner =>
    createPostgresWorkOwner(name, options);

export function createPostgresWorkOwner(name: string, o: PostgresWorkOwnerOptions): PostgresWorkOwner {
  const retryMs = o.retryMs ?? WORK_OWNER_RETRY_MS;
  const log = o.logger.child({ work: name, ...(o.instanceId ? { instance: o.instanceId } : {}) });
  const listeners = new Set<(owned: boolean) => void>();
  let client: pg.Client | null = null;
  let owned = false;
  let running = false;
  let failing = false;
  let timer: NodeJS.Timeout | null = null;
  let busy: Promise<void> | null = null;
  let delay = retryMs;

  function set(next: boolean) {
    if (owned === next) return;
    owned = next;
    for (const l of listeners) {
      try {
        l(next);
      } catch (err) {
        log.error({ err }, 'work owner: a listener failed');
      }
    }
  }

  /** The next step after `delay`; a step under way schedules its own successor when it ends. */
  function schedule() {
    if (!running || busy) return;
    if (timer) clearTimeout(timer);
    const wait = delay;
    delay = retryMs;
    timer = setTimeout(kick, wait);
    timer.unref();
  }

  function kick() {
    timer = null;
    busy = step().finally(() => {
      busy = null;
      schedule();
    });
  }

  /** The connection is gone (an error, its end, a check that did not answer): so is the lock. */
  function lost(c: pg.Client, err: unknown) {
    if (c !== client) return;
    client = null;
    c.end().catch(() => undefined);
    if (owned) {
      // Stepping back one interval more lets another instance take over: this one's connection just failed.
      delay = retryMs * 2;
      log.warn({ err }, 'work owner: lost the work (its database connection dropped); another instance may take it');
      set(false);
    } else if (!failing) {
      log.warn({ err }, 'work owner: cannot reach the database; trying again');
    }
    failing = true;
    schedule();
  }

  async function open(): Promise<pg.Client> {
    const c = new pg.Client({
      connectionString: o.url,
      application_name: `xiaoer work:${name}`.slice(0, 63),
      connectionTimeoutMillis: 10_000,
      // A check that hangs (a half-open connection) counts as a lost connection.
      query_timeout: Math.min(Math.max(retryMs, 1000), 10_000),
      keepAlive: true,
    });
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c, new Error('the connection ended')));
    client = c;
    await c.connect();
    // The server notices a silently dead holder in ~25 s instead of the system's two hours, and frees its lock.
    await c.query(
      "select set_config('tcp_keepalives_idle', '10', false), set_config('tcp_keepalives_interval', '5', false)," +
        " set_config('tcp_keepalives_count', '3', false)",
    );
    return c;
  }

  async function step() {
    if (!running) return;
    let c = client;
    try {
      c ??= await open();
      if (owned) {
        await c.query('select 1');
        return;
      }
      const { rows } = await c.query<{ got: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as got', [
        workLockText(name),
      ]);
      failing = false;
      if (rows[0]?.got && running && c === client) {
        log.info('work owner: this instance now owns the work');
        set(true);
      }
    } catch (err) {
      // Null: the connection's own error or end already counted it lost.
      const failed = c ?? client;
      if (failed) lost(failed, err);
    }
  }

  return {
    name,
    owns: () => owned,
    start() {
      if (running) return;
      running = true;
      delay = retryMs;
      kick();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await busy;
      const c = client;
      client = null;
      if (owned) {
        log.info('work owner: gave the work up (stopping)');
        set(false);
      }
      // Closing the session frees the lock at once: another instance takes over at its next try.
      await c?.end().catch(() => undefined);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
