/**
 * The remark outbox: entries the platform did not take (down, timed out, refused the session) are
 * retried until they land exactly once. Each try re-reads the platform memo under the order's lock
 * and appends only when the entry is not already there, so a write that landed before its answer
 * was lost is recognised instead of duplicated. An entry that no longer fits the memo is marked
 * failed (it would never fit by waiting) and shows so in the order's history. A trade the entry closes waits here
 * too and is closed after the memo has landed (trade-close.ts).
 */
import type { Job } from '../scheduler/index.js';
import type { OrderRepository } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import type { Logger } from '../shared/logger.js';
import type { Clock } from '../shared/time.js';
import type { KeyedLock } from '../shared/keyed-lock.js';
import { recordTry, type Tried, type TryOutcome } from './landing-record.js';
import { landOnPlatform } from './platform-append.js';
import type { RemarkEntry } from './remark-entry.js';
import type { RemarkRepository } from './remark-repository.js';
import { settleClose, type CloseFollowUps } from './trade-close.js';

export interface OutboxCounts extends Record<string, number> {
  queued: number;
  written: number;
  alreadyPresent: number;
  failed: number;
  stillPending: number;
  /** Trades closed after their remark landed, and closes refused (each a follow-up for the writer). */
  tradesClosed: number;
  closesFailed: number;
}

const COUNTER: Record<TryOutcome, 'written' | 'alreadyPresent' | 'stillPending' | 'failed'> = {
  written: 'written',
  already_present: 'alreadyPresent',
  pending: 'stillPending',
  failed: 'failed',
};

export interface RemarkOutbox {
  runOnce(): Promise<OutboxCounts>;
  job: Job;
}

export function createRemarkOutbox(deps: {
  remarks: RemarkRepository;
  platform: ShopPlatform;
  orders: OrderRepository;
  lock: KeyedLock;
  clock: Clock;
  logger: Logger;
  followUps?: CloseFollowUps;
}): RemarkOutbox {
  const { remarks } = deps;

  async function retry(entry: RemarkEntry, counts: OutboxCounts): Promise<void> {
    let tried: Tried;
    try {
      tried = { landing: await landOnPlatform(deps.platform, entry) };
    } catch (error) {
      tried = { error };
    }
    const outcome = await recordTry(deps, entry, tried, entry.platform.attempts + 1);
    counts[COUNTER[outcome]]++;
  }

  async function runOnce(): Promise<OutboxCounts> {
    const counts: OutboxCounts = {
      queued: 0,
      written: 0,
      alreadyPresent: 0,
      failed: 0,
      stillPending: 0,
      tradesClosed: 0,
      closesFailed: 0,
    };
    for (const item of remarks.outbox()) {
      counts.queued++;
      await deps.lock.run(`order:${item.tid}`, async () => {
        const entry = remarks.find(item.tid, item.id);
        // Re-read under the lock: a write by hand or another run may have settled it meanwhile.
        if (entry?.status === 'pending') await retry(entry, counts);
        // The trade the entry closes, once its memo has landed (also an entry queued only for its close).
        const landed = remarks.find(item.tid, item.id);
        if (landed?.close?.state !== 'wanted' || landed.status === 'pending') return;
        const settled = await settleClose(deps, landed);
        if (settled.close?.state === 'closed') counts.tradesClosed++;
        if (settled.close?.state === 'failed') counts.closesFailed++;
      });
    }
    if (counts.queued) deps.logger.info(counts, 'remark outbox run');
    return counts;
  }

  return {
    runOnce,
    job: {
      name: 'remark-outbox',
      schedule: '* * * * *',
      description: 'retries remarks waiting for the platform until each lands exactly once',
      run: runOnce,
    },
  };
}
