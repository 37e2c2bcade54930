/**
 * The order and buyer lock across instances. The platform's memo API overwrites the whole memo, so two staff on two
 * instances appending to one order must never interleave read → append → write: work for one key runs one at a time
 * across every instance on the database. In process, a queue per key keeps arrival order and spares the database
 * the waiting; across processes, a session advisory lock keyed by the key's hash, held on a connection of a pool of
 * its own (the work may wait seconds on the platform and must not take the store's connections). Once the lock is
 * held, the store takes in what the previous holder wrote, so the work reads the order as that holder left it.
 */
import pg from 'pg';
import { createKeyedLock, type KeyedLock } from '../../shared/keyed-lock.js';
import { asStoreError, checkout } from './store/unavailable.js';

export interface PostgresKeyedLockOptions {
  url: string;
  /** Takes in other instances' writes (the store's catchUp). */
  catchUp(): Promise<void>;
  /** Connections for held locks: how many keys may be worked on at once by this instance (default 16). */
  poolSize?: number;
}

export interface PostgresKeyedLock extends KeyedLock {
  close(): Promise<void>;
}

export function createPostgresKeyedLock(opts: PostgresKeyedLockOptions): PostgresKeyedLock {
  const local = createKeyedLock();
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 16,
    application_name: 'xiaoer order locks',
    connectionTimeoutMillis: 10_000,
  });
  pool.on('error', () => undefined); // an idle lock connection that dropped holds nothing
  const keyText = (key: string) => `xiaoer:lock:${key}`;
  return {
    run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      return local.run(key, async () => {
        const lease = await checkout(pool);
        try {
          await lease.client
            .query('select pg_advisory_lock(hashtextextended($1, 0))', [keyText(key)])
            .catch((err: unknown) => {
              throw asStoreError(err);
            });
        } catch (err) {
          lease.release();
          throw err;
        }
        try {
          await opts.catchUp();
          return await fn();
        } finally {
          // A connection that died has lost the lock with it; either way it leaves the pool broken or freed.
          await lease.client
            .query('select pg_advisory_unlock(hashtextextended($1, 0))', [keyText(key)])
            .catch(() => undefined);
          lease.release();
        }
      });
    },
    busyKeys: () => local.busyKeys(),
    close: () => pool.end(),
  };
}
