/**
 * The run coordinator on PostgreSQL (the port is src/scheduler/run-coordinator.ts; storage sits under the
 * scheduler, so the shapes are repeated here and the type-check matches them where the two meet). A claim is an
 * insert that does nothing when the (job, slot) row exists: the unique constraint picks one winner among any
 * number of instances, with no lock held while the job runs. The same rows are the run history.
 */
import type { Db } from './connect.js';

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
  finish(job: string, slot: string, run: Run): Promise<void>;
  recordManual(run: Run, instanceId: string): Promise<void>;
  lastSuccess(job: string): Promise<number | null>;
}

export function createPostgresRunCoordinator(db: Db): PostgresRunCoordinator {
  return {
    async claim({ job, slot, instanceId, reason, at }) {
      const row = await db
        .insertInto('job_runs')
        .values({ job, slot, reason, instance_id: instanceId, started_at: at, counts: '{}' })
        .onConflict((oc) => oc.columns(['job', 'slot']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
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
