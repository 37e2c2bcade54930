/**
 * The instance registry (src/storage/postgres/instances.ts): one row per running instance, its heartbeat in
 * database time. A claim (a message in `sending`) names its instance; another instance takes it for abandoned only
 * when that row's heartbeat has gone stale or the row is gone. host, pid and port are for a person telling the
 * instances apart.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Migrations see the database as it was when they were written, never today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('instances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('port', 'integer')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('heartbeat_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('instances').execute();
}
