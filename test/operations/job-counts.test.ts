/**
 * The counts a job's run records are named once, per job (operations/job-counts.ts), for 任务调度. The
 * counts come from many modules, so the real service runs every job it schedules and each key it
 * reports must be named for that job, and no name kept for a key that is no longer reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultJobsConfig, JOB_COUNT_LABELS, jobCountLabels, jobLabels } from '../../src/operations/index.js';
import { copiesOutside } from '../support/literal-copies.js';
import { serviceRig } from '../support/service-rig.js';

describe('job run counts', () => {
  let rig: Awaited<ReturnType<typeof serviceRig>>;
  beforeAll(async () => {
    rig = await serviceRig();
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('when every scheduled job runs, then each count it records has a Chinese name for that job, and only those are named', async () => {
    const jobs = (await rig.svc.operations.listJobs()).map((j) => j.name);
    // The rig runs the default config: its print batches are jobs too (print-batch-1200 …).
    expect(jobs.sort()).toEqual(Object.keys(jobLabels(defaultJobsConfig())).sort());
    const reported: Record<string, string[]> = {};
    for (const name of jobs) {
      const run = await rig.svc.operations.runJob(name);
      expect(run.outcome, `${name}: ${run.error}`).toBe('ok');
      reported[name] = Object.keys(run.counts).sort();
    }
    const labels: Record<string, Readonly<Record<string, string>>> = jobCountLabels(defaultJobsConfig());
    const named = Object.fromEntries(jobs.map((name) => [name, Object.keys(labels[name] ?? {}).sort()]));
    expect(named).toEqual(reported);
    for (const [job, names] of Object.entries(JOB_COUNT_LABELS)) {
      for (const [key, name] of Object.entries(names)) expect(name, `${job} ${key}`).toMatch(/^[\u4e00-\u9fff、]+$/);
    }
  }, 120_000);

  it('when the source is searched, then no file but job-counts.ts spells the name of a count', () => {
    const names = new Set(Object.values(JOB_COUNT_LABELS).flatMap((n) => Object.values(n)));
    expect(copiesOutside(names, ['src/operations/job-counts.ts'])).toEqual({});
  });
});
