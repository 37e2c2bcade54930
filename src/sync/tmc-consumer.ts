import type { OrderRepository } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import { createTmcClient, type TmcClientStatus, type TmcMessage } from '../platform/index.js';
import type { Logger } from '../shared/logger.js';
import { createTmcApplier, type TmcApplied, type TmcApplyStats, type Verdict } from './tmc-apply.js';

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
  /** How long messages are gathered before they are applied together (default 200 ms). */
  windowMs?: number;
  heartbeatMs?: number;
  pullMs?: number;
  backoffMaxMs?: number;
  onApplied?(a: TmcApplied): void;
}

export type TmcConsumerStatus = TmcClientStatus & TmcApplyStats;

export interface TmcConsumer {
  start(): void;
  stop(): Promise<void>;
  status(): TmcConsumerStatus;
  /** Drops the connection as a network loss would (for tests and the chaos run). */
  drop(): void;
}

/** At most this many messages per write: a backlog after a long disconnect is applied in steps. */
const BATCH_MAX = 500;

export function createTmcConsumer(o: TmcConsumerOptions): TmcConsumer {
  const applier = createTmcApplier({
    platform: o.platform,
    orders: o.orders,
    logger: o.logger,
    ...(o.onApplied ? { onApplied: o.onApplied } : {}),
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
    start: () => client.start(),
    async stop() {
      await client.stop();
      if (timer) clearTimeout(timer);
      timer = null;
      // Messages not applied yet stay unconfirmed: the service pushes them again to the next connection.
      for (const b of pending.splice(0)) b.resolve('fail');
    },
    status: () => ({ ...client.status(), ...applier.stats() }),
    drop: () => client.drop(),
  };
}
