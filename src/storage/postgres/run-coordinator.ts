/**
 * The run coordinator on PostgreSQL (the port is src/scheduler/run-coordinator.ts; storage sits under the
 * scheduler, so the shapes are repeated here and the type-check matches them where the two meet). A claim is an
 * insert that does nothing when the (job, slot) row exists: the unique constraint picks one winner among any
 * number of instances, with no lock held while the job runs. The same rows are the run history.
 *
 * One job never runs twice at once, across instances too (the scheduler's overlap guard sees its own process only):
 * a claim made while another run of the job is still going — its instance's heartbeat fresh — records the slot as
 * skipped-overlap and loses. A run whose heartbeat went stale is dead: it blocks nothing, and its outcome stays
 * empty for a person to check (it is never run again).
 */
import { sql } from 'kysely';
import type { Db } from './connect.js';
import { lastRuns, type ListedJobRuns } from './run-listing.js';

interface Claim {
  job: string;
  slot: string;
  instanceId: string;
  reason: string;
  at: string;
}

interface Run {
  job: string;
  startedAt: string;
  finishedAt: string;
  outcome: string;
  counts: Record<string, number>;
  error: string | null;
}

export interface PostgresRunCoordinator {
  claim(claim: Claim): Promise<boolean>;
  heartbeat(job: string, slot: string): Promise<void>;
  finish(job: string, slot: string, run: Run): Promise<void>;
  recordManual(run: Run, instanceId: string): Promise<void>;
  lastSuccess(job: string): Promise<number | null>;
  /** Each listed job's newest ended run (a dead one as 'unknown') and who runs it now (run-listing.ts). */
  lastRuns(jobs: readonly string[]): Promise<Map<string, ListedJobRuns>>;
}

/** A running instance beats every 15 s (the scheduler's default); four missed beats and its run is dead. */
export const STALE_AFTER_MS = 60_000;

export function createPostgresRunCoordinator(db: Db, options: { staleAfterMs?: number } = {}): PostgresRunCoordinator {
  const staleSeconds = (options.staleAfterMs ?? STALE_AFTER_MS) / 1000;
  return {
    claim: ({ job, slot, instanceId, reason, at }) =>
      db.transaction().execute(async (trx) => {
        // Claims of one job are taken one at a time, so two slots never both find nothing running.
        await sql`select pg_advisory_xact_lock(hashtextextended(${`job-run:${job}`}, 0))`.execute(trx);
        const going = await trx
          .selectFrom('job_runs')
          .select('id')
          .where('job', '=', job)
          .where('finished_at', 'is', null)
          .where('heartbeat_at', '>', sql<Date>`now() - make_interval(secs => ${staleSeconds})`)
          .limit(1)
          .executeTakeFirst();
        const row = { job, slot, reason, instance_id: instanceId, started_at: at, counts: '{}' };
        const skipped = { ...row, finished_at: at, outcome: 'skipped-overlap' };
        const inserted = await trx
          .insertInto('job_runs')
          .values(going ? skipped : row)
          .onConflict((oc) => oc.columns(['job', 'slot']).doNothing())
          .returning('id')
          .executeTakeFirst();
        return !going && inserted !== undefined;
      }),
    async heartbeat(job, slot) {
      await db
        .updateTable('job_runs')
        .set({ heartbeat_at: sql<Date>`now()` })
        .where('job', '=', job)
        .where('slot', '=', new Date(slot))
        .where('finished_at', 'is', null)
        .execute();
    },
    async finish(job, slot, run) {
      await db
        .updateTable('job_runs')
        .set({
          started_at: run.startedAt,
          finished_at: run.finishedAt,
          outcome: run.outcome,
          counts: JSON.stringify(run.counts),
          error: run.error,
        })
        .where('job', '=', job)
        .where('slot', '=', new Date(slot))
        .execute();
    },
    async recordManual(run, instanceId) {
      await db
        .insertInto('job_runs')
        .values({
          job: run.job,
          slot: null,
          reason: 'manual',
          instance_id: instanceId,
          started_at: run.startedAt,
          finished_at: run.finishedAt,
          outcome: run.outcome,
          counts: JSON.stringify(run.counts),
          error: run.error,
        })
        .execute();
    },
    lastRuns: (jobs) => lastRuns(db, jobs, staleSeconds),
    async lastSuccess(job) {
      const row = await db
        .selectFrom('job_runs')
        .select((eb) => eb.fn.max(eb.fn.coalesce('slot', 'started_at')).as('at'))
        .where('job', '=', job)
        .where('outcome', '=', 'ok')
        .executeTakeFirst();
      const at = row?.at as Date | string | null | undefined;
      return at ? new Date(at).getTime() : null;
    },
  };
}
