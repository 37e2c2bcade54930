/**
 * What one try at the platform means for a pending entry, saved. Shared by the outbox and by an interactive write
 * whose memo overwrite answered only after the person had been told "queued", so both settle an entry the same way.
 * The caller holds the order's lock.
 */
import type { OrderRepository } from '../orders/index.js';
import { AppError } from '../shared/errors.js';
import { toInstant, type Clock } from '../shared/time.js';
import type { Landing } from './platform-append.js';
import type { RemarkEntry } from './remark-entry.js';
import type { RemarkRepository } from './remark-repository.js';

/** The try's result, or what it threw (landOnPlatform throws only what waiting cannot fix). */
export type Tried = { landing: Landing } | { error: unknown };

export type TryOutcome = 'written' | 'already_present' | 'pending' | 'failed';

export async function recordTry(
  deps: { remarks: RemarkRepository; orders: OrderRepository; clock: Clock },
  entry: RemarkEntry,
  tried: Tried,
  attempts: number,
): Promise<TryOutcome> {
  const { remarks } = deps;
  if ('error' in tried) {
    // Not transient (e.g. the platform no longer knows the order): waiting will not help.
    const err = tried.error;
    const lastError = err instanceof AppError ? `${err.code}: ${err.message}` : String(err);
    await remarks.save({ ...entry, status: 'failed', platform: { ...entry.platform, attempts, lastError } });
    return 'failed';
  }
  const { landing } = tried;
  if (landing.outcome === 'unreachable') {
    // No answer: whether it landed is unknown, and the next try reads the memo before writing anything.
    await remarks.save({ ...entry, platform: { ...entry.platform, attempts, lastError: landing.error } });
    return 'pending';
  }
  if (landing.outcome === 'too_long') {
    // It would never fit by waiting: staff must act, and the order's history shows so.
    await remarks.save({
      ...entry,
      status: 'failed',
      platform: { ...entry.platform, attempts, lastError: landing.message },
    });
    return 'failed';
  }
  await deps.orders.upsertMany([landing.order]);
  await remarks.save({
    ...entry,
    status: landing.outcome,
    platform: {
      attempts,
      lastError: entry.platform.lastError,
      landedAt: toInstant(deps.clock.now()),
      flagAfter: landing.flag,
    },
  });
  return landing.outcome;
}
