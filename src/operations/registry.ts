/**
 * The one place the shop's day is registered: every job of the operations module, built from its
 * domain folder with the schedule and catch-up window from the config. A job whose port is missing
 * (no message sink yet, no reconciliation) is left out, and the reason is returned for the log.
 */
import {
  birthdayGreetingsJob,
  type BuyerDirectory,
  paymentRemindersJob,
  revisitListJob,
  type Revisits,
} from '../customers/index.js';
import type { FollowUps } from '../tasks/index.js';
import { handoverJob, type HandoverService } from '../handover/index.js';
import type { Parcel } from '../logistics/index.js';
import type { Order } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import { reviewWindowJob, type ReviewBook } from '../reviews/index.js';
import type { Logger } from '../shared/logger.js';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { refundRegisterJob, transferChecksJob, transferRegisterJob } from './definitions/register-jobs.js';
import { stuckParcelsJob, type TakingStaff } from './definitions/stuck-parcels.js';
import type { Job, JobSettings } from '../scheduler/index.js';
import { catchUpMinutesOf, timedJobName, type JobName, type JobsConfig, type ReviewWindow } from './jobs-config.js';
import type { MessageSink } from '../messaging/index.js';
import type { RefundRegisterExport, TransferChecks } from './ports.js';

export interface RegistryDeps {
  config: JobsConfig;
  store: Store;
  clock: Clock;
  logger: Logger;
  orders: { all(): Iterable<Order>; get(tid: string): Order | undefined };
  platform: Pick<ShopPlatform, 'negativeReviews'>;
  parcels: () => Iterable<Parcel>;
  takingStaff: (tid: string) => TakingStaff | null;
  followUps: FollowUps;
  reviews: ReviewBook;
  revisits: Revisits;
  handover: HandoverService;
  messages?: MessageSink;
  buyers?: BuyerDirectory;
  transferChecks?: TransferChecks;
  refundExport?: RefundRegisterExport;
}

export function settingsFor(config: JobsConfig, name: string): JobSettings {
  const schedule = (config.schedules as Partial<Record<string, string>>)[name];
  const catchUpMinutes = catchUpMinutesOf(config, name);
  return { schedule: schedule ?? '', ...(catchUpMinutes ? { catchUpMinutes } : {}) };
}

/**
 * Jobs built elsewhere (order-sync, logistics-refresh, the remark outbox) take the config's schedule when it names
 * them.
 */
export function withConfiguredSchedule(job: Job, config: JobsConfig): Job {
  const s = settingsFor(config, job.name);
  return s.schedule ? { ...job, ...s, run: job.run } : job;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * A window's job runs at its start and may be made up until its end, never after (no calls after 21:00); `catchUp`
 * false (config jobs.reviewWindowCatchUp) never makes it up.
 */
export function repairWindowSettings(w: ReviewWindow, catchUp = true): JobSettings {
  const start = minutesOf(w.start);
  const schedule = `${start % 60} ${Math.floor(start / 60)} * * *`;
  return catchUp ? { schedule, catchUpMinutes: minutesOf(w.end) - start } : { schedule };
}

export function operationsJobs(d: RegistryDeps): { jobs: Job[]; missing: { job: JobName; needs: string }[] } {
  const s = (name: JobName) => settingsFor(d.config, name);
  const jobs: Job[] = [];
  const missing: { job: JobName; needs: string }[] = [];
  const sink = d.messages;
  if (sink) {
    jobs.push(
      paymentRemindersJob(
        { orders: d.orders, sink, store: d.store, clock: d.clock },
        { ...s('payment-reminders'), rules: d.config.paymentReminders },
      ),
    );
    if (d.buyers)
      jobs.push(
        birthdayGreetingsJob(
          { directory: d.buyers, sink, store: d.store, clock: d.clock, logger: d.logger },
          s('birthday-greetings'),
        ),
      );
    else missing.push({ job: 'birthday-greetings', needs: 'BuyerDirectory' });
    jobs.push(
      stuckParcelsJob(
        {
          parcels: d.parcels,
          orderOf: (tid) => d.orders.get(tid),
          takingStaff: d.takingStaff,
          followUps: d.followUps,
          sink,
          clock: d.clock,
          stuckHours: d.config.stuckParcelHours,
        },
        s('stuck-parcels'),
      ),
    );
  } else {
    for (const job of ['payment-reminders', 'birthday-greetings', 'stuck-parcels'] as const)
      missing.push({ job, needs: 'MessageSink' });
  }
  if (d.transferChecks) {
    jobs.push(transferChecksJob({ checks: d.transferChecks }, s('transfer-checks')));
    jobs.push(transferRegisterJob({ checks: d.transferChecks, clock: d.clock }, s('transfer-register')));
  } else {
    missing.push(
      { job: 'transfer-checks', needs: 'TransferChecks' },
      { job: 'transfer-register', needs: 'TransferChecks' },
    );
  }
  if (d.refundExport) jobs.push(refundRegisterJob({ refunds: d.refundExport, clock: d.clock }, s('refund-register')));
  else missing.push({ job: 'refund-register', needs: 'RefundRegisterExport' });
  // One job per repair window (中差评处理 11:00–12:00 …): it only refreshes the reviews, so it needs no sink.
  for (const w of d.config.reviewWindows)
    jobs.push(
      reviewWindowJob(
        { book: d.reviews, platform: d.platform },
        timedJobName('review-window', w.start),
        repairWindowSettings(w, d.config.reviewWindowCatchUp),
      ),
    );
  jobs.push(revisitListJob({ revisits: d.revisits, clock: d.clock }, s('revisit-list')));
  jobs.push(handoverJob({ handover: d.handover, sink: sink ?? null, clock: d.clock }, 'day', s('handover-day')));
  jobs.push(handoverJob({ handover: d.handover, sink: sink ?? null, clock: d.clock }, 'night', s('handover-night')));
  return { jobs, missing };
}
