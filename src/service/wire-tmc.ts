import type { OrderRepository } from '../orders/index.js';
import type { PlatformCallOptions, ShopPlatform } from '../platform/index.js';
import type { Logger } from '../shared/logger.js';
import { toInstant, type Clock } from '../shared/time.js';
import { createLocalWorkOwner, type WorkOwner } from '../scheduler/index.js';
import type { Store } from '../storage/index.js';
import { createTmcConsumer, type TmcApplied, type TmcConsumer, type TmcHandoffHandler } from '../sync/index.js';
import type { TmcEndpoint } from './outside.js';

/**
 * The message channel in the composition root: xiaoer's consumer when platform.tmc is on, what /healthz says of it,
 * and whether the scheduled order sync may rest because the channel has been connected since the last good one.
 */

/** A disconnect longer than this is shown on /healthz (and the admin's page reads it from there). */
export const TMC_DOWN_AFTER_MS = 60_000;

export interface TmcWiring {
  consumer: TmcConsumer | null;
  health(): Record<string, unknown>;
  /** True when the scheduled order sync may be skipped: connected since before `lastSyncAt`, and that was recent. */
  pollMayRest(lastSyncAt: string | null): boolean;
  /** True when the scheduled order sync may only compare counts: connected since before `lastSyncAt`. */
  pollMayCheck(lastSyncAt: string | null): boolean;
  /** Subscribe to changes applied from messages (the live console, open items). */
  onApplied(listener: (a: TmcApplied) => void): () => void;
  /** What applied messages hand on, durably (set before start). */
  setHandoffs(h: TmcHandoffHandler): void;
  /** True while a message made the order visible and its details are still being read. */
  detailsPending(tid: string): boolean;
  /** Reads those details now (a person opened the order); a failure leaves them to the next batch. */
  readDetailsNow(tid: string, options?: PlatformCallOptions): Promise<void>;
  /**
   * Reads every order still waiting for its details now (a print batch at its time: an order paid seconds ago is
   * listed with its lines and receiver); what fails stays pending for the next read.
   */
  readPendingDetails(): Promise<void>;
  /**
   * Before a job's message about an order is rendered (a payment reminder, a logistics notice): the order's details
   * if they are still to be read, so its lines and receiver are in the text; a failure leaves them pending.
   */
  readDetailsFirst(tid: string | null | undefined): Promise<void>;
  /**
   * Starts competing for the work it shares with the order sync (`owner`) and connects while this instance owns it
   * (once the service serves: the sandbox's channel is on the service's own port).
   */
  start(): void;
  stop(): Promise<void>;
}

export function wireTmc(deps: {
  endpoint: TmcEndpoint | null;
  platform: ShopPlatform;
  orders: OrderRepository;
  /** Where details to read and hand-offs to run are kept with the changes (without it: read at once, none). */
  store?: Store;
  clock: Clock;
  logger: Logger;
  connectedIntervalMinutes: number;
  /** config sync.tmcDetailsSeconds (default 60) */
  detailsSeconds?: number;
  /** Real time for the disconnect's length (the connection's times are real time, not the shop's clock). */
  now?: () => number;
  /**
   * One consumer per message group across instances (two would split its messages): connected only while this
   * instance owns the work, disconnected when it loses it. Default: this process always owns it.
   */
  owner?: WorkOwner;
}): TmcWiring {
  const now = deps.now ?? Date.now;
  const listeners = new Set<(a: TmcApplied) => void>();
  const e = deps.endpoint;
  const consumer = e
    ? createTmcConsumer({
        url: e.url,
        appKey: e.appKey,
        appSecret: e.appSecret,
        groupName: e.group,
        platform: deps.platform,
        orders: deps.orders,
        ...(deps.store ? { store: deps.store } : {}),
        detailsEveryMs: (deps.detailsSeconds ?? 60) * 1000,
        logger: deps.logger,
        onApplied: (a) => {
          for (const l of listeners) {
            try {
              l(a);
            } catch (err) {
              deps.logger.error({ err, topic: a.topic }, 'tmc: a listener failed');
            }
          }
        },
      })
    : null;
  const owner = deps.owner ?? createLocalWorkOwner('orders');
  // Connects and disconnects one after the other as ownership comes and goes (a stop finishes before a start).
  let connected = false;
  let turn: Promise<void> = Promise.resolve();
  const follow = (owned: boolean) => {
    if (!consumer || owned === connected) return;
    connected = owned;
    turn = turn
      .then(() => (owned ? consumer.start() : consumer.stop()))
      .catch((err: unknown) => {
        deps.logger.error({ err }, 'tmc: following the work owner failed');
      });
  };
  let unfollow: (() => void) | null = null;
  return {
    consumer,
    start() {
      unfollow ??= owner.onChange(follow);
      owner.start();
      follow(owner.owns());
    },
    health() {
      if (!consumer) return { enabled: false };
      // Another instance holds the channel: nothing is down here, and this one cannot see that connection.
      if (!owner.owns()) return { enabled: true, connected: false, elsewhere: true };
      const s = consumer.status();
      const downMs = s.connected ? 0 : now() - s.since;
      const down = !s.connected && downMs > TMC_DOWN_AFTER_MS;
      return {
        enabled: true,
        connected: s.connected,
        since: toInstant(s.since),
        down,
        ...(down ? { notice: `消息通道已断开 ${Math.floor(downMs / 60_000)} 分钟，订单改由定时同步更新` } : {}),
        lastError: s.lastError,
        received: s.received,
        fromContent: s.fromContent,
        fetched: s.fetched,
        listed: s.listed,
        deferred: s.deferred,
        detailed: s.detailed,
        detailsPending: s.detailsPending,
        handoffsLeft: s.handoffsLeft,
        unchanged: s.unchanged,
        ignored: s.ignored,
        failed: s.failed,
      };
    },
    pollMayRest(lastSyncAt) {
      if (!consumer || !lastSyncAt) return false;
      const s = consumer.status();
      const last = Date.parse(lastSyncAt);
      return s.connected && s.since <= last && deps.clock.now() - last < deps.connectedIntervalMinutes * 60_000;
    },
    pollMayCheck(lastSyncAt) {
      if (!consumer || !lastSyncAt) return false;
      const s = consumer.status();
      return s.connected && s.since <= Date.parse(lastSyncAt);
    },
    onApplied(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    setHandoffs: (h) => consumer?.setHandoffs(h),
    detailsPending: (tid) => consumer?.detailsPending(tid) ?? false,
    readDetailsNow: async (tid, options) => consumer?.readDetailsNow(tid, options),
    readPendingDetails: async () => consumer?.flushDetails(),
    async readDetailsFirst(tid) {
      if (!tid || !consumer?.detailsPending(tid)) return;
      await consumer.readDetailsNow(tid).catch((err: unknown) => {
        deps.logger.warn({ err, tid }, 'tmc: reading an order before its message failed; sent with what is stored');
      });
    },
    stop: async () => {
      unfollow?.();
      unfollow = null;
      connected = false;
      await turn;
      await consumer?.stop();
      await owner.stop();
    },
  };
}

/**
 * Runs `work` shortly after a trigger, once for a burst of triggers and never twice at once: a message that hands
 * work on (a new review: read the reviews again) must not cost a platform call per message. A trigger's promise
 * settles once a run that started after it has ended (a failure is logged: its job catches up), so a durable
 * hand-off is removed only after its work ran. Runs start at least `minGapMs` apart: at a busy pace (a rating every
 * second) the work costs one read per gap, not one per burst.
 */
export function coalesce(
  work: () => Promise<unknown>,
  delayMs: number,
  logger: Logger,
  what: string,
  minGapMs = 0,
): () => Promise<void> {
  let timer: NodeJS.Timeout | null = null;
  let lastStart = -Infinity;
  let running: Promise<void> | null = null;
  let waiting: (() => void)[] = [];
  const fire = () => {
    timer = null;
    if (running) return; // the run under way ends by scheduling the next for the triggers it did not cover
    const covered = waiting;
    waiting = [];
    lastStart = Date.now();
    running = work()
      .then(
        () => undefined,
        (err: unknown) => logger.warn({ err }, `tmc: ${what} after a message failed; its job will catch up`),
      )
      .finally(() => {
        running = null;
        covered.forEach((done) => done());
        if (waiting.length) arm();
      });
  };
  const arm = () => {
    if (timer) return;
    timer = setTimeout(fire, Math.max(delayMs, lastStart + minGapMs - Date.now()));
    timer.unref();
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      arm();
    });
}
