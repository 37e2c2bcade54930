/**
 * Print batches (打单): which paid orders go into which batch, the batch as a person reads it, and "printed", which
 * writes the catalogue's print.printed remark on each order through the remark service's exactly-once path.
 *
 * An order belongs to the first batch due after its payment; a batch is stored when its job runs at its time (or
 * when someone marks it printed before then), gathering every order paid before its time that is not printed, not
 * held by a remark and not in another batch. So an order missed by a batch (held then, or the job did not run) goes
 * to the next one, and the next batch, before its time, shows the orders that would enter it now.
 */
import type { User } from '../accounts/index.js';
import type { Order } from '../orders/index.js';
import type { OrderRemarkFacts } from '../remarks/index.js';
import { ConflictError } from '../shared/errors.js';
import type { KeyedLock } from '../shared/keyed-lock.js';
import { personError } from '../shared/person-error.js';
import { DAY, parseInstant, shanghaiDate, startOfShanghaiDay, toInstant, type Clock } from '../shared/time.js';
import { addressFingerprint, awaitingShipment, batchAfter, batchId, dueAt, type BatchKey } from './batch-rules.js';
import type { BatchEntry, BatchRepository, PrintOutcome, StoredBatch } from './batch-repository.js';
import { byCourier, countStates, entryView, type CourierGroup, type EntryView } from './batch-view.js';

export interface PrintingConfig {
  /** HH:mm, early to late; the last is the cut-off. */
  times: readonly string[];
  defaultCourier: string | null;
}

export interface PrintingDeps {
  repo: BatchRepository;
  orders: { get(tid: string): Order | undefined; all(): Iterable<Order> };
  facts: OrderRemarkFacts;
  /** The remark service's write (the same as POST /api/orders/:tid/remarks). */
  writeRemark(req: {
    tid: string;
    kind: string;
    user: User;
  }): Promise<{ status: 'written' | 'pending' | 'already_present' }>;
  lock: KeyedLock;
  clock: Clock;
  config: PrintingConfig;
  /**
   * Orders a platform message showed before their lines and receiver were read (sync's deferred details): held
   * while pending, and read first when a batch is stored, so none enters a batch without them.
   */
  details?: PendingDetails;
}

export interface PendingDetails {
  pending(tid: string): boolean;
  /** Reads every pending order now; what fails stays pending. */
  readAll(): Promise<void>;
}

export interface BatchView extends BatchKey {
  id: string;
  due: string;
  /** The last batch of the day: an order paid after it ships the next day. */
  cutoff: boolean;
  /** The batch the orders paid now go to. */
  next: boolean;
  builtAt: string | null;
  groups: CourierGroup[];
  /** Paid before the batch's time, not in a batch, held by a remark (the next batch only). */
  held: EntryView[];
  counts: ReturnType<typeof countStates>;
  runs: StoredBatch['runs'];
}

/** Batches are looked up a week back: an order older than that and still unprinted enters a batch again. */
const LOOKBACK_DAYS = 7;

export function createPrintingService(deps: PrintingDeps) {
  const { repo, facts, config } = deps;
  const times = config.times;
  const cutoff = times[times.length - 1]!;
  const pending = deps.details ? (tid: string) => deps.details!.pending(tid) : undefined;
  const viewDeps = { facts, defaultCourier: config.defaultCourier, ...(pending ? { pending } : {}) };

  const nextBatch = (): BatchKey => batchAfter(times, deps.clock.now());
  const isNext = (k: BatchKey) => batchId(k) === batchId(nextBatch());

  /** Tids in stored batches around the day, except `k` itself. */
  function takenElsewhere(k: BatchKey): Set<string> {
    const taken = new Set<string>();
    const start = startOfShanghaiDay(k.date);
    for (let d = -LOOKBACK_DAYS; d <= 1; d++) {
      const date = shanghaiDate(start + d * DAY + 3_600_000);
      for (const time of times) {
        if (date === k.date && time === k.time) continue;
        for (const e of repo.get({ date, time })?.entries ?? []) taken.add(e.tid);
      }
    }
    return taken;
  }

  /**
   * Orders that would enter the batch now: printable ones, and those a remark holds back, each read once (its
   * remarks, memo and lines) into the view the page shows.
   */
  function candidates(k: BatchKey): { fresh: { order: Order; view: EntryView }[]; held: EntryView[] } {
    const due = dueAt(k);
    const taken = takenElsewhere(k);
    for (const e of repo.get(k)?.entries ?? []) taken.add(e.tid);
    const fresh: { order: Order; view: EntryView }[] = [];
    const held: EntryView[] = [];
    for (const o of deps.orders.all()) {
      if (!awaitingShipment(o) || taken.has(o.tid) || parseInstant(o.paidAt!) >= due) continue;
      const view = entryView(o.tid, o, null, viewDeps);
      if (view.state === 'to_print') fresh.push({ order: o, view });
      else if (view.state === 'held') held.push(view);
    }
    return { fresh, held };
  }

  /** A batch is stored when it is due, or early when it is the next one; a later batch would take its orders. */
  function mayBuild(k: BatchKey): boolean {
    return dueAt(k) <= deps.clock.now() || isNext(k);
  }

  async function build(k: BatchKey): Promise<{ orders: number; added: number; held: number }> {
    if (!mayBuild(k)) return { orders: repo.get(k)?.entries.length ?? 0, added: 0, held: 0 };
    let { fresh, held } = candidates(k);
    // An order paid seconds ago may wait for its lines: read them now (one list) rather than leave it to the next
    // batch; one whose read fails stays held and goes to a later batch, never in this one without its lines.
    if (deps.details && held.some((v) => v.holds.includes('details_pending'))) {
      await deps.details.readAll();
      ({ fresh, held } = candidates(k));
    }
    const at = toInstant(deps.clock.now());
    const entries: BatchEntry[] = fresh.map(({ order }) => ({
      tid: order.tid,
      enteredAt: at,
      address: addressFingerprint(order.receiver),
      ...(order.receiver.oaid ? { oaid: order.receiver.oaid } : {}),
    }));
    const added = await repo.add(k, entries, at);
    return { orders: repo.get(k)?.entries.length ?? 0, added, held: held.length };
  }

  function view(k: BatchKey): BatchView {
    const stored = repo.get(k);
    const next = isNext(k);
    const entries = (stored?.entries ?? []).map((e) => entryView(e.tid, deps.orders.get(e.tid), e, viewDeps));
    const live = next ? candidates(k) : { fresh: [], held: [] };
    for (const c of live.fresh) entries.push(c.view);
    return {
      ...k,
      id: batchId(k),
      due: toInstant(dueAt(k)),
      cutoff: k.time === cutoff,
      next,
      builtAt: stored?.builtAt ?? null,
      groups: byCourier(entries),
      held: live.held,
      counts: countStates(entries),
      runs: stored?.runs ?? [],
    };
  }

  /**
   * "Printed": the print.printed remark on every order of the batch still to print (or on `tids`, the ones the
   * person saw), as `user`. One batch at a time, so a double click waits for the first and then finds the orders
   * printed; an order printed, held or gone meanwhile is skipped and its outcome says why.
   */
  async function markPrinted(k: BatchKey, user: User, tids?: readonly string[]) {
    return deps.lock.run(`print-batch:${batchId(k)}`, async () => {
      if (!mayBuild(k))
        throw new ConflictError({
          message: `${k.date} ${k.time} 这一批还没到打单的时候，请先打下一批`,
          code: 'batch_not_due',
          params: { date: k.date, time: k.time },
        });
      if (isNext(k)) await build(k);
      const wanted = tids ? new Set(tids) : null;
      const results: PrintOutcome[] = [];
      for (const e of repo.get(k)?.entries ?? []) {
        if (wanted && !wanted.has(e.tid)) continue;
        const v = entryView(e.tid, deps.orders.get(e.tid), e, viewDeps);
        if (v.state !== 'to_print') {
          results.push({ tid: e.tid, outcome: v.state });
          continue;
        }
        try {
          const r = await deps.writeRemark({ tid: e.tid, kind: 'print.printed', user });
          results.push({ tid: e.tid, outcome: r.status });
        } catch (err) {
          results.push({ tid: e.tid, outcome: 'failed', error: personError(err)?.message ?? '写备注时出错' });
        }
      }
      const run = { at: toInstant(deps.clock.now()), username: user.username, staff: user.displayName, results };
      if (results.length) await repo.addRun(k, run);
      return { id: batchId(k), results };
    });
  }

  /** The day's batches, each with its counts (the next one with the orders that would enter it now). */
  function day(date: string) {
    const batches = times.map((time) => {
      const v = view({ date, time });
      return { date, time, id: v.id, due: v.due, cutoff: v.cutoff, next: v.next, builtAt: v.builtAt, counts: v.counts };
    });
    return { date, times: [...times], cutoff, next: nextBatch(), batches };
  }

  return { day, view, build, markPrinted, nextBatch, times };
}

export type PrintingService = ReturnType<typeof createPrintingService>;
