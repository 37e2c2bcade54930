/**
 * The connection to PostgreSQL: one pg pool per process behind one Kysely instance. The address comes from
 * `databaseUrl` in the config (XIAOER_DATABASE_URL); without one the service keeps its lowdb store.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export interface PostgresOptions {
  /** postgres://user:password@host:5432/db */
  url: string;
  /** Connections this process may hold (each instance has its own pool). */
  poolSize?: number;
  /** Shown in pg_stat_activity, so a person can tell the instances apart. */
  applicationName?: string;
  /**
   * An idle connection the server dropped (a restart, a network cut): pg reports it on the pool, and a pool
   * error nobody listens to ends the process. The pool replaces the connection by itself; this only tells.
   */
  onIdleError?: (err: Error) => void;
  /** How json and jsonb values are parsed (the store shares repeated strings across 100k documents, as lowdb does). */
  parseJson?: (text: string) => unknown;
}

export type Db = Kysely<Database>;

/** The PostgreSQL address the config selects, or null for the lowdb store. */
export function databaseUrlOf(config: { databaseUrl?: string }): string | null {
  const url = config.databaseUrl?.trim();
  return url ? url : null;
}

export function connectPostgres(options: PostgresOptions): Db {
  return connectPostgresPool(options).db;
}

/** The pool and the Kysely over it: the store runs its bulk statements on the pool itself. */
export function connectPostgresPool(options: PostgresOptions): { pool: pg.Pool; db: Db } {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'xiaoer',
    // A database that does not answer must fail the request (a 503 for a person), not hang it.
    connectionTimeoutMillis: 10_000,
    ...(options.parseJson ? { types: jsonbTypes(options.parseJson) } : {}),
  });
  pool.on('error', (err) => options.onIdleError?.(err));
  // A connection that ends under a statement fails the statement AND emits 'error' on its client. The pool listens
  // only while the client is idle; Kysely's checkouts do not listen at all, so a cut during a run coordinator or
  // registry statement ended the process (test/postgres/connection-cut.test.ts). The statement's own failure is
  // what its caller handles; the pool drops the dead client on release (it is no longer queryable).
  pool.on('connect', (client) => client.on('error', () => undefined));
  return { pool, db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
}

const JSON_OID = 114;
const JSONB_OID = 3802;

function jsonbTypes(parse: (text: string) => unknown): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: string) =>
      (oid === JSONB_OID || oid === JSON_OID) && format !== 'binary'
        ? parse
        : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
  };
}
