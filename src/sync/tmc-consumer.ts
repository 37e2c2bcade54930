import type { OrderRepository } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import { createTmcClient, type TmcClientStatus, type TmcMessage } from '../platform/index.js';
import type { PlatformCallOptions } from '../platform/index.js';
import type { Logger } from '../shared/logger.js';
import type { Store } from '../storage/index.js';
import { createTmcApplier, type TmcApplied, type TmcApplyStats, type Verdict } from './tmc-apply.js';
import { createDetailReader } from './tmc-details.js';
import { createHandoffRunner, type TmcHandoffHandler } from './tmc-handoff-log.js';

/**
 * xiaoer's consumer of the message channel: one connection for the app and group, messages gathered for a short
 * window (so several messages of one order cost one trade.fullinfo.get) and applied as one write, each confirmed
 * once that write is durable.
 */

export interface TmcConsumerOptions {
  url: string;
  appKey: string;
  appSecret: string;
  groupName?: string;
  platform: ShopPlatform;
  orders: OrderRepository;
  logger: Logger;
  /**
   * Where the details still to read and the hand-offs still to run are kept, with the changes (the service's store).
   * Without it an order a message leaves without details is read at once and nothing is handed on.
   */
  store?: Store;
  /** A batch read of the details messages leave out at most this often (default 60 s). */
  detailsEveryMs?: number;
  /** How long messages are gathered before they are applied together (default 200 ms). */
  windowMs?: number;
  heartbeatMs?: number;
  pullMs?: number;
  backoffMaxMs?: number;
  onApplied?(a: TmcApplied): void;
}

export type TmcConsumerStatus = TmcClientStatus &
  TmcApplyStats & { detailed: number; detailFailed: number; detailsPending: number; handoffsLeft: number };

export interface TmcConsumer {
  start(): void;
  stop(): Promise<void>;
  status(): TmcConsumerStatus;
  /** Drops the connection as a network loss would (for tests and the chaos run). */
  drop(): void;
  /** What applied messages hand on (set before start: what a stopped service left runs at start). */
  setHandoffs(h: TmcHandoffHandler): void;
  /** True while the order's details are still to be read. */
  detailsPending(tid: string): boolean;
  /** Reads the order's details now if they are still to be read (a person opened it). */
  readDetailsNow(tid: string, options?: PlatformCallOptions): Promise<void>;
  /** Reads every order waiting for its details now (a print batch at its time, tests, the bench); never throws. */
  flushDetails(): Promise<void>;
}

/** At most this many messages per write: a backlog after a long disconnect is applied in steps. */
const BATCH_MAX = 500;

export function createTmcConsumer(o: TmcConsumerOptions): TmcConsumer {
  const details = o.store
    ? createDetailReader({
        platform: o.platform,
        orders: o.orders,
        store: o.store,
        logger: o.logger,
        everyMs: o.detailsEveryMs ?? 60_000,
      })
    : null;
  const handoffs = o.store ? createHandoffRunner({ store: o.store, logger: o.logger }) : null;
  const applier = createTmcApplier({
    platform: o.platform,
    orders: o.orders,
    logger: o.logger,
    ...(o.onApplied ? { onApplied: o.onApplied } : {}),
    ...(details ? { details } : {}),
    ...(handoffs ? { handoffs } : {}),
  });
  const windowMs = o.windowMs ?? 200;
  let pending: { m: TmcMessage; resolve: (v: Verdict) => void }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running = false;

  const schedule = () => {
    if (timer || running || !pending.length) return;
    timer = setTimeout(() => void flush(), windowMs);
  };
  async function flush() {
    timer = null;
    running = true;
    const batch = pending.slice(0, BATCH_MAX);
    pending = pending.slice(BATCH_MAX);
    try {
      const verdicts = await applier.applyBatch(batch.map((b) => b.m));
      for (const b of batch) b.resolve(verdicts.get(b.m) ?? 'fail');
    } catch (err) {
      o.logger.error({ err }, 'tmc: applying a batch failed; its messages will be pushed again');
      for (const b of batch) b.resolve('fail');
    } finally {
      running = false;
      schedule();
    }
  }

  const client = createTmcClient({
    url: o.url,
    appKey: o.appKey,
    appSecret: o.appSecret,
    ...(o.groupName ? { groupName: o.groupName } : {}),
    logger: o.logger,
    ...(o.heartbeatMs ? { heartbeatMs: o.heartbeatMs } : {}),
    ...(o.pullMs ? { pullMs: o.pullMs } : {}),
    ...(o.backoffMaxMs ? { backoffMaxMs: o.backoffMaxMs } : {}),
    onStatus: (up) => o.logger.info({ connected: up }, up ? 'tmc: connected' : 'tmc: disconnected'),
    onMessage: (m) =>
      new Promise<Verdict>((resolve) => {
        pending.push({ m, resolve });
        schedule();
      }),
  });

  return {
    start() {
      // What a stopped service left: hand-offs recorded with their change and never run, details never read.
      handoffs
        ?.runLeftovers()
        .then((n) => n && o.logger.info({ handoffs: n }, 'tmc: ran the hand-offs left at the last stop'))
        .catch((err: unknown) => o.logger.error({ err }, 'tmc: running the hand-offs left at the last stop failed'));
      details?.resume();
      client.start();
    },
    async stop() {
      await client.stop();
      await details?.stop();
      if (timer) clearTimeout(timer);
      timer = null;
      // Messages not applied yet stay unconfirmed: the service pushes them again to the next connection.
      for (const b of pending.splice(0)) b.resolve('fail');
    },
    status: () => ({
      ...client.status(),
      ...applier.stats(),
      ...(details?.stats() ?? { detailed: 0, detailFailed: 0, detailsPending: 0 }),
      handoffsLeft: handoffs?.leftover() ?? 0,
    }),
    drop: () => client.drop(),
    setHandoffs: (h) => handoffs?.setHandler(h),
    detailsPending: (tid) => details?.pending(tid) ?? false,
    readDetailsNow: async (tid, options) => details?.readNow(tid, options),
    flushDetails: async () => details?.flush(),
  };
}
