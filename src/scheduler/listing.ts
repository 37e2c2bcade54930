/**
 * The last runs the listing shows (GET /api/jobs, `xiaoer jobs list`, 任务调度). They are read through the run
 * coordinator, so every instance sharing one database shows the same last run of a job, with the instance that ran
 * it: an instance that lost a slot to another would otherwise show its own older record.
 *
 * This instance's record (job-history.ts) still counts where it is newer: a run recorded before the shop moved to
 * PostgreSQL (the table starts empty), or a run whose end the coordinator missed (the database was away as it
 * ended). A coordinator that cannot answer leaves the listing on this instance's record, logged: a list is
 * still worth showing.
 */
import type { Logger } from '../shared/logger.js';
import { parseInstant } from '../shared/time.js';
import type { JobHistory } from './job-history.js';
import { summaryOf, type JobRunState, type RunCoordinator, type RunSummary } from './run-coordinator.js';

/** The newer of two runs by start; on a tie the coordinator's, which names the instance and a dead run. */
function newer(shared: RunSummary | null, local: RunSummary | null): RunSummary | null {
  if (!shared || !local) return shared ?? local;
  return parseInstant(local.startedAt) > parseInstant(shared.startedAt) ? local : shared;
}

export async function lastRunsOf(
  jobs: readonly string[],
  deps: { coordinator: RunCoordinator; history: Pick<JobHistory, 'load' | 'lastRun'>; logger: Logger },
): Promise<Map<string, JobRunState>> {
  await deps.history.load();
  const shared = await deps.coordinator.lastRuns(jobs).catch((err) => {
    deps.logger.error({ err }, "run coordinator did not answer; the job list shows this instance's record");
    return new Map<string, JobRunState>();
  });
  const states = new Map<string, JobRunState>();
  for (const job of jobs) {
    const own = deps.history.lastRun(job);
    const known = shared.get(job);
    const last = newer(known?.last ?? null, own ? summaryOf(own) : null);
    states.set(job, { last, runningOn: known?.runningOn ?? null });
  }
  return states;
}
