/**
 * Keeping the returns current: the platform's refunds that need the goods back (has_good_return), each return
 * parcel tracked through the logistics port as outgoing parcels are, and the follow-up work handed on — the warehouse
 * asked to check a parcel signed for at the warehouse (验收退货), the keeper's task closed once the platform has paid.
 */
import { courierCode, type LogisticsTracker, type TrackingResult } from '../logistics/index.js';
import type { Order } from '../orders/index.js';
import type { PlatformRefund, ShopPlatform } from '../platform/index.js';
import type { Logger } from '../shared/logger.js';
import { phoneLastFour } from '../shared/mask.js';
import { DAY, MINUTE, toInstant, type Clock } from '../shared/time.js';
import type { TaskService } from '../tasks/index.js';
import { returnState, type ReturnParcelView, type ReturnRecord } from './return.js';
import type { ReturnRepository } from './return-repository.js';

export interface Person {
  username: string;
  displayName: string;
}

/** Who the return's work goes to: the warehouse person (助理) and the keeper of money (the roster's). */
export interface ReturnPeople {
  warehouse(): Person;
  keeper(): Person;
}

/** The opener of the tasks xiaoer opens by itself, and the closer of those the platform settles. */
export const XIAOER: Person & { role: 'admin' } = { username: 'xiaoer', displayName: '小二', role: 'admin' };

export interface ReturnSyncDeps {
  platform: Pick<ShopPlatform, 'receivedRefunds'>;
  tracker: LogisticsTracker;
  repo: ReturnRepository;
  orders: { get(tid: string): Order | undefined };
  tasks: Pick<TaskService, 'open' | 'get' | 'closeOnBehalf'>;
  people: ReturnPeople;
  clock: Clock;
  logger: Logger;
  /** How far back the first sync reads (default 30 days: returns older than a month are long settled). */
  backfillDays?: number;
}

export interface ReturnSyncResult {
  refunds: number;
  tracked: number;
  returned: number;
  errors: number;
}

/** Windows overlap by this much: a refund changed while the last window was read is read again, never missed. */
const OVERLAP_MS = 10 * MINUTE;

function parcelFor(r: PlatformRefund): ReturnParcelView | null {
  if (!r.sid) return null;
  return {
    company: courierCode(r.companyName) ?? null,
    waybill: r.sid,
    state: null,
    subState: null,
    lastEvent: null,
    signedAt: null,
    checkedAt: null,
  };
}

/** The stored return with the platform's newest copy of its refund folded in. */
export function mergeRefund(prev: ReturnRecord | undefined, r: PlatformRefund, now: string): ReturnRecord {
  if (prev && prev.modifiedAt > r.modified) return prev;
  const sameWaybill = prev?.parcel?.waybill === r.sid && !!r.sid;
  return {
    id: r.refundId,
    tid: r.tid,
    oid: r.oid,
    buyerNick: r.buyerNick,
    title: r.title,
    reason: r.reason,
    refundFeeFen: r.refundFeeFen,
    platformStatus: r.status,
    goodStatus: r.goodStatus,
    companyName: r.companyName,
    // A waybill the buyer corrected starts a new journey; the same one keeps what tracking learnt.
    parcel: sameWaybill ? prev!.parcel : parcelFor(r),
    purpose: prev?.purpose ?? 'refund',
    createdAt: r.created,
    modifiedAt: r.modified,
    waybillSeenAt: sameWaybill ? prev!.waybillSeenAt : r.sid ? now : null,
    receipt: prev?.receipt ?? null,
    exchange: prev?.exchange ?? null,
    receiptTaskId: prev?.receiptTaskId ?? null,
    refundTaskId: prev?.refundTaskId ?? null,
  };
}

export function parcelView(prev: ReturnParcelView, t: TrackingResult): ReturnParcelView {
  const newest = t.events[0];
  return {
    ...prev,
    state: t.state,
    subState: t.subState,
    lastEvent: newest ? { at: newest.at, description: newest.description } : prev.lastEvent,
    signedAt: t.state === 'signed' ? (newest?.at ?? t.checkedAt) : null,
    checkedAt: t.checkedAt,
  };
}

export function createReturnSync(deps: ReturnSyncDeps) {
  const { repo, clock } = deps;
  const logger = deps.logger.child({ module: 'returns' });

  async function pull(result: ReturnSyncResult): Promise<void> {
    const now = clock.now();
    const since = repo.checkpoint();
    const start = since === null ? now - (deps.backfillDays ?? 30) * DAY : since - OVERLAP_MS;
    for await (const page of deps.platform.receivedRefunds({ start, end: now })) {
      for (const r of page) {
        // Money-only refunds are the platform's business; a return once followed stays followed.
        if (!r.hasGoodReturn && !repo.get(r.refundId)) continue;
        await repo.update(r.refundId, (prev) => mergeRefund(prev, r, toInstant(now)));
        result.refunds++;
      }
    }
    await repo.setCheckpoint(now);
  }

  async function track(r: ReturnRecord, result: ReturnSyncResult): Promise<void> {
    const parcel = r.parcel!;
    const order = deps.orders.get(r.tid);
    // The buyer sends the parcel: kuaidi100 takes the sender's last four digits where the courier requires them,
    // which the platform's masked mobile keeps (138****5678): no decrypt for tracking.
    const phone = order ? (phoneLastFour(order.receiver.mobile) ?? phoneLastFour(order.receiver.phone)) : undefined;
    try {
      const t = await deps.tracker.track(parcel.company!, parcel.waybill, phone);
      await repo.update(r.id, (cur) => ({ ...cur!, parcel: parcelView(cur!.parcel ?? parcel, t) }));
      result.tracked++;
    } catch (err) {
      result.errors++;
      logger.warn({ err, refundId: r.id, tid: r.tid }, 'return parcel tracking failed');
    }
  }

  /** Hands on the work each return's state now calls for; each task once (its id is the return's). */
  async function handOn(r: ReturnRecord, result: ReturnSyncResult): Promise<void> {
    const state = returnState(r);
    if (state === 'returned' && !r.receiptTaskId) {
      const task = await deps.tasks.open({
        id: `return-receipt:${r.id}`,
        type: 'return_receipt',
        tid: r.tid,
        assignee: deps.people.warehouse(),
        opener: XIAOER,
      });
      await repo.update(r.id, (cur) => ({ ...cur!, receiptTaskId: task.id }));
      result.returned++;
    }
    if (state === 'refunded' && r.refundTaskId && deps.tasks.get(r.refundTaskId)?.state === 'open')
      await deps.tasks.closeOnBehalf(r.refundTaskId, XIAOER, '平台已退款');
  }

  /** One run: the platform's refunds since the last run, every return parcel on its way, the work handed on. */
  async function run(): Promise<ReturnSyncResult> {
    const result: ReturnSyncResult = { refunds: 0, tracked: 0, returned: 0, errors: 0 };
    await pull(result);
    for (const r of repo.all()) {
      if (returnState(r) === 'in_transit' && r.parcel?.company) await track(r, result);
    }
    for (const r of repo.all()) await handOn(r, result);
    return result;
  }

  /**
   * The platform's refunds since the last run and the work they hand on, without tracking the parcels: what a pushed
   * refund message asks for (one list call, not a courier call per return on its way).
   */
  async function refresh(): Promise<ReturnSyncResult> {
    const result: ReturnSyncResult = { refunds: 0, tracked: 0, returned: 0, errors: 0 };
    await pull(result);
    for (const r of repo.all()) await handOn(r, result);
    return result;
  }

  return { run, refresh };
}

export type ReturnSync = ReturnType<typeof createReturnSync>;
