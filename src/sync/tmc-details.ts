import type { Order, OrderRepository } from '../orders/index.js';
import type { PlatformCallOptions, ShopPlatform } from '../platform/index.js';
import { NotFoundError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { parseInstant, toInstant } from '../shared/time.js';
import type { Store, Transaction } from '../storage/index.js';

/**
 * Orders a message made visible without their details (a new order: no lines or receiver in TradeCreate; a
 * TradeChanged: what changed is not said). Which ones wait is stored with the change itself (same transaction), so a
 * restart reads them too. They are read together at most every `everyMs`: new orders with one list by created time,
 * changed ones with one incremental list over their messages' times when that costs fewer calls than reading each,
 * the rest one by one; and at once, one order, when a person opens it (readNow).
 */

export const TMC_DETAILS = 'tmc.details';

interface Pending {
  tid: string;
  /** The earliest and latest message times that left details to read (epoch ms). */
  since: number;
  last: number;
  /** A new order: found by its created time. */
  created: boolean;
}

/**
 * The platform's copy may carry a modified time a moment before the message's publish time for the same change; a
 * copy older than the message by more than this predates the change and is read again next round.
 */
export const PUBLISH_LAG_MS = 10_000;
/**
 * A new order's TradeCreate is published at or a moment after its created time. The list by created time reaches
 * back this much before the first message: every second more lists other new orders too, and one it misses is read
 * alone.
 */
const CREATED_SLACK_MS = 2_000;
const PAGE = 100;

export function markDetails(tx: Transaction, tid: string, at: number, created: boolean): void {
  const cur = tx.get<Pending>(TMC_DETAILS, tid);
  tx.put<Pending>(TMC_DETAILS, tid, {
    tid,
    since: Math.min(cur?.since ?? at, at),
    last: Math.max(cur?.last ?? at, at),
    created: cur ? cur.created && created : created,
  });
}

/** Forgets a pending read the copy just stored answers (none newer asked for since `upTo`). */
export function settleDetails(tx: Transaction, tid: string, upTo: number): void {
  const cur = tx.get<Pending>(TMC_DETAILS, tid);
  if (cur && cur.last <= upTo) tx.delete(TMC_DETAILS, tid);
}

/**
 * The platform's copy, unless a message xiaoer applied is newer than it: then the copy gives the details (lines,
 * receiver, amounts) and the stored order keeps what the messages said (status, times, memo, refunds, waybills).
 */
export function mergeDetails(stored: Order | undefined, fetched: Order): Order {
  if (!stored || fetched.modifiedAt >= stored.modifiedAt) return fetched;
  const byOid = new Map(stored.items.map((i) => [i.oid, i]));
  return {
    ...fetched,
    status: stored.status,
    paidAt: stored.paidAt ?? fetched.paidAt,
    consignedAt: stored.consignedAt ?? fetched.consignedAt,
    endAt: stored.endAt ?? fetched.endAt,
    payDeadlineAt: stored.payDeadlineAt,
    sellerMemo: stored.sellerMemo,
    sellerFlag: stored.sellerFlag,
    buyerRated: stored.buyerRated || fetched.buyerRated,
    sellerRated: stored.sellerRated || fetched.sellerRated,
    modifiedAt: stored.modifiedAt,
    items: fetched.items.map((i) => {
      const s = byOid.get(i.oid);
      const status = i.status === fetched.status ? stored.status : i.status;
      return s
        ? {
            ...i,
            status,
            refundStatus: s.refundId ? s.refundStatus : i.refundStatus,
            refundId: s.refundId || i.refundId,
            invoiceNo: i.invoiceNo || s.invoiceNo,
            logisticsCompany: i.logisticsCompany || s.logisticsCompany,
          }
        : { ...i, status };
    }),
  };
}

export interface DetailReaderDeps {
  platform: ShopPlatform;
  orders: OrderRepository;
  store: Store;
  logger: Logger;
  /** At most one batch read this often (config sync.tmcDetailsSeconds). */
  everyMs: number;
}

export function createDetailReader(deps: DetailReaderDeps) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const stats = { detailed: 0, detailFailed: 0 };

  const pendingAll = () => [...deps.store.all<Pending>(TMC_DETAILS)];

  async function list(source: AsyncIterable<Order[]>, want: ReadonlySet<string>, out: Map<string, Order>) {
    for await (const page of source) for (const o of page) if (want.has(o.tid)) out.set(o.tid, o);
  }

  /** Stores what was read, each order merged with what the messages said, and forgets what it answered. */
  async function store(recs: Pending[], got: Map<string, Order | 'gone'>): Promise<void> {
    const writes: Order[] = [];
    const settled: [string, number][] = [];
    for (const r of recs) {
      const o = got.get(r.tid);
      if (o === undefined) continue;
      if (o === 'gone') {
        settled.push([r.tid, r.last]);
        continue;
      }
      if (parseInstant(o.modifiedAt) < r.last - PUBLISH_LAG_MS) continue; // predates the change: next round
      writes.push(mergeDetails(deps.orders.get(r.tid), o));
      settled.push([r.tid, r.last]);
    }
    if (!settled.length) return;
    await deps.orders.upsertMany(writes, (tx) => settled.forEach(([tid, last]) => settleDetails(tx, tid, last)));
    stats.detailed += writes.length;
  }

  async function readEach(tids: string[], out: Map<string, Order | 'gone'>, options?: PlatformCallOptions) {
    let next = 0;
    const worker = async () => {
      while (next < tids.length) {
        const tid = tids[next++]!;
        try {
          out.set(tid, await deps.platform.getOrder(tid, options));
        } catch (err) {
          if (err instanceof NotFoundError) out.set(tid, 'gone');
          else {
            stats.detailFailed++;
            deps.logger.warn({ err, tid }, 'tmc: reading an order in full failed; tried again next round');
          }
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  }

  /** Stored orders changed in the window: about what an incremental list over it brings, 100 a call. */
  function listPages(start: number, end: number): number {
    // Instants share the +08:00 offset, so text order is time order: no parsing per stored order.
    const from = toInstant(start);
    const to = toInstant(end);
    let n = 0;
    for (const o of deps.orders.all()) if (o.modifiedAt >= from && o.modifiedAt <= to) n++;
    return Math.max(1, Math.ceil(n / PAGE));
  }

  async function readBatch(): Promise<void> {
    const recs = pendingAll();
    if (!recs.length) return;
    const got = new Map<string, Order | 'gone'>();
    const span = (rs: Pending[]) => ({
      start: Math.min(...rs.map((r) => r.since)),
      end: Math.max(...rs.map((r) => r.last)) + 1000,
    });
    const created = recs.filter((r) => r.created);
    const changed = recs.filter((r) => !r.created);
    try {
      if (created.length > 1) {
        const w = span(created);
        const found = new Map<string, Order>();
        await list(
          deps.platform.createdOrders({ start: w.start - CREATED_SLACK_MS, end: w.end }),
          new Set(created.map((r) => r.tid)),
          found,
        );
        for (const [tid, o] of found) got.set(tid, o);
      }
      if (changed.length > 1) {
        const w = span(changed);
        w.start -= PUBLISH_LAG_MS;
        if (changed.length > listPages(w.start, w.end)) {
          const found = new Map<string, Order>();
          await list(deps.platform.changedOrders(w), new Set(changed.map((r) => r.tid)), found);
          for (const [tid, o] of found) got.set(tid, o);
        }
      }
    } catch (err) {
      deps.logger.warn({ err }, 'tmc: listing orders for their details failed; reading them one by one');
    }
    await readEach(
      recs.filter((r) => !got.has(r.tid)).map((r) => r.tid),
      got,
    );
    await store(recs, got);
  }

  function fire() {
    timer = null;
    running = readBatch()
      .catch((err: unknown) => deps.logger.error({ err }, 'tmc: storing order details failed; tried again'))
      .finally(() => {
        running = null;
        schedule();
      });
  }

  /** A batch read `everyMs` from now, if anything waits and none is due. */
  function schedule(): void {
    if (stopped || timer || running || !deps.store.count(TMC_DETAILS)) return;
    timer = setTimeout(fire, deps.everyMs);
    timer.unref();
  }

  return {
    schedule,
    /** Batch reads again after a stop (the instance owns the channel again: src/service/wire-tmc.ts). */
    resume(): void {
      stopped = false;
      schedule();
    },
    pending: (tid: string) => deps.store.get<Pending>(TMC_DETAILS, tid) !== undefined,
    count: () => deps.store.count(TMC_DETAILS),
    /** Reads one waiting order now (a person opened it); a failure leaves it waiting for the next batch. */
    async readNow(tid: string, options?: PlatformCallOptions): Promise<void> {
      const rec = deps.store.get<Pending>(TMC_DETAILS, tid);
      if (!rec) return;
      const got = new Map<string, Order | 'gone'>();
      await readEach([tid], got, options);
      await store([rec], got);
    },
    /**
     * Reads everything waiting now (a print batch at its time, a job's message, tests, the bench). One read at a
     * time; what it could not read waits for the next batch read (scheduled again, as after a timed one).
     */
    async flush(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      while (running) await running;
      running = readBatch()
        .catch((err: unknown) => deps.logger.error({ err }, 'tmc: storing order details failed; tried again'))
        .finally(() => {
          running = null;
          schedule();
        });
      await running;
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
    stats: () => ({ ...stats, detailsPending: deps.store.count(TMC_DETAILS) }),
  };
}

export type DetailReader = ReturnType<typeof createDetailReader>;
