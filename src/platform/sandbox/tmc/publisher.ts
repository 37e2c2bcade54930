import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { silentLogger, type Logger } from '../../../shared/logger.js';
import type { Store } from '../../../storage/index.js';
import {
  connectAckFrame,
  connectRefusedFrame,
  dataFrame,
  decodeFrame,
  encodeFrame,
  frameKind,
  MessageKind,
  MessageType,
  readConnect,
  readMessageId,
  tmcSign,
  type TmcFrame,
} from '../../tmc/index.js';
import { SANDBOX_CREDENTIALS, SANDBOX_SELLER_NICK } from '../credentials.js';
import type { SandboxShop } from '../shop.js';
import { contentJson, rateEvent, SANDBOX_TOPICS, tradeEvents, type TmcEvent } from './events.js';
import { TmcQueue } from './queue.js';
import { createQueueWriter, loadQueue } from './queue-store.js';
import { createTraceWatch } from './trace-watch.js';

/** Where the sandbox serves TMC on the service's own port (the real service is ws://mc.api.taobao.com/). */
export const SANDBOX_TMC_PATH = '/sandbox/tmc';
/** The only group the seller's messages go to: the platform puts a user in `default` unless told otherwise. */
export const DEFAULT_GROUP = 'default';
/** The sandbox seller's numeric user id (messages carry it as userid). */
export const SANDBOX_USER_ID = 2_200_000_000_001n;

/**
 * How the sandbox refuses a connect. The real service answers a refused connect with a connect-ack carrying a
 * non-zero status code and phrase and then closes; its exact codes are not in any public source we could read, so
 * these are ours (tmc.js and the SDKs only test for a non-zero code).
 */
export const REFUSALS = {
  appKey: { code: 401, phrase: 'invalid app_key' },
  sign: { code: 401, phrase: 'invalid sign' },
  notConnected: { code: 403, phrase: 'not connected: send connect first' },
} as const;

export interface SandboxTmcOptions {
  logger?: Logger;
  /** A failed ack's message is pushed again after this long (the platform waits minutes; the sandbox 1 s). */
  repushDelayMs?: number;
  /** A message pushed but neither confirmed nor failed is pushed again after this long. */
  ackTimeoutMs?: number;
  /**
   * The sandbox shop's own store: unconfirmed messages are kept there and pushed again after a restart. Without it
   * the queue lives in memory (tests, a shop without a store).
   */
  store?: Store;
}

export interface SandboxTmcStats {
  published: number;
  pushed: number;
  confirmed: number;
  queued: number;
  connections: number;
}

export interface SandboxTmc {
  /** Takes the upgrade when it is for SANDBOX_TMC_PATH; false leaves it to others. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** taobao.tmc.user.permit: the seller's messages of these topics (all the app's when none given) are published. */
  permit(topics?: readonly string[]): void;
  user(): { topics: string[]; created: number; modified: number; valid: boolean };
  stats(): SandboxTmcStats;
  /** Closes every connection (a consumer reconnects and gets its unconfirmed messages again). */
  dropConnections(): void;
  /** Resolves once the queue's changes so far are in the store (at once without a store). */
  flush(): Promise<void>;
  /** Closes every connection and hands the queue's pending changes to the store (close the store after). */
  close(): void;
}

interface Conn {
  ws: WebSocket;
  token: string | null;
  group: string;
}

const registry = new WeakMap<SandboxShop, SandboxTmc>();

/** The shop's one TMC publisher, created on first use (it starts watching the shop then). */
export function sandboxTmc(shop: SandboxShop, opts: SandboxTmcOptions = {}): SandboxTmc {
  let tmc = registry.get(shop);
  if (!tmc) {
    tmc = createSandboxTmc(shop, opts);
    registry.set(shop, tmc);
  }
  return tmc;
}

function createSandboxTmc(shop: SandboxShop, opts: SandboxTmcOptions): SandboxTmc {
  const logger = opts.logger ?? silentLogger();
  const repushDelayMs = opts.repushDelayMs ?? 1000;
  const ackTimeoutMs = opts.ackTimeoutMs ?? 60_000;
  const clock = shop.clock;
  const mono = () => performance.now();
  const wss = new WebSocketServer({ noServer: true });
  const writer = opts.store ? createQueueWriter(opts.store, logger) : undefined;
  const queue = new TmcQueue(writer ? { sink: writer } : {});
  const conns = new Set<Conn>();
  const stats = { published: 0, pushed: 0, confirmed: 0 };
  const createdAt = clock.now();
  let permit = { topics: new Set<string>(SANDBOX_TOPICS), modified: createdAt };
  // Ids pass 2^53 on purpose: a consumer that reads them as JS numbers is caught here, not in production.
  let nextId = BigInt(Math.floor(shop.baseTime / 1000)) * 1_000_000_000n;
  if (opts.store) {
    // Messages nobody confirmed before a restart wait for the next consumer; ids go on where they stopped.
    const loaded = loadQueue(opts.store, queue);
    if (loaded.nextId !== undefined && loaded.nextId > nextId) nextId = loaded.nextId;
    if (loaded.restored) logger.info({ messages: loaded.restored }, 'sandbox tmc: unconfirmed messages kept');
  }
  let rr = 0;

  const send = (c: Conn, f: TmcFrame) => c.ws.send(encodeFrame(f), { binary: true });

  let scheduled = false;
  const deliver = () => {
    scheduled = false;
    queue.expire(clock.now());
    const ready = [...conns].filter((c) => c.token && c.group === DEFAULT_GROUP && c.ws.readyState === c.ws.OPEN);
    if (!ready.length) return;
    const now = mono();
    for (const e of queue.due(now, ackTimeoutMs, 500)) {
      // Connections of the group share its messages, one each in turn, as the platform balances them.
      const c = ready[rr++ % ready.length]!;
      send(c, dataFrame(queue.take(e, c, now)));
      stats.pushed++;
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(deliver);
  };
  // Re-pushes after a failed ack or an ack timeout need time to pass with nothing else happening.
  const timer = setInterval(schedule, Math.min(1000, repushDelayMs));
  timer.unref();

  const publish = (ev: TmcEvent) => {
    if (!permit.topics.has(ev.topic)) return;
    queue.add(
      {
        id: nextId++,
        topic: ev.topic,
        content: contentJson(ev.content),
        time: ev.time,
        nick: SANDBOX_SELLER_NICK,
        userId: SANDBOX_USER_ID,
      },
      clock.now(),
    );
    writer?.nextId(nextId);
    stats.published++;
    schedule();
  };
  // A failure here must never break the shop's own change: it is logged and the change stands.
  const guard = (f: () => void) => {
    try {
      f();
    } catch (err) {
      logger.error({ err }, 'sandbox tmc: publishing failed');
    }
  };
  const parcels = createTraceWatch(shop);
  shop.observe({
    trade: (before, after) =>
      guard(() => {
        tradeEvents(before, after, shop).forEach(publish);
        if (after.parcel && !before?.parcel) parcels.shipped(after.tid);
      }),
    rate: (r) =>
      guard(() => {
        const ev = rateEvent(r, shop);
        if (ev) publish(ev);
      }),
    ticked: (since, now) => guard(() => parcels.due(since, now).forEach(publish)),
  });

  const refuse = (c: Conn, r: { code: number; phrase: string }) => {
    send(c, connectRefusedFrame(r.code, r.phrase));
    c.ws.close(1000, r.phrase);
  };

  const onConnect = (c: Conn, f: TmcFrame) => {
    const req = readConnect(f);
    if (req.appKey !== SANDBOX_CREDENTIALS.appKey) return refuse(c, REFUSALS.appKey);
    const group = req.groupName || DEFAULT_GROUP;
    const expected = tmcSign(SANDBOX_CREDENTIALS.appSecret, {
      app_key: req.appKey,
      group_name: group,
      timestamp: req.timestamp ?? '',
    });
    if (req.sign?.toUpperCase() !== expected) return refuse(c, REFUSALS.sign);
    c.token = randomUUID();
    c.group = group;
    send(c, connectAckFrame(c.token));
    logger.info({ group, sdk: req.sdk }, 'sandbox tmc: consumer connected');
    schedule();
  };

  const onFrame = (c: Conn, f: TmcFrame) => {
    if (!c.token) {
      if (f.type === MessageType.CONNECT) return onConnect(c, f);
      return refuse(c, REFUSALS.notConnected);
    }
    if (f.token !== undefined && f.token !== c.token) return; // a frame of an older connection: ignored
    const kind = frameKind(f);
    const id = readMessageId(f);
    if (f.type === MessageType.SEND && kind === MessageKind.Confirm && id !== undefined) {
      if (queue.confirm(id)) stats.confirmed++;
    } else if (f.type === MessageType.SENDACK && kind === MessageKind.Failed && id !== undefined) {
      queue.fail(id, mono(), repushDelayMs);
    } else if (f.type === MessageType.SEND && kind === MessageKind.PullRequest) {
      schedule();
    }
  };

  wss.on('connection', (ws: WebSocket) => {
    const c: Conn = { ws, token: null, group: DEFAULT_GROUP };
    conns.add(c);
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return;
      try {
        onFrame(c, decodeFrame(data));
      } catch (err) {
        logger.warn({ err }, 'sandbox tmc: unreadable frame, closing');
        ws.close(1002, 'bad frame');
      }
    });
    ws.on('close', () => {
      conns.delete(c);
      queue.release(c);
      schedule();
    });
    ws.on('error', (err) => logger.warn({ err }, 'sandbox tmc: socket error'));
  });

  return {
    handleUpgrade(req, socket, head) {
      const path = (req.url ?? '').split('?')[0]!.replace(/\/+$/, '');
      if (path !== SANDBOX_TMC_PATH) return false;
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      return true;
    },
    permit(topics) {
      const wanted = topics?.length ? topics : SANDBOX_TOPICS;
      permit = {
        topics: new Set(wanted.filter((t) => (SANDBOX_TOPICS as readonly string[]).includes(t))),
        modified: clock.now(),
      };
    },
    user: () => ({ topics: [...permit.topics], created: createdAt, modified: permit.modified, valid: true }),
    stats: () => ({ ...stats, queued: queue.size, connections: conns.size }),
    dropConnections() {
      for (const c of conns) c.ws.terminate();
    },
    flush: () => writer?.flush() ?? Promise.resolve(),
    close() {
      void writer?.flush();
      clearInterval(timer);
      for (const c of conns) c.ws.terminate();
      wss.close();
    },
  };
}
