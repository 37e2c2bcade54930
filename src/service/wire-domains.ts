import { createSummaryModule } from '../summary/index.js';
import { createPrintingModule } from '../printing/index.js';
import { createBuyersModule, createProfiles, profileDirectory, recordSandboxProfiles } from '../buyers/index.js';
import type { Express } from 'express';
import { loadAccounts, toUser, createSessions, type Sessions } from '../accounts/index.js';
import type { Config } from '../config/index.js';
import { bearerToken, cookieToken, createApp } from '../http/index.js';
import { refundDayExport } from '../ledger/index.js';
import { join } from 'node:path';
import { createOperationsModule } from '../operations/index.js';
import { DEMO_ROSTER, onDuty } from '../roster/index.js';
import { createReturnsModule } from '../returns/index.js';
import { createLocalInstances, type Instances, type RunCoordinator, type Scheduler } from '../scheduler/index.js';
import { createLocalWorkOwner, type WorkOwner, type WorkOwnerFactory } from '../scheduler/index.js';
import { createMessagingModule } from '../messaging/index.js';
import { createFollowUps, transferChaseOpener } from '../tasks/index.js';
import { createTransfersModule, transferChecks, transferStatus } from '../reconciliation/index.js';
import { createParcelRepository } from '../logistics/index.js';
import type { TemplateSet } from '../messaging/templates/index.js';
import { createOrderRepository, ordersRouter } from '../orders/index.js';
import { INTERACTIVE_PATIENCE_MS } from '../platform/index.js';
import { staffDirectoryFromUsers } from '../remarks/index.js';
import { wireRemarkFeatures, type RemarkFeaturesService } from './wire-remark-features.js';
import type { KeyedLock } from '../shared/keyed-lock.js';
import type { Logger } from '../shared/logger.js';
import { toInstant, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import {
  createSyncService,
  createSyncState,
  refundTimes,
  type SyncService,
  syncJobs,
  syncRouter,
} from '../sync/index.js';
import type { Outside } from './outside.js';
import { packageInfo } from '../shared/package-info.js';
import { labelsRouter } from './labels-router.js';
import { coalesce, wireTmc, type TmcWiring } from './wire-tmc.js';
import { tmcHandoffs } from './wire-tmc-handoffs.js';
import { createKnowledgeModule } from '../knowledge/index.js';
import { createPrivacyModule } from '../privacy/index.js';
import { orderReviewView } from '../reviews/index.js';
import { createLiveEvents } from './live-events.js';

export interface Domains {
  app: Express;
  sessions: Sessions;
  sync: SyncService;
  remarks: RemarkFeaturesService;
  messaging: ReturnType<typeof createMessagingModule>['service'];
  transfers: ReturnType<typeof createTransfersModule>['service'];
  operations: ReturnType<typeof createOperationsModule>;
  scheduler: Scheduler;
  tmc: TmcWiring;
  /** Whether this instance owns the order sync and the message channel (started and stopped with `tmc`). */
  ordersOwner: WorkOwner;
}

/**
 * Every domain module built from the validated config and the opened resources, in one place:
 * repositories over the store, services over the ports, routers under /api, jobs on the scheduler.
 */
export async function wireDomains(deps: {
  config: Config;
  store: Store;
  outside: Outside;
  templates: TemplateSet;
  clock: Clock;
  logger: Logger;
  runJobs: boolean;
  /**
   * On PostgreSQL the table's run coordinator (createPostgresRunCoordinator(store.db)) and the store's instance id:
   * each slot runs once across instances and every instance lists the same last run. Absent: one process.
   */
  runCoordinator?: RunCoordinator;
  instanceId?: string;
  onSyncProgress?: Parameters<SyncService['syncAll']>[0];
  /** The running instances (PostgreSQL: createPostgresInstances, started by the caller); default this process only. */
  instances?: Instances;
  /** The order and buyer lock; several instances on one database share one (default: this process's own). */
  orderLock?: KeyedLock;
  /** Several instances on one database: who owns single-owner work (default: this process owns all of it). */
  workOwners?: WorkOwnerFactory;
}): Promise<Domains> {
  const { config, store, outside, clock, logger } = deps;
  const accounts = await loadAccounts(config);
  const sessions = createSessions({ store, accounts, clock, sessionHours: config.sessionHours });
  const orders = createOrderRepository(store);
  const parcels = createParcelRepository(store);
  const syncState = createSyncState(store);
  const syncService = createSyncService({
    platform: outside.platform,
    tracker: outside.tracker,
    orders,
    parcels,
    state: syncState,
    clock,
    logger,
    overlapMinutes: config.sync.overlapMinutes,
    backfillDays: config.sync.backfillDays,
    parcelIntervalMinutes: config.sync.parcelIntervalMinutes,
  });
  // The order sync and the message channel have one owner together: the sync rests on the channel it sees.
  const ordersOwner = (deps.workOwners ?? createLocalWorkOwner)('orders');
  const tmc = wireTmc({
    owner: ordersOwner,
    endpoint: outside.tmcEndpoint,
    platform: outside.platform,
    orders,
    store,
    clock,
    logger,
    connectedIntervalMinutes: config.sync.connectedIntervalMinutes,
    detailsSeconds: config.sync.tmcDetailsSeconds,
  });
  // Every full run (the route's, a job's) also reports to the observer, so a CLI that hosts this
  // instance shows the progress of the sync its own HTTP request started.
  const observe = deps.onSyncProgress;
  const sync: SyncService = observe
    ? {
        ...syncService,
        syncAll: (onProgress) =>
          syncService.syncAll((p) => {
            onProgress?.(p);
            observe(p);
          }),
      }
    : syncService;
  const remarks = wireRemarkFeatures({
    store,
    platform: outside.platform,
    orders,
    clock,
    logger,
    memoDateFormat: config.memoDateFormat,
    staffDirectory: staffDirectoryFromUsers([...accounts.values()].map(toUser)),
    ...(deps.orderLock ? { lock: deps.orderLock } : {}),
  });

  const messaging = createMessagingModule({
    store,
    orders,
    parcels,
    templates: deps.templates,
    platform: outside.platform,
    clock,
    logger,
    config: config.messaging,
    shopName: config.shopName,
    shipCutoff: config.jobs.printBatches.times.at(-1),
    instances: deps.instances ?? createLocalInstances(),
  });
  const transfers = createTransfersModule({
    store,
    orders,
    platform: outside.platform,
    clock,
    logger,
    remarks: remarks.service,
    tasks: transferChaseOpener(createFollowUps({ store, clock })),
    messages: { enqueue: (m) => messaging.service.enqueue(m) },
    lock: remarks.lock,
  });
  const printing = createPrintingModule({
    store,
    orders,
    clock,
    config: config.jobs.printBatches,
    memoDateFormat: config.memoDateFormat,
    writeRemark: (req) => remarks.service.write(req),
    lock: remarks.lock,
    // An order shown from a message before its lines were read is read before a batch takes it, or held.
    details: { pending: (tid) => tmc.detailsPending(tid), readAll: () => tmc.readPendingDetails() },
  });
  const staffDirectory = staffDirectoryFromUsers([...accounts.values()].map(toUser));
  // Returns are followed to the warehouse and handed to the roster's people: the roster lives in operations, read
  // only when a task opens (after both are built).
  const returns = createReturnsModule({
    store,
    platform: outside.platform,
    tracker: outside.tracker,
    orders,
    tasks: remarks.service.tasks,
    remarks: remarks.service,
    staff: staffDirectory,
    keeper: () => operations.roster.get().keeper,
    onDuty: () => onDuty(operations.roster.get(), clock.now()),
    clock,
    logger,
    schedule: config.jobs.schedules['returns-sync'],
    lock: remarks.lock,
  });
  // The sandbox's buyers tell the shop their birthdays and ID numbers as real buyers do: recorded on their profiles
  // through the profile service (checked, the number masked), before any job runs; greetings read only profiles.
  if (outside.shop) {
    const shop = outside.shop;
    await recordSandboxProfiles({ profiles: createProfiles({ store, clock }), buyers: () => shop.buyers(), logger });
  }
  const operations = createOperationsModule({
    store,
    orders,
    platform: outside.platform,
    clock,
    logger,
    staffDirectory,
    config: config.jobs,
    memoDateFormat: config.memoDateFormat,
    refundSince: refundTimes(store),
    otherJobs: [
      ...syncJobs(
        sync,
        config.jobs.schedules,
        () => tmc.pollMayRest(syncState.checkpoint().lastSuccessAt),
        () => tmc.pollMayCheck(syncState.checkpoint().lastSuccessAt),
        ordersOwner,
      ),
      ...remarks.jobs,
      ...messaging.jobs,
      ...returns.jobs,
      ...printing.jobs,
    ],
    // A job's message about an order shown from a platform message reads its lines and receiver first.
    messages: {
      enqueue: async (req) => (await tmc.readDetailsFirst(req.tid), messaging.service.enqueue(req)),
      notifyStaff: (n) => messaging.service.notifyStaff(n),
    },
    reviewMessages: {
      enqueue: async (req) => (await tmc.readDetailsFirst(req.tid), messaging.service.enqueue(req)),
    },
    messageStats: messaging.service,
    transferChecks: transferChecks(transfers.service),
    transferStatus: transferStatus(transfers.service),
    returns: returns.service,
    refundExport: refundDayExport({
      dir: join(config.dataDir, 'exports'),
      exportRefunds: (date, format) => remarks.service.exportRefunds(date, format),
      count: (date) => remarks.service.refunds.list({ date }).length,
    }),
    // Birthdays are greeted from the buyers' profiles only, in a real shop as in the sandbox.
    buyers: profileDirectory({ store }),
    // The sandbox ships a roster for its demo accounts; a real shop starts with nobody rostered.
    initialRoster: config.platform.kind === 'sandbox' ? DEMO_ROSTER : undefined,
    autoStart: deps.runJobs,
    runCoordinator: deps.runCoordinator,
    instanceId: deps.instanceId,
  });
  // The buyer desk reads every other module; its search index follows the order book and the parcels from here on.
  const buyers = createBuyersModule({
    store,
    clock,
    orders,
    parcels,
    messages: messaging.service,
    tasks: remarks.service.tasks,
    ledger: remarks.service.ledger,
    transfers: { list: () => transfers.service.list() },
    complaints: operations.complaints,
    intents: { list: () => operations.intents.list() },
    revisits: operations.revisits,
    followUps: { list: () => operations.followUps.list() },
    openItems: () => operations.openItems(),
  });
  // A buyer's new review reaches the review book, so the person on duty's open items, seconds after it is left.
  // The live console: order changes as they are stored, and a hint to compare the open items after whatever may
  // open or close one (an order change, a message applied, the reviews read, any write through the API).
  const live = createLiveEvents({
    openItems: () => operations.openItems(),
    logger,
    signedIn: (req) => sessions.authenticate(bearerToken(req) ?? cookieToken(req)) !== null,
  });
  orders.onChange((changes) => live.ordersChanged(changes));
  // Another instance's writes (a task, a remark, a review handled there) may open or close items here too.
  store.onExternalChange(() => live.openItemsMayHaveChanged());
  // A rating message reads the reviews given since the last such read (10 minutes' margin): one short call, at most
  // once per sync.tmcDetailsSeconds; the review jobs' full refresh finds reviews buyers changed.
  let reviewsSince = clock.now() - 10 * 60_000;
  const detailsGapMs = config.sync.tmcDetailsSeconds * 1000;
  const refreshReviews = coalesce(
    async () => {
      const started = clock.now();
      await operations.reviews.addRecent(outside.platform, reviewsSince);
      reviewsSince = started - 10 * 60_000;
      live.openItemsMayHaveChanged();
    },
    2000,
    logger,
    'reading reviews',
    detailsGapMs,
  );
  tmc.onApplied((a) => {
    live.openItemsMayHaveChanged();
    if (a.topic === 'taobao_trade_TradeRated') void refreshReviews();
  });
  // A refund message reads the returns now; an address changed after printing opens the label-fix task. Recorded with
  // the change and run after it (again at start if the service stopped between the two).
  tmc.setHandoffs(
    tmcHandoffs({
      orders,
      returns: returns.service,
      labels: printing.labels,
      tasks: remarks.service.tasks,
      staff: () => staffDirectory.list(),
      onDuty: () => onDuty(operations.roster.get(), clock.now()),
      logger,
      minGapMs: detailsGapMs,
    }),
  );
  if (operations.missingJobs.length)
    logger.info({ missing: operations.missingJobs }, 'jobs not scheduled: their module is not wired');

  // The knowledge base searches messaging's quick replies beside its entries (rendered for the order, not counted as
  // a use) and tells whoever logged a question, in 我的任务, when the keeper answers it.
  const knowledge = await createKnowledgeModule({
    store,
    clock,
    quickReplies: {
      list: () => messaging.service.searchQuickReplies(''),
      render: (id, opts) => messaging.service.renderQuickReply(id, { ...opts, countUse: false }),
    },
    statusOf: (tid) => orders.get(tid)?.status,
    notifier: { notify: async (n) => void (await remarks.service.tasks.notify(n)) },
  });
  const app = createApp({
    logger,
    sessions,
    sessionHours: config.sessionHours,
    consoleDir: packageInfo.consoleDir,
    sandbox: outside.sandboxRouters,
    onWrite: () => live.openItemsMayHaveChanged(),
    health: () => ({
      version: packageInfo.version,
      platform: outside.platform.kind,
      logistics: outside.tracker.kind,
      shop: config.shopName,
      lastSync: syncState.checkpoint().lastSuccessAt,
      orders: orders.count(),
      tmc: tmc.health(),
      now: toInstant(clock.now()),
    }),
    routes: [
      {
        path: '/orders',
        router: ordersRouter({
          orders,
          parcels,
          reviewsOf: (tid) => operations.reviews.forOrder(tid).map(orderReviewView),
          details: {
            pending: (tid) => tmc.detailsPending(tid),
            readNow: (tid) => tmc.readDetailsNow(tid, { patienceMs: INTERACTIVE_PATIENCE_MS }),
          },
        }),
      },
      { path: '/sync', router: syncRouter({ sync, state: syncState, ownsSync: () => ordersOwner.owns() }) },
      { path: '/labels', router: labelsRouter(config.jobs) },
      { path: '/events', router: live.router },
      ...remarks.routers,
      ...returns.routers,
      ...messaging.routers,
      ...transfers.routers,
      ...operations.routers,
      ...printing.routers,
      ...createSummaryModule({ store, clock }).routers,
      ...knowledge.routers,
      ...buyers.routers,
      // 查看完整收件人 (decrypted per look, logged) and the admin's access log and decrypt quota.
      ...createPrivacyModule({
        store,
        clock,
        logger,
        platform: outside.platform,
        orders,
        // The sandbox's quota is our own setting; a real shop's is on the platform's back office, not in the API.
        dailyLimit: config.platform.kind === 'sandbox' ? config.platform.decryptQuotaPerDay : null,
      }).routers,
    ],
  });
  return {
    app,
    sessions,
    sync,
    remarks: remarks.service,
    messaging: messaging.service,
    transfers: transfers.service,
    operations,
    scheduler: operations.scheduler,
    tmc,
    ordersOwner,
  };
}
