import { Command } from 'commander';
import type { Config } from '../../config/index.js';
import { withService } from '../with-service.js';

interface Listing {
  name: string;
  schedule: string;
  timeZone: string;
  nextRun: string | null;
  lastRun: { outcome: string; finishedAt: string } | null;
}

export function jobsCommand(loadConfig: () => Config): Command {
  const jobs = new Command('jobs').description('定时任务 (scheduled jobs)');
  jobs
    .command('list')
    .description('list jobs with their cron expression, time zone and next run')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await withService<Listing[]>(
        loadConfig(),
        async (api) => (await api.get<{ jobs: Listing[] }>('/jobs')).data.jobs,
        async (svc) => svc.operations.listJobs() as unknown as Listing[],
      );
      if (opts.json) return void process.stdout.write(JSON.stringify(list, null, 2) + '\n');
      const w = Math.max(...list.map((j) => j.name.length));
      for (const j of list) {
        const last = j.lastRun ? `  last ${j.lastRun.outcome} ${j.lastRun.finishedAt}` : '';
        process.stdout.write(`${j.name.padEnd(w)}  ${j.schedule.padEnd(14)}  ${j.timeZone}  next ${j.nextRun ?? '-'}${last}\n`);
      }
    });
  jobs
    .command('run')
    .description('run one job now')
    .argument('<name>')
    .action(async (name: string) => {
      const run = await withService<{ outcome: string; counts: Record<string, number>; error: string | null }>(
        loadConfig(),
        async (api) => (await api.post(`/jobs/${encodeURIComponent(name)}/run`)).data,
        async (svc) => svc.operations.runJob(name),
      );
      process.stdout.write(`${name}: ${run.outcome} ${JSON.stringify(run.counts)}${run.error ? ` — ${run.error}` : ''}\n`);
      if (run.outcome === 'failed') process.exitCode = 1;
    });
  return jobs;
}
