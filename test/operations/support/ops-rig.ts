/**
 * The operations module over a memory store with fakes for the ports it declares: a message sink whose
 * staff robot is rate-limited like a real channel (it holds what exceeds the limit and records
 * everything), message stats, transfer status, and a platform that yields negative reviews.
 */
import { apiApp } from '../../support/api-app.js';
import { DEMO_ACCOUNTS } from '../../../src/accounts/accounts.js';
import { createOperationsModule, type OperationsModuleDeps } from '../../../src/operations/index.js';
import type { MessageRequest, MessageSink } from '../../../src/messaging/message-sink.js';
import type { MessageStats, TransferStatus } from '../../../src/handover/handover-ports.js';
import type { Order, Review } from '../../../src/orders/order.js';
import { createOrderRepository } from '../../../src/orders/order-repository.js';
import { staffDirectoryFromUsers } from '../../../src/remarks/index.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { fixedClock, MINUTE, toInstant, type Clock } from '../../../src/shared/time.js';
import { createMemoryStore } from '../../../src/storage/index.js';

export interface RecordingSink extends MessageSink {
  messages: MessageRequest[];
  /** Pushes the robot delivered, and the ones it held back for the next minute. */
  delivered: { title: string; markdown: string; at: string }[];
  held: { title: string; markdown: string }[];
}

/** A staff robot allowing `perMinute` pushes a minute (DingTalk allows 20); the rest are held. */
export function recordingSink(clock: Clock, perMinute = 1): RecordingSink {
  const sink: RecordingSink = {
    messages: [],
    delivered: [],
    held: [],
    async enqueue(req) {
      sink.messages.push(req);
      return { queued: true };
    },
    async notifyStaff(n) {
      const since = toInstant(clock.now() - MINUTE);
      if (sink.delivered.filter((d) => d.at > since).length >= perMinute) sink.held.push(n);
      else sink.delivered.push({ ...n, at: toInstant(clock.now()) });
    },
  };
  return sink;
}

export function fakeMessageStats(): MessageStats {
  return {
    countsBetween: () => ({
      birthday: { sent: 2, queued: 1, failed: 0 },
      'review-repair': { sent: 0, queued: 0, failed: 1 },
    }),
    problems: () => [
      {
        id: 'm1',
        kind: 'review-repair',
        tid: '3002',
        buyerNick: '差评哥',
        state: 'failed',
        at: '2026-11-23T10:05:00.000+08:00',
        reason: 'channel refused',
      },
    ],
  };
}

export function fakeTransferStatus(): TransferStatus {
  return {
    confirmedBetween: () => 2,
    unverifiedClaims: () => [
      { id: 'tc1', buyerNick: '汇款客', amountFen: 28800, claimedAt: '2026-11-19T11:00:00.000+08:00', owner: 'xiaoli' },
    ],
    manualQueue: () => [{ id: 'bank-7', amountFen: 15000, at: '2026-11-23T09:10:00.000+08:00', payer: '李秀兰' }],
  };
}

export function reviewsPlatform(reviews: Review[]) {
  return {
    async *negativeReviews() {
      yield reviews;
    },
  };
}

export async function startOpsRig(
  opts: { now?: string; orders?: Order[]; reviews?: Review[]; deps?: Partial<OperationsModuleDeps> } = {},
) {
  const clock = fixedClock(opts.now ?? '2026-11-23T16:15:00+08:00');
  const store = createMemoryStore();
  const orders = createOrderRepository(store);
  if (opts.orders) await orders.upsertMany(opts.orders);
  const sink = recordingSink(clock);
  const ops = createOperationsModule({
    store,
    orders,
    clock,
    logger: silentLogger(),
    platform: reviewsPlatform(opts.reviews ?? []),
    staffDirectory: staffDirectoryFromUsers(DEMO_ACCOUNTS),
    autoStart: false,
    messages: sink,
    messageStats: fakeMessageStats(),
    transferStatus: fakeTransferStatus(),
    ...opts.deps,
  });
  return { clock, store, orders, sink, ops };
}

export type OpsRig = Awaited<ReturnType<typeof startOpsRig>>;

export type { Username } from '../../support/api-app.js';

/** The real HTTP app with real logins, the operations routers mounted as the composition root mounts them. */
export async function startOpsHttp(rig: OpsRig) {
  const { app, as } = await apiApp({ store: rig.store, clock: rig.clock, routes: rig.ops.routers });
  return { app, as };
}
