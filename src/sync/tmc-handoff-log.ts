import type { Logger } from '../shared/logger.js';
import type { Store, Transaction } from '../storage/index.js';

/**
 * What an applied message must hand on beyond the order book (a refund: the returns and the person on duty; an
 * address changed after printing: the label-fix task), written in the same transaction as the change and run once it
 * is durable. A record is removed only after its hand-off ran, so a service stopped between the two runs it at the
 * next start (`runLeftovers`). A hand-off may therefore run twice (stopped after it ran, before the removal): each one
 * is idempotent (the task's id holds the change, reading refunds again reads the same).
 */

export const TMC_HANDOFFS = 'tmc.handoffs';

export interface TmcHandoff {
  /** One per order, topic and change: the same change told twice is one record. */
  id: string;
  topic: string;
  tid: string;
  /** The order's modified time after the change (what the label-fix task's id holds). */
  at: string;
  content: Record<string, unknown>;
}

export interface TmcHandoffHandler {
  /** The topics that hand something on; no record is written for the others. */
  topics: ReadonlySet<string>;
  run(h: TmcHandoff): Promise<void>;
}

export function recordHandoff(tx: Transaction, h: Omit<TmcHandoff, 'id'>): TmcHandoff {
  const rec = { id: `${h.tid}:${h.topic}:${h.at}`, ...h };
  tx.put<TmcHandoff>(TMC_HANDOFFS, rec.id, rec);
  return rec;
}

export function createHandoffRunner(deps: { store: Store; logger: Logger }) {
  let handler: TmcHandoffHandler | null = null;

  async function runOne(h: TmcHandoff): Promise<void> {
    if (!handler) return; // kept: run once the handler is set (at start)
    try {
      await handler.run(h);
    } catch (err) {
      // Kept for the next start: a failed hand-off is tried again then, not lost.
      deps.logger.error({ err, topic: h.topic, tid: h.tid }, 'tmc: handing on a change failed; tried again at start');
      return;
    }
    await deps.store.transact((tx) => tx.delete(TMC_HANDOFFS, h.id));
  }

  return {
    wants: (topic: string) => handler?.topics.has(topic) ?? false,
    setHandler(h: TmcHandoffHandler) {
      handler = h;
    },
    /** Runs hand-offs of changes now durable, together (a burst shares one read), each removed once it ran. */
    async run(records: readonly TmcHandoff[]): Promise<void> {
      await Promise.all(records.map(runOne));
    },
    /** Runs what a stopped service left (recorded, never run or never removed). */
    async runLeftovers(): Promise<number> {
      const left = [...deps.store.all<TmcHandoff>(TMC_HANDOFFS)];
      await Promise.all(left.map(runOne));
      return left.length;
    },
    leftover: () => deps.store.count(TMC_HANDOFFS),
  };
}

export type HandoffRunner = ReturnType<typeof createHandoffRunner>;
