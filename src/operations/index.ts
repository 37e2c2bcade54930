/**
 * The operations module (issue 6): the scheduler that runs the shop's day, complaints, intents and
 * the revisit list, follow-ups, and the shift handover — one factory for the composition root, like
 * remarks-module.ts. It schedules its own jobs and the ones other modules hand it (`otherJobs`:
 * order-sync, logistics-refresh, the remark outbox), so `listJobs`/`runJob` see every job.
 */
import type { Router } from 'express';
import { complaintsRouter, createComplaintService } from '../complaints/index.js';
import {
  type BuyerDirectory,
  intentsRouter,
  revisitsRouter,
  createIntents,
  createRevisits,
} from '../customers/index.js';
import { createFollowUps, followUpsRouter, createTaskRepository, createTaskService } from '../tasks/index.js';
import {
  createHandoverRecords,
  createOpenItemStates,
  openItemsRouter,
  shiftTableOf,
  handoverRouter,
  createHandoverService,
  allOpenItems,
  type HandoverSources,
  type ShiftName,
  type MessageStats,
  type TransferStatus,
  type ReturnStatus,
} from '../handover/index.js';
import { createParcelRepository } from '../logistics/index.js';
import type { OrderRepository } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import { createRemarkReader, type StaffDirectory } from '../remarks/index.js';
import { createReviewBook, reviewsRouter, type ReviewMessages } from '../reviews/index.js';
import type { Logger } from '../shared/logger.js';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import {
  createRosterRepository,
  createRosterService,
  emptyRoster,
  rosterRouter,
  type Roster,
} from '../roster/index.js';
import { createSyncState } from '../sync/index.js';
import { type Job, type JobRun, startScheduler, type CronDriver, type RunCoordinator } from '../scheduler/index.js';
import { defaultJobsConfig, type JobsConfig } from './jobs-config.js';
import { jobsRouter } from './jobs-router.js';
import type { MessageSink } from '../messaging/index.js';
import type { RefundRegisterExport, TransferChecks } from './ports.js';
import { operationsJobs, withConfiguredSchedule } from './registry.js';

export interface OperationsModuleDeps {
  store: Store;
  orders: OrderRepository;
  platform: Pick<ShopPlatform, 'negativeReviews'>;
  clock: Clock;
  logger: Logger;
  staffDirectory: StaffDirectory;
  /** config.jobs (jobsConfigSchema); defaults when absent. */
  config?: JobsConfig;
  /** config.memoDateFormat, default 'MM.DD'. */
  memoDateFormat?: string;
  /** Jobs of other modules to schedule here too (syncJobs(sync), remarks.jobs). */
  otherJobs?: Job[];
  messages?: MessageSink;
  /** Messaging's own enqueue (values, the person, the blanks it refuses for) for a review-repair message by hand. */
  reviewMessages?: ReviewMessages;
  messageStats?: MessageStats;
  transferChecks?: TransferChecks;
  transferStatus?: TransferStatus;
  /** Returns not moving for three days, for the handover (the returns feature). */
  returns?: ReturnStatus;
  refundExport?: RefundRegisterExport;
  /** A refund's own time when its pushed message told it (the TMC consumer's record). */
  refundSince?: (refundId: string) => string | undefined;
  buyers?: BuyerDirectory;
  /** The roster until the admin saves one (the sandbox's DEMO_ROSTER); default: nobody rostered, the first keeper. */
  initialRoster?: Roster;
  /** Start node-cron and the catch-up (default true); tests run jobs by hand. */
  autoStart?: boolean;
  cron?: CronDriver;
  /**
   * Who runs each slot and what the job list shows as each job's last run: the PostgreSQL table's coordinator when
   * several instances share one database, so each slot runs once and every instance lists the same last run.
   * Default: the one-process coordinator over this store's record.
   */
  runCoordinator?: RunCoordinator;
  /** This instance's name in the coordinator's claims and the job list (default host:pid). */
  instanceId?: string;
}

export function createOperationsModule(deps: OperationsModuleDeps) {
  const { store, clock } = deps;
  const config = deps.config ?? defaultJobsConfig();
  const logger = deps.logger.child({ module: 'operations' });
  const remarks = createRemarkReader(store);
  const staffList = deps.staffDirectory.list();
  const roster = createRosterService({
    repo: createRosterRepository({
      store,
      clock,
      initial:
        deps.initialRoster ??
        emptyRoster(staffList.find((c) => c.role === 'keeper')?.username ?? staffList[0]?.username ?? 'admin'),
    }),
    clock,
    staff: deps.staffDirectory,
  });
  const tasks = createTaskRepository(store);
  const complaints = createComplaintService({ store, clock, holidays: config.holidays });
  const intents = createIntents({ store, clock });
  const revisits = createRevisits({
    store,
    orders: deps.orders,
    clock,
    afterDays: config.revisitAfterDays,
    everyDays: config.revisitEveryDays,
  });
  const followUps = createFollowUps({ store, clock });
  const reviews = createReviewBook({
    store,
    clock,
    windowDays: config.reviewWindowDays,
    windows: config.reviewWindows,
    ...(deps.reviewMessages ? { messages: deps.reviewMessages } : {}),
  });
  const records = createHandoverRecords({ store, clock });
  const known = new Set(staffList.map((c) => c.username));
  const sources: HandoverSources = {
    clock,
    roster: () => roster.get(),
    staffName: (u) => roster.nameOf(u),
    isStaff: (u) => known.has(u),
    lastActor: (tid) => remarks.lastActor(tid),
    states: createOpenItemStates(store),
    orders: deps.orders,
    remarkEntries: () => remarks.entries(),
    syncRuns: () => createSyncState(store).history(),
    openTasks: () => tasks.list({ state: 'open' }),
    closedTasks: (from, to) =>
      tasks.list({ state: 'closed' }).filter((t) => t.closedAt !== null && t.closedAt >= from && t.closedAt < to),
    complaints,
    followUps,
    reviews,
    repairWindows: config.reviewWindows,
    intents,
    records,
    staffNames: deps.staffDirectory.list().map((c) => c.displayName),
    memoDateFormat: deps.memoDateFormat ?? 'MM.DD',
    messages: deps.messageStats,
    transfers: deps.transferStatus,
    returns: deps.returns,
    refundOrders: () => deps.orders.all(),
    refundSince: deps.refundSince,
  };
  const taskService = createTaskService({ repo: tasks, clock });
  const handover = createHandoverService(sources, {
    task: (id, user, note) => taskService.closeOnBehalf(id, user, note),
    followUp: (id, user, note) => followUps.close(id, user, note),
    review: (id, user, note) => reviews.resolve(id, user, note),
  });

  const parcels = createParcelRepository(store);
  const own = operationsJobs({
    config,
    store,
    clock,
    logger,
    orders: deps.orders,
    platform: deps.platform,
    parcels: () => parcels.all(),
    takingStaff: remarks.saleTaker,
    followUps,
    reviews,
    revisits,
    handover,
    messages: deps.messages,
    buyers: deps.buyers,
    transferChecks: deps.transferChecks,
    refundExport: deps.refundExport,
  });
  for (const m of own.missing) logger.info(m, 'job not registered: its dependency is not wired');
  const jobs: Job[] = [...(deps.otherJobs ?? []).map((j) => withConfiguredSchedule(j, config)), ...own.jobs];
  const scheduler = startScheduler(jobs, {
    clock,
    logger,
    runs: store.log<JobRun>('job-runs'),
    store,
    autoStart: deps.autoStart,
    cron: deps.cron,
    coordinator: deps.runCoordinator,
    instanceId: deps.instanceId,
  });

  const routers: { path: string; router: Router }[] = [
    { path: '/jobs', router: jobsRouter({ scheduler }) },
    { path: '/complaints', router: complaintsRouter({ complaints }) },
    { path: '/intents', router: intentsRouter({ intents }) },
    { path: '/revisits', router: revisitsRouter({ revisits, clock }) },
    { path: '/follow-ups', router: followUpsRouter({ followUps }) },
    { path: '/reviews', router: reviewsRouter({ book: reviews }) },
    { path: '/handover', router: handoverRouter({ handover, clock, shifts: () => shiftTableOf(roster.get()) }) },
    { path: '/open-items', router: openItemsRouter({ actions: handover.items, sources }) },
    { path: '/roster', router: rosterRouter({ roster }) },
  ];

  return {
    routers,
    /** Every scheduled job, this module's and `otherJobs`. */
    jobs,
    /** Jobs left out because a port was not wired, e.g. `{job: 'refund-register', needs: 'RefundRegisterExport'}`. */
    missingJobs: own.missing,
    scheduler,
    /** For `xiaoer jobs list`: name, cron expression, time zone, next run (+08:00), last run. */
    listJobs: () => scheduler.list(),
    /** For `xiaoer jobs run <name>`; NotFoundError for an unknown name. */
    runJob: (name: string) => scheduler.runNow(name, 'manual'),
    /** For `xiaoer handover --shift day --date YYYY-MM-DD`. */
    handoverMarkdown: (shift: ShiftName, date: string) => handover.markdown(shift, date),
    /** The JSON report (also what the benchmark times on a 100k-order store). */
    handoverReport: (shift: ShiftName, date: string) => handover.report(shift, date),
    handover,
    /** Every open item now, snoozed ones too (what GET /api/open-items answers): the buyer page's open problems. */
    openItems: () => allOpenItems(sources),
    complaints,
    intents,
    revisits,
    followUps,
    reviews,
    roster,
    close: () => scheduler.stop(),
  };
}

export type OperationsModule = ReturnType<typeof createOperationsModule>;
export { jobsConfigSchema, defaultJobsConfig, DEFAULT_SCHEDULES, JOB_LABELS, JOB_NAMES } from './jobs-config.js';
export type { JobsConfig, JobName } from './jobs-config.js';
export { JOB_COUNT_LABELS, jobCountLabels } from './job-counts.js';
export { jobLabels, timedJobName, TIMED_JOBS } from './jobs-config.js';
export type { Job, JobRun, JobContext } from '../scheduler/index.js';
export type { TransferChecks, RefundRegisterExport } from './ports.js';
export type { BuyerDirectory, BuyerProfile } from '../customers/index.js';
export { startScheduler, SHOP_TIME_ZONE } from '../scheduler/index.js';
export type { Scheduler, CronDriver, JobListing } from '../scheduler/index.js';
export { nextCronRun, lastCronDue } from '../scheduler/index.js';
