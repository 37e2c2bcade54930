/**
 * Whether an order's printed label still matches its receiver, for the label-fix hand-off after an address change
 * (issue 19: TradeLogisticsAddressChanged). An order not printed yet is not asked about here: its batch's page warns
 * of the change (address_changed) before anyone prints it.
 */
import type { Order } from '../orders/index.js';
import type { OrderRemarkFacts } from '../remarks/index.js';
import { DAY, shanghaiDate, type Clock } from '../shared/time.js';
import type { BatchEntry, BatchRepository, PrintOutcome } from './batch-repository.js';
import { receiverChanged } from './batch-rules.js';

/** A "printed" action's outcomes that mean the label is printed (written now, queued, or printed before). */
const PRINTED: ReadonlySet<PrintOutcome['outcome']> = new Set(['written', 'pending', 'already_present', 'printed']);

/** Batches are looked back this far, as the batches themselves look back (an older order prints again). */
const LOOKBACK_DAYS = 7;

export function createLabelCheck(deps: {
  repo: BatchRepository;
  facts: OrderRemarkFacts;
  clock: Clock;
  times: readonly string[];
}) {
  /** The order's entry in a stored batch of the last week, and whether a "printed" action there printed it. */
  function batchEntry(tid: string): { entry: BatchEntry; printed: boolean } | null {
    const now = deps.clock.now();
    for (let d = 0; d <= LOOKBACK_DAYS; d++) {
      const date = shanghaiDate(now - d * DAY);
      for (const time of deps.times) {
        const b = deps.repo.get({ date, time });
        const entry = b?.entries.find((e) => e.tid === tid);
        if (!b || !entry) continue;
        const printed = b.runs.some((r) => r.results.some((x) => x.tid === tid && PRINTED.has(x.outcome)));
        return { entry, printed };
      }
    }
    return null;
  }

  return {
    /**
     * True when the label printed for the order no longer matches its receiver: it is printed (the print mark, or a
     * batch's "printed" recorded it) and its receiver is not the one it entered its batch with; printed outside any
     * batch, the entry's address is unknown and any change counts.
     */
    labelOutdated(order: Order): boolean {
      const inBatch = batchEntry(order.tid);
      if (!deps.facts.printed(order) && !inBatch?.printed) return false;
      return !inBatch || receiverChanged(inBatch.entry, order.receiver);
    },
  };
}

export type LabelCheck = ReturnType<typeof createLabelCheck>;
