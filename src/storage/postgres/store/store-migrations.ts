import type pg from 'pg';
import type { Logger } from '../../../shared/logger.js';
import type { Migration, Store } from '../../store.js';
import { MIGRATE_LOCK } from './sql.js';
import { checkout } from './unavailable.js';

/**
 * The store's document migrations (the list lowdb runs too), each once per database: under a session advisory
 * lock, so instances starting at once run them once, the version kept in store_meta and moved after each step.
 */
export async function runStoreMigrations(
  store: Store & { catchUp(): Promise<void> },
  pool: pg.Pool,
  migrations: Migration[],
  log?: Logger,
): Promise<number> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const lease = await checkout(pool);
  const client = lease.client;
  let ran = 0;
  try {
    await client.query(`select pg_advisory_lock(${MIGRATE_LOCK})`);
    // Another instance may have migrated while this one waited for the lock.
    await store.catchUp();
    const { rows } = await client.query<{ value: number }>("select value from store_meta where key = 'schemaVersion'");
    let version = Number(rows[0]?.value ?? 0);
    const latest = sorted.length ? sorted[sorted.length - 1]!.version : 0;
    if (version > latest && sorted.length)
      throw new Error(
        `the data was written by a newer xiaoer (schema ${version}, this one knows ${latest}); upgrade xiaoer`,
      );
    for (const m of sorted) {
      if (m.version <= version) continue;
      await store.transact((tx) => m.up(tx, store));
      await store.flush();
      version = m.version;
      await client.query(
        "insert into store_meta (key, value) values ('schemaVersion', $1::jsonb) on conflict (key) do update set value = excluded.value",
        [JSON.stringify(version)],
      );
      ran++;
    }
    if (ran) log?.info({ ran, version }, 'store migrations ran on PostgreSQL');
    return ran;
  } finally {
    await client.query(`select pg_advisory_unlock(${MIGRATE_LOCK})`).catch(() => undefined);
    lease.release();
  }
}
