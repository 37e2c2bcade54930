import { Command } from 'commander';
import type { Config } from '../../config/index.js';
import { withApi } from '../with-service.js';

const OUTCOME: Record<string, string> = { ok: '成功', failed: '失败', 'skipped-overlap': '跳过（上一次还在运行）' };

export function jobsCommand(loadConfig: () => Config): Command {
  const jobs = new Command('jobs').description('定时任务 (scheduled jobs)');
  jobs
    .command('list')
    .description('list jobs with their cron expression, time zone and next run')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await withApi(loadConfig(), (api) => api.listJobs());
      if (opts.json) return void process.stdout.write(JSON.stringify(list, null, 2) + '\n');
      const w = Math.max(...list.map((j) => j.name.length));
      for (const j of list) {
        const last = j.lastRun
          ? `  上次 ${OUTCOME[j.lastRun.outcome] ?? j.lastRun.outcome} ${j.lastRun.finishedAt}`
          : '';
        process.stdout.write(
          `${j.name.padEnd(w)}  ${j.schedule.padEnd(14)}  ${j.timeZone}  下次 ${j.nextRun ?? '-'}${last}\n`,
        );
      }
    });
  jobs
    .command('run')
    .description('run one job now')
    .argument('<name>')
    .action(async (name: string) => {
      const run = await withApi(loadConfig(), (api) => api.runJob(name));
      const counts = Object.entries(run.counts)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      process.stdout.write(
        `${name}：${OUTCOME[run.outcome] ?? run.outcome}${counts ? ` ${counts}` : ''}${run.error ? ` — ${run.error}` : ''}\n`,
      );
      if (run.outcome === 'failed') process.exitCode = 1;
    });
  return jobs;
}
