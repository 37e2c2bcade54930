import { Command } from 'commander';
import type { Labels } from '../../service/index.js';
import { type CliContext, withCommandApi } from '../with-service.js';

/**
 * Staff read the job's Chinese name; the English name beside it is what `xiaoer jobs run` takes. Counts
 * and outcomes are named from the lists the console reads (GET /api/labels, from the serving instance's own
 * jobs config, which a CLI on another machine does not have); a key or code without a name shows as it is.
 */
const named = (names: Readonly<Record<string, string>>, code: string, otherwise = code) =>
  Object.hasOwn(names, code) ? names[code]! : otherwise;
/** The config's jobs are named, the timed ones (打印批次 12:00) included. */
const jobLabel = (labels: Labels, name: string) => named(labels.jobs, name, '');
const outcomeLabel = (labels: Labels, outcome: string) => named(labels.runOutcomes, outcome);
/** 新订单 2，有变动的订单 6 */
const countsText = (labels: Labels, job: string, counts: Record<string, number>) => {
  const all = labels.jobCounts;
  const names = Object.hasOwn(all, job) ? all[job]! : {};
  return Object.entries(counts)
    .map(([k, v]) => `${named(names, k)} ${v}`)
    .join('，');
};
/** Columns line up in a terminal, where a Chinese character takes two cells. */
const cells = (text: string) => [...text].reduce((n, c) => n + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - cells(text)));
/** The service's instants are shop time (+08:00): their wall clock is what a person reads, to the minute. */
const wallClock = (instant: string | null | undefined) => (instant ? instant.slice(0, 16).replace('T', ' ') : '-');

export function jobsCommand(cli: CliContext): Command {
  const jobs = new Command('jobs').description('定时任务');
  jobs
    .command('list')
    .description('列出定时任务：任务名、时间表、下次和上次运行、运行它的实例')
    .option('--json', '输出 JSON')
    .action(async (opts: { json?: boolean }) => {
      const [list, labels] = await withCommandApi(cli, (api) => Promise.all([api.listJobs(), api.labels()]));
      const label = (name: string) => jobLabel(labels, name);
      if (opts.json) return void process.stdout.write(JSON.stringify(list, null, 2) + '\n');
      // Every job runs in shop time (the scheduler's one zone, Asia/Shanghai): said once, as the console says it.
      process.stdout.write('所有时间均为北京时间\n');
      const labelWidth = Math.max(...list.map((j) => cells(label(j.name))));
      const nameWidth = Math.max(...list.map((j) => j.name.length));
      for (const j of list) {
        const run = j.lastRun;
        // A run whose instance stopped mid-run has no end: its start is the time there is.
        const last = run
          ? `  上次 ${outcomeLabel(labels, run.outcome)} ${wallClock(run.finishedAt ?? run.startedAt)}`
          : '';
        // Who ran it: with several instances on one database, any of them (the same answer from each).
        const who = run?.instanceId ? `  实例 ${run.instanceId}` : '';
        const now = j.runningOn ? `  运行中（实例 ${j.runningOn}）` : '';
        const name = `${pad(label(j.name), labelWidth)}  ${j.name.padEnd(nameWidth)}`;
        process.stdout.write(`${name}  ${j.schedule.padEnd(14)}  下次 ${wallClock(j.nextRun)}${last}${who}${now}\n`);
      }
    });
  jobs
    .command('run')
    .description('立即运行一个定时任务')
    .argument('<name>', '任务名，如 order-sync（见 xiaoer jobs list）')
    .action(async (name: string) => {
      const [run, labels] = await withCommandApi(
        cli,
        async (api) => [await api.runJob(name), await api.labels()] as const,
      );
      const counts = countsText(labels, name, run.counts);
      const label = jobLabel(labels, name);
      const error = run.error ? ` — ${run.error}` : '';
      process.stdout.write(
        `${label ? `${label}（${name}）` : name}：${outcomeLabel(labels, run.outcome)}${counts ? `，${counts}` : ''}${error}\n`,
      );
      if (run.outcome === 'failed') process.exitCode = 1;
    });
  return jobs;
}
