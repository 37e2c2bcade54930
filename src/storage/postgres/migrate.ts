/**
 * Schema migrations through Kysely's Migrator. On PostgreSQL it takes an advisory lock around the run, so instances
 * booting at once on one empty database migrate it once: the others wait, then find nothing left to do.
 * Migrations are listed here, not read from a folder, so the same list runs from src/ (tests) and dist/.
 */
import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import * as firstTables from './migrations/0001-first-tables.js';
import * as storeTables from './migrations/0002-store-tables.js';
import * as instances from './migrations/0003-instances.js';

/** In the order they run; a name never changes once shipped. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-first-tables': firstTables,
  '0002-store-tables': storeTables,
  '0003-instances': instances,
};

export interface MigrateResult {
  /** Migrations this call ran (none when another instance or an earlier start ran them). */
  applied: string[];
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migration: string | null,
    cause: unknown,
  ) {
    super(`database migration ${migration ?? '(before any migration)'} failed: ${(cause as Error)?.message ?? cause}`, {
      cause,
    });
    this.name = 'MigrationFailedError';
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<MigrateResult> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw new MigrationFailedError(results.find((r) => r.status === 'Error')?.migrationName ?? null, error);
  return { applied: results.filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName) };
}
