/**
 * The run coordinator's read side on PostgreSQL: each job's newest ended run and who runs it now, from job_runs,
 * for the job listing every instance shows alike. One query for all the listed jobs: per job, a backward walk of
 * the (job, started_at) index to its first ended row (a lateral join, so a year of five-minute slots costs each job
 * one index probe, not a scan and sort of the table as DISTINCT ON would), and a probe of the unfinished-runs
 * index for a run going on now.
 *
 * A run never finished whose heartbeat is older than the stale limit is dead (its instance stopped mid-run): it
 * is listed with outcome 'unknown' for a person to check, as nobody knows how it ended. A skipped slot never ran,
 * so it is never a job's last run.
 */
import { sql } from 'kysely';
import { toInstant } from '../../shared/time.js';
import type { Db } from './connect.js';

/** The shapes of src/scheduler/run-coordinator.ts (RunSummary, JobRunState), repeated: storage sits under it. */
interface Summary {
  job: string;
  slot: string | null;
  reason?: 'scheduled' | 'catch-up' | 'manual';
  instanceId: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** Never a skip: the query leaves skipped slots out. */
  outcome: 'ok' | 'failed' | 'unknown';
  counts: Record<string, number>;
  error: string | null;
}
export interface ListedJobRuns {
  last: Summary | null;
  runningOn: string | null;
}

interface Row {
  job: string;
  slot: Date | null;
  reason: string | null;
  instance_id: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  outcome: string | null;
  counts: Record<string, number> | null;
  error: string | null;
  running_on: string | null;
}

const instant = (at: Date) => toInstant(at.getTime());

function summaryOf(row: Row & { started_at: Date }): Summary {
  return {
    job: row.job,
    slot: row.slot ? instant(row.slot) : null,
    ...(row.reason ? { reason: row.reason as Summary['reason'] } : {}),
    instanceId: row.instance_id,
    startedAt: instant(row.started_at),
    finishedAt: row.finished_at ? instant(row.finished_at) : null,
    // Unfinished here means dead: a living run is excluded by the query (it is the running_on side).
    outcome: row.finished_at && row.outcome ? (row.outcome as Summary['outcome']) : 'unknown',
    counts: row.counts ?? {},
    error: row.error,
  };
}

export async function lastRuns(
  db: Db,
  jobs: readonly string[],
  staleSeconds: number,
): Promise<Map<string, ListedJobRuns>> {
  const fresh = sql`now() - make_interval(secs => ${staleSeconds})`;
  const { rows } = await sql<Row>`
    select j.job, last.slot, last.reason, last.instance_id, last.started_at, last.finished_at, last.outcome,
           last.counts, last.error, live.instance_id as running_on
    from unnest(${[...jobs]}::text[]) as j(job)
    left join lateral (
      select r.slot, r.reason, r.instance_id, r.started_at, r.finished_at, r.outcome, r.counts, r.error
      from job_runs r
      where r.job = j.job
        and (r.finished_at is not null or r.heartbeat_at <= ${fresh})
        and coalesce(r.outcome, '') not like 'skipped-%'
      order by r.started_at desc, r.id desc
      limit 1
    ) last on true
    left join lateral (
      select r.instance_id
      from job_runs r
      where r.job = j.job and r.finished_at is null and r.heartbeat_at > ${fresh}
      order by r.started_at desc
      limit 1
    ) live on true
  `.execute(db);
  const known = new Map<string, ListedJobRuns>();
  for (const row of rows) {
    const { started_at } = row;
    if (!started_at && !row.running_on) continue;
    known.set(row.job, { last: started_at ? summaryOf({ ...row, started_at }) : null, runningOn: row.running_on });
  }
  return known;
}
