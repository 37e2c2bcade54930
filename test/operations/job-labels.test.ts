/** Jobs have one table of names and one of default schedules (operations/jobs-config.ts); other modules take theirs. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULES, FIXED_JOB_NAMES, JOB_LABELS, JOB_NAMES } from '../../src/operations/jobs-config.js';
import type { SyncService } from '../../src/sync/sync-service.js';
import { syncJobs } from '../../src/sync/index.js';
import { copiesOutside } from '../support/literal-copies.js';

const OWNER = 'src/operations/jobs-config.ts';

describe('job names and schedules', () => {
  it("when the source is searched, then no file but jobs-config.ts spells a job's name or a default schedule", () => {
    expect(copiesOutside(Object.values(JOB_LABELS), [OWNER])).toEqual({});
    expect(copiesOutside(Object.values(DEFAULT_SCHEDULES), [OWNER])).toEqual({});
  });

  it('when every job is named, then each configurable and fixed job has a Chinese name', () => {
    expect(Object.keys(JOB_LABELS).sort()).toEqual([...JOB_NAMES, ...FIXED_JOB_NAMES].sort());
    for (const [job, name] of Object.entries(JOB_LABELS)) expect(name, job).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it("when sync's jobs are built, then they run on the schedules they are given, not on cron text of their own", () => {
    const jobs = syncJobs({} as SyncService, { 'order-sync': '1 * * * *', 'logistics-refresh': '2 * * * *' });
    expect(jobs.map((j) => [j.name, j.schedule])).toEqual([
      ['order-sync', '1 * * * *'],
      ['logistics-refresh', '2 * * * *'],
    ]);
    for (const j of jobs) expect(j.description, j.name).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
