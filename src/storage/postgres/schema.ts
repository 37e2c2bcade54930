/**
 * The tables as Kysely sees them (what the migrations in ./migrations create). Timestamps are timestamptz, read back
 * as Date; the code around turns them into +08:00 instants. Each table keeps the columns its queries filter and sort
 * by, and the document itself as jsonb, so a repository reads one row and gets the object it has today.
 */
import type { ColumnType, Generated } from 'kysely';

/** A timestamptz column: written as a Date or an ISO string, read as a Date. */
type Instant = ColumnType<Date, Date | string, Date | string>;

/**
 * The run coordinator's table and the run history: a scheduled or catch-up run holds its (job, slot) — unique,
 * so one instance wins each slot — and writes its outcome when it ends. A manual run has no slot.
 */
export interface JobRunsTable {
  id: Generated<string>;
  job: string;
  /** The due time this run stands for; null for a manual run. */
  slot: Instant | null;
  reason: string;
  instance_id: string;
  started_at: Instant;
  /** Null while running, or forever if its instance died mid-run (a person's to check, never re-run). */
  finished_at: Instant | null;
  /** Database time of the running instance's last sign of life; a run without a fresh one is dead. */
  heartbeat_at: ColumnType<Date, Date | string | undefined, Date | string>;
  outcome: string | null;
  counts: ColumnType<Record<string, number>, string, string>;
  error: string | null;
}

/** The instance registry: one row per running instance, alive while its heartbeat (database time) is fresh. */
export interface InstancesTable {
  id: string;
  host: string;
  pid: number;
  port: number | null;
  started_at: ColumnType<Date, Date | string | undefined, Date | string>;
  heartbeat_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/**
 * A table of the store (migrations/0002-store-tables.ts): the document (null once deleted) and its commit number.
 * The store itself writes them in SQL (store/sql.ts); these types are for reading them with Kysely.
 */
interface StoreTable {
  doc: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  seq: ColumnType<string, number | string, number | string>;
}
type Keyed<Key extends string> = StoreTable & Record<Key, string>;

export interface Database {
  orders: Keyed<'tid'> & { status: string | null; buyer_nick: string | null; modified_at: string | null };
  messages: Keyed<'id'> & { idempotency_key: string | null; state: string | null; due_at: string | null };
  remark_entries: Keyed<'tid'>;
  remark_outbox: Keyed<'id'>;
  sessions: Keyed<'token_hash'>;
  documents: Keyed<'id'> & { collection: string };
  job_runs: JobRunsTable;
  instances: InstancesTable;
}
