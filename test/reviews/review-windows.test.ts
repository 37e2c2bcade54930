/**
 * The repair windows are data (config.jobs.reviewWindows): one job each, named and labelled from the data; the rule
 * "in a window / the next window" in Shanghai time; an old config naming the retired review-repair job is refused in
 * Chinese; the handover gives a review to whoever is on duty when the next window starts.
 */
import { describe, expect, it } from 'vitest';
import { ownerOf } from '../../src/handover/ownership.js';
import { defaultJobsConfig, jobLabels, jobsConfigSchema } from '../../src/operations/jobs-config.js';
import { jobCountLabels } from '../../src/operations/job-counts.js';
import { operationsJobs, repairWindowSettings } from '../../src/operations/registry.js';
import { nextWindow, windowAt } from '../../src/reviews/review-windows.js';
import { DEMO_ROSTER } from '../../src/roster/index.js';
import { fromZodIssues } from '../../src/shared/zod-errors.js';
import { parseInstant, toInstant } from '../../src/shared/time.js';

const at = (local: string) => parseInstant(`${local}+08:00`);
const windows = defaultJobsConfig().reviewWindows;

describe('the repair windows', () => {
  it('when nothing is configured, then the handbook three: 11:00–12:00, 15:00–16:30, 20:00–21:00', () => {
    expect(windows).toEqual([
      { start: '11:00', end: '12:00' },
      { start: '15:00', end: '16:30' },
      { start: '20:00', end: '21:00' },
    ]);
  });

  it('when the time is inside, before or after a window, then windowAt and nextWindow answer in Shanghai time', () => {
    expect(windowAt(windows, at('2026-11-23T11:00:00'))?.window.start).toBe('11:00');
    expect(windowAt(windows, at('2026-11-23T11:59:59'))?.window.start).toBe('11:00');
    expect(windowAt(windows, at('2026-11-23T12:00:00'))).toBeNull();
    expect(windowAt(windows, at('2026-11-23T16:29:00'))?.window.end).toBe('16:30');
    const next = nextWindow(windows, at('2026-11-23T12:30:00'))!;
    expect(toInstant(next.start)).toBe('2026-11-23T15:00:00.000+08:00');
    // after 21:00 the next is tomorrow's first
    expect(toInstant(nextWindow(windows, at('2026-11-23T21:00:00'))!.start)).toBe('2026-11-24T11:00:00.000+08:00');
    expect(nextWindow([], at('2026-11-23T10:00:00'))).toBeNull();
  });

  it('when the jobs are built, then one per window, named review-window-HHMM, labelled 中差评处理 start–end, run at the start and made up until the end', () => {
    const labels = jobLabels(defaultJobsConfig());
    expect(labels['review-window-1100']).toBe('中差评处理 11:00–12:00');
    expect(labels['review-window-1500']).toBe('中差评处理 15:00–16:30');
    expect(labels['review-window-2000']).toBe('中差评处理 20:00–21:00');
    expect(labels['review-repair']).toBeUndefined();
    expect(repairWindowSettings({ start: '15:00', end: '16:30' }, false)).toEqual({ schedule: '0 15 * * *' });
    expect(repairWindowSettings({ start: '15:00', end: '16:30' })).toEqual({
      schedule: '0 15 * * *',
      catchUpMinutes: 90,
    });
    expect(jobCountLabels(defaultJobsConfig())['review-window-1500']).toMatchObject({ new: '新的中差评' });
    const config = jobsConfigSchema.parse({ reviewWindows: [{ start: '10:30', end: '11:15' }] });
    const { jobs } = operationsJobs({
      config,
      platform: { async *negativeReviews() {} },
      reviews: {},
    } as unknown as Parameters<typeof operationsJobs>[0]);
    const own = jobs.filter((j) => j.name.startsWith('review-'));
    expect(own.map((j) => [j.name, j.schedule, j.catchUpMinutes])).toEqual([['review-window-1030', '30 10 * * *', 45]]);
  });

  it('when windows overlap or end before they start, then the config is refused in Chinese', () => {
    const refused = (reviewWindows: unknown) => {
      const r = jobsConfigSchema.safeParse({ reviewWindows });
      return r.success ? null : fromZodIssues(r.error.issues).message;
    };
    expect(refused([{ start: '11:00', end: '10:00' }])).toMatch('结束时间要晚于开始时间');
    expect(
      refused([
        { start: '11:00', end: '12:00' },
        { start: '11:30', end: '12:30' },
      ]),
    ).toMatch('不能重叠');
    expect(refused([{ start: '11:00', end: '12:00' }])).toBeNull();
  });

  it('when an old config still schedules review-repair, then it is refused saying the job became the windows', () => {
    for (const jobs of [
      { schedules: { 'review-repair': '0 20 * * *' } },
      { catchUpMinutes: { 'review-repair': 60 } },
    ]) {
      const r = jobsConfigSchema.safeParse(jobs);
      expect(r.success).toBe(false);
      const err = fromZodIssues(r.success ? [] : r.error.issues);
      expect(err.message).toMatch(/review-repair.*已取消.*jobs\.reviewWindows/);
      expect(err.code).toBe('job_retired');
    }
  });

  it("when a review came in, then it is whoever is on duty when the next window starts, from the config's windows", () => {
    const known = () => true;
    const owner = (local: string, ws = windows) =>
      ownerOf({ rule: 'repair_window', due: at(local) }, DEMO_ROSTER, known, ws);
    // Friday 2026-11-20: 小丽 and 小周 on the day shift (11:00, 15:00), 阿张 on the night shift (20:00)
    expect(owner('2026-11-20T10:00:00')).toBe('xiaoli');
    expect(owner('2026-11-20T16:40:00')).toBe('azhang');
    // only an evening window configured: the night shift takes the morning's review
    expect(owner('2026-11-20T10:00:00', [{ start: '20:00', end: '21:00' }])).toBe('azhang');
  });
});
