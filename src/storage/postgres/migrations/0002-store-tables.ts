/**
 * The store's own tables (issue 20, docs/postgres.md "The store on PostgreSQL"). The service keeps one Store
 * contract on lowdb and on PostgreSQL: every document is a row holding the domain object as json plus `seq`, the
 * store's commit sequence, which tells other instances what changed. The collections the domain queries most get a
 * table of their own with generated columns and indexes for those queries (orders by status and modified time, by
 * buyer, by waybill; messages by state and due time, by idempotency key; remark history by order; sessions by
 * user); every other collection is a row per document in `documents`. A deleted document stays as a row with a
 * null doc until no instance can need the tombstone. 0001's first tables (never used by a shipped service) give way
 * to these. Documents are `json`, not `jsonb`: jsonb hands objects back with their keys reordered, and the domain
 * tells an unchanged order from a changed one by its JSON text, as lowdb keeps it.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const OLD = ['order_waybills', 'orders', 'remark_outbox', 'remark_entries', 'sessions', 'messages'];

/** A table of one collection: its key, the document, the commit sequence, and generated columns for queries. */
async function docTable(db: AnyDb, table: string, key: string, generated: Record<string, string>) {
  const columns = Object.entries(generated)
    .map(
      ([name, expr]) =>
        `, ${name} ${expr.includes('jsonb_path') ? 'jsonb' : 'text'} generated always as (${expr}) stored`,
    )
    .join('');
  await sql.raw(`create table ${table} (${key} text primary key, doc json, seq bigint not null${columns})`).execute(db);
  await sql.raw(`create index ${table}_seq on ${table} (seq)`).execute(db);
}

export async function up(db: AnyDb): Promise<void> {
  for (const t of OLD) await sql.raw(`drop table if exists ${t} cascade`).execute(db);
  await sql.raw('create sequence store_seq').execute(db);

  // Instants are stored as the domain writes them (ISO with +08:00): one offset, so text order is time order.
  await docTable(db, 'orders', 'tid', {
    status: "doc->>'status'",
    buyer_nick: "doc->>'buyerNick'",
    created_at: "doc->>'createdAt'",
    modified_at: "doc->>'modifiedAt'",
    waybills: "jsonb_path_query_array(doc::jsonb, '$.items[*].invoiceNo')",
  });
  await sql.raw('create index orders_status_modified on orders (status, modified_at)').execute(db);
  await sql.raw('create index orders_modified on orders (modified_at)').execute(db);
  await sql.raw('create index orders_created on orders (created_at desc, tid desc)').execute(db);
  await sql.raw('create index orders_buyer on orders (buyer_nick, created_at)').execute(db);
  await sql.raw('create index orders_waybills on orders using gin (waybills)').execute(db);

  await docTable(db, 'messages', 'id', {
    idempotency_key: "doc->>'key'",
    state: "doc->>'state'",
    due_at: "doc->>'dueAt'",
    tid: "doc->>'tid'",
    buyer_nick: "doc->>'buyerNick'",
  });
  await sql.raw('create unique index messages_idempotency_key on messages (idempotency_key)').execute(db);
  await sql.raw('create index messages_due on messages (state, due_at)').execute(db);
  await sql.raw('create index messages_tid on messages (tid)').execute(db);

  // One row per order holding its remark entries: an order's history is one lookup.
  await docTable(db, 'remark_entries', 'tid', {});
  await docTable(db, 'remark_outbox', 'id', { tid: "doc->>'tid'", queued_at: "doc->>'queuedAt'" });
  await sql.raw('create index remark_outbox_queued on remark_outbox (queued_at)').execute(db);

  await docTable(db, 'sessions', 'token_hash', { username: "doc->>'username'", expires_at: "doc->>'expiresAt'" });
  await sql.raw('create index sessions_expires on sessions (expires_at)').execute(db);

  await sql
    .raw(
      'create table documents (collection text not null, id text not null, doc json, seq bigint not null, primary key (collection, id))',
    )
    .execute(db);
  await sql.raw('create index documents_seq on documents (seq)').execute(db);

  await sql
    .raw(
      'create table store_logs (name text not null, seq bigint generated always as identity, record json not null, primary key (name, seq))',
    )
    .execute(db);
  await sql.raw('create table store_meta (key text primary key, value jsonb not null)').execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'store_meta',
    'store_logs',
    'documents',
    'sessions',
    'remark_outbox',
    'remark_entries',
    'messages',
    'orders',
  ])
    await sql.raw(`drop table if exists ${t}`).execute(db);
  await sql.raw('drop sequence if exists store_seq').execute(db);
}
