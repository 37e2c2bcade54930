import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { RequestListener } from 'node:http';
import { loadAccounts, toUser } from '../accounts/accounts.js';
import { loadTemplates, type TemplateSet } from '../messaging/templates/index.js';
import { createRemarksModule, staffDirectoryFromUsers, type RemarksService } from '../remarks/index.js';
import { createSessions } from '../accounts/sessions.js';
import type { Config } from '../config/config-schema.js';
import { createApp } from '../http/app.js';
import { startScheduler, type Scheduler } from '../jobs/scheduler.js';
import type { JobRun } from '../jobs/job.js';
import { createParcelRepository } from '../logistics/parcel-repository.js';
import { createOrderRepository, ORDER_SHARDS, ORDERS } from '../orders/order-repository.js';
import { ordersRouter } from '../orders/orders-router.js';
import { createLogger, type Logger } from '../shared/logger.js';
import { systemClock, toInstant, type Clock } from '../shared/time.js';
import { openLowdbStore, type LowdbStore } from '../storage/index.js';
import { createSyncService, createSyncState, type SyncService } from '../sync/index.js';
import { syncRouter } from '../sync/sync-router.js';
import { syncJobs } from '../sync/sync-jobs.js';
import { MIGRATIONS } from './migrations.js';
import { connectOutside, type Outside } from './outside.js';
import { packageInfo } from './package-info.js';

export interface RunningService {
  url: string;
  port: number;
  store: LowdbStore;
  sync: SyncService;
  scheduler: Scheduler;
  outside: Outside;
  remarks: RemarksService;
  templates: TemplateSet;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** Run the scheduled jobs (default true); tests drive sync by hand. */
  jobs?: boolean;
  /** Sync once right after start (default true). */
  initialSync?: boolean;
}

/**
 * The composition root: opens storage, starts listening (the sandbox's gateway is this very server,
 * so adapters are built once the port is known), wires adapters into the domain, starts the jobs.
 */
export async function startService(config: Config, opts: StartOptions = {}): Promise<RunningService> {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? createLogger({ level: config.logLevel });
  // A broken template stops start-up here with every finding listed, not at 20:00 when it is sent.
  const templates = await loadTemplates(packageInfo.templatesDir);
  const store = await openLowdbStore({
    dir: config.dataDir,
    collections: { [ORDERS]: { shards: ORDER_SHARDS }, parcels: { shards: 16 }, 'remark-entries': { shards: 16 } },
    migrations: MIGRATIONS,
    logger,
  });
  let handler: RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end('starting');
  };
  const server: Server = createServer((req, res) => handler(req, res));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const selfUrl = `http://127.0.0.1:${port}`;

  const outside = await connectOutside(config, { selfUrl, clock, logger });
  const accounts = await loadAccounts(config);
  const sessions = createSessions({ store, accounts, clock, sessionHours: config.sessionHours });
  const orders = createOrderRepository(store);
  const parcels = createParcelRepository(store);
  const syncState = createSyncState(store);
  const sync = createSyncService({
    platform: outside.platform, tracker: outside.tracker, orders, parcels, state: syncState, clock, logger,
    overlapMinutes: config.sync.overlapMinutes, backfillDays: config.sync.backfillDays, parcelIntervalMinutes: config.sync.parcelIntervalMinutes,
  });
  const remarks = createRemarksModule({
    store, platform: outside.platform, orders, clock, logger, memoDateFormat: config.memoDateFormat,
    staffDirectory: staffDirectoryFromUsers([...accounts.values()].map(toUser)),
  });
  const scheduler = startScheduler([...syncJobs(sync), ...remarks.jobs], { clock, logger, runs: store.log<JobRun>('job-runs'), autoStart: opts.jobs !== false });

  const app = createApp({
    logger,
    sessions,
    consoleDir: join(packageInfo.root, 'src', 'console', 'public'),
    sandbox: outside.sandboxRouters,
    health: () => ({
      version: packageInfo.version,
      platform: outside.platform.kind,
      logistics: outside.tracker.kind,
      shop: config.shopName,
      lastSync: syncState.checkpoint().lastSuccessAt,
      orders: orders.count(),
      now: toInstant(clock.now()),
    }),
    routes: [
      { path: '/orders', router: ordersRouter({ orders, parcels }) },
      { path: '/sync', router: syncRouter({ sync, state: syncState }) },
      ...remarks.routers,
    ],
  });
  handler = app;
  await store.advertise({ port, token: sessions.issueLocalToken(config.cliUser) });
  logger.info({ url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`, platform: outside.platform.kind }, 'xiaoer is serving');

  if (opts.initialSync !== false) {
    void sync.syncAll().catch((err) => logger.error({ err }, 'initial sync failed'));
  }

  let closing: Promise<void> | null = null;
  return {
    url: selfUrl, port, store, sync, scheduler, outside, remarks: remarks.service, templates,
    close: () =>
      (closing ??= (async () => {
        await scheduler.stop();
        await outside.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await store.close();
      })()),
  };
}
