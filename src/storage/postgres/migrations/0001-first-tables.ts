/**
 * The first tables (issue 20): orders with their waybills, remark history and its outbox, sessions, job runs and
 * outbound messages. Shaped after the queries the repositories run today (src/orders, src/remarks,
 * src/accounts/sessions.ts, src/scheduler/job-history.ts, src/messaging/outbound/message-repository.ts).
 * A migration never changes once shipped: later changes are new files.
 */
import { sql, type Kysely } from 'kysely';

// Migrations see the database as it was when they were written, never today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function orders(db: AnyDb) {
  await db.schema
    .createTable('orders')
    .addColumn('tid', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('buyer_nick', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('modified_at', 'timestamptz', (c) => c.notNull())
    .addColumn('paid_at', 'timestamptz')
    .addColumn('doc', 'jsonb', (c) => c.notNull())
    .execute();
  // The sync and the status tabs: orders of some statuses changed since an instant.
  await db.schema.createIndex('orders_status_modified').on('orders').columns(['status', 'modified_at']).execute();
  await db.schema.createIndex('orders_modified').on('orders').column('modified_at').execute();
  // The console's list is newest first, tid breaking ties.
  await db.schema.createIndex('orders_created').on('orders').columns(['created_at desc', 'tid desc']).execute();
  await db.schema.createIndex('orders_buyer').on('orders').columns(['buyer_nick', 'created_at']).execute();

  await db.schema
    .createTable('order_waybills')
    .addColumn('waybill', 'text', (c) => c.notNull())
    .addColumn('tid', 'text', (c) => c.notNull().references('orders.tid').onDelete('cascade'))
    .addPrimaryKeyConstraint('order_waybills_pk', ['waybill', 'tid'])
    .execute();
  await db.schema.createIndex('order_waybills_tid').on('order_waybills').column('tid').execute();
}

async function remarks(db: AnyDb) {
  // No foreign key to orders: the history outlives an order the sync has not seen (yet).
  await db.schema
    .createTable('remark_entries')
    .addColumn('tid', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('doc', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('remark_entries_pk', ['tid', 'id'])
    .execute();
  await db.schema.createIndex('remark_entries_tid_at').on('remark_entries').columns(['tid', 'at']).execute();

  await db.schema
    .createTable('remark_outbox')
    .addColumn('entry_id', 'text', (c) => c.primaryKey())
    .addColumn('tid', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('remark_outbox_queued').on('remark_outbox').column('queued_at').execute();
}

async function sessions(db: AnyDb) {
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
  await db.schema.createIndex('sessions_username').on('sessions').column('username').execute();
}

async function jobRuns(db: AnyDb) {
  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('slot', 'timestamptz')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    // Written by the running instance every few seconds (database time): a run without a fresh one is dead.
    .addColumn('heartbeat_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('outcome', 'text')
    .addColumn('counts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('error', 'text')
    // One run per job and slot across every instance: the claim is an insert that loses on this.
    // A manual run's slot is null, and nulls never collide.
    .addUniqueConstraint('job_runs_job_slot', ['job', 'slot'])
    .execute();
  await db.schema.createIndex('job_runs_job_started').on('job_runs').columns(['job', 'started_at']).execute();
  // Runs still going, for the overlap check at each claim.
  await db.schema
    .createIndex('job_runs_unfinished')
    .on('job_runs')
    .column('job')
    .where(sql.ref('finished_at'), 'is', null)
    .execute();
}

async function messages(db: AnyDb) {
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('tid', 'text')
    .addColumn('buyer_nick', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sending_since', 'timestamptz')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('doc', 'jsonb', (c) => c.notNull())
    .execute();
  // due(now): queued messages by due time; the list filters by state and shows newest first.
  await db.schema.createIndex('messages_state_due').on('messages').columns(['state', 'due_at']).execute();
  await db.schema.createIndex('messages_created').on('messages').columns(['created_at desc', 'id']).execute();
  await db.schema.createIndex('messages_tid').on('messages').column('tid').execute();
  // The per-buyer daily cap: messages that left for one buyer on one day.
  await db.schema
    .createIndex('messages_buyer_sending')
    .on('messages')
    .columns(['buyer_nick', 'sending_since'])
    .execute();
}

export async function up(db: AnyDb): Promise<void> {
  await orders(db);
  await remarks(db);
  await sessions(db);
  await jobRuns(db);
  await messages(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['messages', 'job_runs', 'sessions', 'remark_outbox', 'remark_entries', 'order_waybills'])
    await db.schema.dropTable(table).ifExists().execute();
  await db.schema.dropTable('orders').ifExists().execute();
}
