/**
 * The tables as Kysely sees them (what the migrations in ./migrations create). Timestamps are timestamptz, read back
 * as Date; the code around turns them into +08:00 instants. Each table keeps the columns its queries filter and sort
 * by, and the document itself as jsonb, so a repository reads one row and gets the object it has today.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** A timestamptz column: written as a Date or an ISO string, read as a Date. */
type Instant = ColumnType<Date, Date | string, Date | string>;
/** jsonb holding a domain document (an Order, a RemarkEntry, an OutboundMessage). */
type Doc = JSONColumnType<Record<string, unknown>, string, string>;

/** The order book: by status and modified time (sync, lists), by buyer, newest first (the console's list). */
export interface OrdersTable {
  tid: string;
  status: string;
  buyer_nick: string;
  created_at: Instant;
  modified_at: Instant;
  paid_at: Instant | null;
  doc: Doc;
}

/** Waybill → order (items[].invoiceNo): one row per waybill and order, rewritten with the order. */
export interface OrderWaybillsTable {
  waybill: string;
  tid: string;
}

/** Remark history: one row per entry, read by order in time order. The entry id is its idempotency key. */
export interface RemarkEntriesTable {
  tid: string;
  id: string;
  at: Instant;
  status: string;
  doc: Doc;
}

/** Entries still to land on the platform (or a trade still to close), claimed with FOR UPDATE SKIP LOCKED. */
export interface RemarkOutboxTable {
  entry_id: string;
  tid: string;
  queued_at: Instant;
  claimed_by: string | null;
  claimed_at: Instant | null;
}

/** Logins: only the token's sha256 is kept, as in the lowdb store. */
export interface SessionsTable {
  token_hash: string;
  username: string;
  created_at: Instant;
  expires_at: Instant;
}

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

/** Outbound messages: the idempotency key is unique; due messages are claimed with FOR UPDATE SKIP LOCKED. */
export interface MessagesTable {
  id: string;
  idempotency_key: string;
  kind: string;
  audience: string;
  tid: string | null;
  buyer_nick: string;
  state: string;
  due_at: Instant;
  created_at: Instant;
  /** When it left (or may have left) for the buyer: the per-buyer daily cap counts these. */
  sending_since: Instant | null;
  claimed_by: string | null;
  claimed_at: Instant | null;
  doc: Doc;
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

export interface Database {
  orders: OrdersTable;
  order_waybills: OrderWaybillsTable;
  remark_entries: RemarkEntriesTable;
  remark_outbox: RemarkOutboxTable;
  sessions: SessionsTable;
  job_runs: JobRunsTable;
  messages: MessagesTable;
  instances: InstancesTable;
}
