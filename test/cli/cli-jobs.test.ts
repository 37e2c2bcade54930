/**
 * `xiaoer jobs list` and `xiaoer jobs run`, as a shop's admin runs them (the built CLI, no service running):
 * every word read is Chinese, from the lists the console reads too (JOB_LABELS, JOB_COUNT_LABELS, the run
 * outcomes); only the job's name, which `jobs run` takes, the cron text, the zone and the times stay as typed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultJobsConfig, JOB_COUNT_LABELS, jobLabels } from '../../src/operations/index.js';
import { ensureBuiltCli, xiaoer } from '../support/cli.js';
import { quietJobs } from './service-process.js';

let dir: string;
beforeAll(async () => {
  await ensureBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-cli-jobs-'));
  await quietJobs(dir);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('xiaoer jobs', () => {
  it('when the admin runs order-sync, then the CLI names the job and each count in Chinese, beside the name she typed', async () => {
    const { stdout } = await xiaoer(['jobs', 'run', 'order-sync'], dir);
    const names = JOB_COUNT_LABELS['order-sync'];
    expect(stdout).toMatch(
      new RegExp(`^订单同步（order-sync）：成功，${names.new} \\d+，${names.changed} \\d+，${names.calls} \\d+\\n$`),
    );
    // The sandbox shop's orders are all new to an empty data folder.
    expect(Number(new RegExp(`${names.new} (\\d+)`).exec(stdout)![1])).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/\b(ok|new|changed|calls)\b/);
  }, 60_000);

  it('when the admin lists the jobs, then each line starts with its Chinese name, then the name to type, and the last run reads in Chinese', async () => {
    const { stdout } = await xiaoer(['jobs', 'list'], dir);
    const [zone, ...lines] = stdout.trimEnd().split('\n');
    // Shop time is said once; each time reads as its wall clock to the minute (no ISO text, no zone name).
    expect(zone).toBe('所有时间均为北京时间');
    const time = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d';
    // A job named from data reads its time after its label (打印批次 12:00, print-batch-1200).
    const label = '\\S+(?: \\d\\d:\\d\\d(?:–\\d\\d:\\d\\d)?)?';
    const line = new RegExp(
      `^(${label}) +([a-z0-9-]+) +(\\S+(?: \\S+){4}) +下次 ${time}(?: {2}上次 (\\S+) ${time})?(?: {2}实例 (\\S+))?$`,
    );
    const rows = lines.map((l) => line.exec(l));
    expect(
      rows.filter((r) => !r),
      lines.join('\n'),
    ).toEqual([]);
    const labels = jobLabels(defaultJobsConfig());
    expect(rows.map((r) => r![2]).sort()).toEqual(Object.keys(labels).sort());
    for (const r of rows) expect(r![1], r![2]).toBe(labels[r![2]!]);
    // The print batches, at their Asia/Shanghai times.
    expect(lines.filter((l) => l.includes('print-batch-')).map((l) => l.split(/ {2,}/).slice(0, 3))).toEqual([
      ['打印批次 12:00', 'print-batch-1200', '0 12 * * *'],
      ['打印批次 15:00', 'print-batch-1500', '0 15 * * *'],
      ['打印批次 17:00', 'print-batch-1700', '0 17 * * *'],
    ]);
    // The three repair windows (中差评处理), each labelled with its span, at its start in Asia/Shanghai.
    expect(lines.filter((l) => l.includes('review-window-')).map((l) => l.split(/ {2,}/).slice(0, 3))).toEqual([
      ['中差评处理 11:00–12:00', 'review-window-1100', '0 11 * * *'],
      ['中差评处理 15:00–16:30', 'review-window-1500', '0 15 * * *'],
      ['中差评处理 20:00–21:00', 'review-window-2000', '0 20 * * *'],
    ]);
    // Only order-sync has run (the test before); its outcome is a word, not the code `ok`.
    expect(rows.filter((r) => r![4]).map((r) => [r![2], r![4]])).toEqual([['order-sync', '成功']]);
    // … and names the instance that ran it (the `jobs run` process before: this machine, its pid).
    expect(rows.filter((r) => r![5]).map((r) => r![2])).toEqual(['order-sync']);
    expect(rows.find((r) => r![5])![5]!.startsWith(`${hostname()}:`)).toBe(true);
    // The names line up in a terminal, where a Chinese character takes two cells.
    const width = (s: string) => [...s].reduce((n, c) => n + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    const nameColumn = lines.map((l) => width(l.slice(0, l.search(/ [a-z]/) + 1)));
    expect(new Set(nameColumn).size, nameColumn.join(' ')).toBe(1);
  }, 60_000);
});
