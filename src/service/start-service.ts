import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Config } from '../config/index.js';
import type { Scheduler } from '../scheduler/index.js';
import { loadTemplates, type TemplateSet } from '../messaging/templates/index.js';
import type { RemarkFeaturesService } from './wire-remark-features.js';
import { createLogger, type Logger } from '../shared/logger.js';
import { systemClock, type Clock } from '../shared/time.js';
import type { LowdbStore, Store } from '../storage/index.js';
import { openStorage } from './open-storage.js';
import { answerUnavailable } from './unavailable-answer.js';
import type { SyncService } from '../sync/index.js';
import { connectOutside, type Outside } from './outside.js';
import { packageInfo } from '../shared/package-info.js';
import { wireDomains, type Domains } from './wire-domains.js';

export interface RunningService {
  url: string;
  port: number;
  store: Store;
  /** The lowdb store when the service runs on one (null on PostgreSQL). */
  lowdb: LowdbStore | null;
  sync: SyncService;
  scheduler: Scheduler;
  outside: Outside;
  remarks: RemarkFeaturesService;
  messaging: Domains['messaging'];
  transfers: Domains['transfers'];
  operations: Domains['operations'];
  /** The message channel's consumer and its health (issue 19). */
  tmc: Domains['tmc'];
  templates: TemplateSet;
  /**
   * A bearer token acting as config.cliUser, kept in this process's memory only: the CLI's own
   * instance advertises nothing, yet its commands go through the same authenticated API.
   */
  issueCliToken(): string;
  close(): Promise<void>;
}

/** What one `POST /api/sync` run reports as it goes (orders by day, then parcels). */
export type SyncAllProgress = Parameters<NonNullable<Parameters<SyncService['syncAll']>[0]>>[0];

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** Run the scheduled jobs (default true); tests drive sync by hand. */
  jobs?: boolean;
  /** Sync once right after start (default true). */
  initialSync?: boolean;
  /**
   * Leave the port and a CLI token in the lock file (default true). A CLI's own short-lived
   * instance does not: another CLI would send its work there and lose it when the instance exits.
   */
  advertise?: boolean;
  /** Sees the progress of every full sync this instance runs (the CLI's progress bar, in-process only). */
  onSyncProgress?: (p: SyncAllProgress) => void;
}

/**
 * The composition root's lifecycle: open the store, start listening (the sandbox's gateway is this
 * very server, so adapters are built once the port is known), connect the outside systems, wire the
 * domains, serve. A failure half-way closes what was opened, in reverse.
 */
export async function startService(config: Config, opts: StartOptions = {}): Promise<RunningService> {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? createLogger({ level: config.logLevel });
  // A broken template stops start-up here with every finding listed, not at 20:00 when it is sent.
  const templates = await loadTemplates(packageInfo.templatesDir);
  const storage = await openStorage(config, logger);
  const store = storage.store;
  const opened: (() => Promise<unknown>)[] = [() => storage.close()];
  const undo = async (err: unknown): Promise<never> => {
    for (const close of opened.reverse()) await close().catch(() => undefined);
    throw err;
  };

  let handler: RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end('starting');
  };
  const server: Server = createServer((req, res) => handler(req, res));
  // WebSocket upgrades (the sandbox's TMC at /sandbox/tmc) go to the outside systems; any other is refused.
  let upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean = () => false;
  server.on('upgrade', (req, socket, head) => {
    if (!upgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  }).catch(undo);
  opened.push(() => new Promise((resolve) => server.close(resolve)));
  const port = (server.address() as AddressInfo).port;
  const selfUrl = `http://127.0.0.1:${port}`;

  const outside = await connectOutside(config, { selfUrl, clock, logger }).catch(undo);
  opened.push(() => outside.close());
  upgrade = outside.upgrade;
  const domains = await wireDomains({
    config,
    store,
    outside,
    templates,
    clock,
    logger,
    runJobs: opts.jobs !== false,
    onSyncProgress: opts.onSyncProgress,
    ...storage.wiring,
  }).catch(undo);
  opened.push(() => domains.scheduler.stop());
  if (opts.advertise !== false && storage.lowdb) {
    await storage.lowdb
      .advertise({ port, token: domains.sessions.issueLocalToken(config.cliUser), cliUser: config.cliUser })
      .catch(undo);
  }
  const before = storage.beforeRequest;
  handler = before
    ? (req, res) => {
        before().then(
          () => domains.app(req, res),
          (err: unknown) => answerUnavailable(res, err, logger),
        );
      }
    : domains.app;
  // On a shared database the message channel has one owner among the serving instances; a CLI's short-lived
  // instance (no jobs) must not take it from them.
  if (storage.lowdb || opts.jobs !== false) domains.tmc.start();
  opened.push(() => domains.tmc.stop());
  logger.info(
    { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`, platform: outside.platform.kind },
    'xiaoer is serving',
  );

  if (opts.initialSync !== false) {
    const initialSync = () => void domains.sync.syncAll().catch((err) => logger.error({ err }, 'initial sync failed'));
    // Several instances: the sync belongs to the one holding its lock, which syncs once when it gets it.
    if (storage.lowdb) initialSync();
    else {
      const off = domains.ordersOwner.onChange((owned) => {
        if (!owned) return;
        off();
        initialSync();
      });
    }
  }

  let closing: Promise<void> | null = null;
  return {
    url: selfUrl,
    port,
    store,
    lowdb: storage.lowdb,
    outside,
    templates,
    issueCliToken: () => domains.sessions.issueLocalToken(config.cliUser),
    sync: domains.sync,
    scheduler: domains.scheduler,
    remarks: domains.remarks,
    messaging: domains.messaging,
    transfers: domains.transfers,
    operations: domains.operations,
    tmc: domains.tmc,
    close: () =>
      (closing ??= (async () => {
        await domains.tmc.stop();
        await domains.scheduler.stop();
        await outside.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await storage.close();
      })()),
  };
}
