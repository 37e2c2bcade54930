/**
 * One scheduled job per batch time (print-batch-1200 at 12:00 Asia/Shanghai …): it stores the day's batch at its
 * time, so what the page lists after the time is what entered the batch, with each receiver as it was then.
 */
import { timedJobName } from '../operations/settings.js';
import type { Job } from '../scheduler/index.js';
import { shanghaiDate, type Clock } from '../shared/time.js';
import type { PrintingService } from './batch-service.js';

/**
 * A batch made up after a stop still gathers its orders, within config.jobs.printBatches.catchUpMinutes of its time
 * (later, the next batch takes them).
 */
export function printBatchJobs(deps: { printing: PrintingService; clock: Clock; catchUpMinutes: number }): Job[] {
  return deps.printing.times.map((time) => {
    const [h, m] = time.split(':').map(Number);
    return {
      name: timedJobName('print-batch', time),
      schedule: `${m} ${h} * * *`,
      ...(deps.catchUpMinutes ? { catchUpMinutes: deps.catchUpMinutes } : {}),
      description: `print batch due at ${time}: store the paid orders to print`,
      run: (ctx) => deps.printing.build({ date: shanghaiDate(ctx?.dueAt ?? deps.clock.now()), time }),
    };
  });
}
