/**
 * Run in a child process under another TZ by cron-time.test.ts: prints, for every default schedule,
 * our next run and last due time from a fixed instant, and node-cron's own next run (timezone
 * Asia/Shanghai) together with ours from the same moment.
 */
import cron from 'node-cron';
import { lastCronDue, nextCronRun } from '../../../src/scheduler/cron-time.js';
import { DEFAULT_SCHEDULES } from '../../../src/operations/jobs-config.js';
import { toInstant } from '../../../src/shared/time.js';

export function nextRunsFrom(fromMs: number) {
  return Object.fromEntries(
    Object.entries(DEFAULT_SCHEDULES).map(([name, expr]) => {
      const next = nextCronRun(expr, fromMs);
      const due = lastCronDue(expr, fromMs);
      return [name, { next: next === null ? null : toInstant(next), lastDue: due === null ? null : toInstant(due) }];
    }),
  );
}

export async function nodeCronAgreement() {
  const out: Record<string, { nodeCron: string | null; ours: string | null }> = {};
  for (const [name, expr] of Object.entries(DEFAULT_SCHEDULES)) {
    const task = cron.schedule(expr, () => undefined, { timezone: 'Asia/Shanghai', name: `probe-${name}` });
    const from = Date.now();
    const theirs = task.getNextRun();
    await task.destroy();
    const ours = nextCronRun(expr, from);
    out[name] = { nodeCron: theirs ? toInstant(theirs.getTime()) : null, ours: ours === null ? null : toInstant(ours) };
  }
  return out;
}

if (process.argv[2] === '--print') {
  const from = Date.parse(process.argv[3]!);
  console.log(
    JSON.stringify({
      tz: process.env.TZ,
      hostOffset: new Date(from).getTimezoneOffset(),
      runs: nextRunsFrom(from),
      nodeCron: await nodeCronAgreement(),
    }),
  );
}
