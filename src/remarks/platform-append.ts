/**
 * The one way an entry reaches the platform: read the memo as it is now, append (or find the entry
 * already there), check the byte limit, write memo and flag. Used by the first write and by every
 * outbox retry, so a write that landed before its answer was lost is found, never duplicated.
 * The caller holds the order's lock.
 */
import type { Order } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import { AppError, UpstreamError } from '../shared/errors.js';
import { mergeFlag } from './catalogue/index.js';
import { planAppend } from './memo/index.js';

export type Landing =
  | { outcome: 'written' | 'already_present'; memo: string; flag: number; order: Order }
  | { outcome: 'too_long'; message: string; bytes: number; limit: number }
  /** The platform could not be asked or did not answer; the write may or may not have landed. */
  | { outcome: 'unreachable'; error: string };

/** Network trouble and upstream faults are worth retrying; our own errors (not found, bad input) are not. */
export function isTransient(err: unknown): boolean {
  return err instanceof UpstreamError || !(err instanceof AppError);
}

export interface LandingOptions {
  dryRun?: boolean;
  /** A person is waiting this long (the platform calls give up on bans and backoffs past it); jobs leave it out. */
  patienceMs?: number;
  /**
   * Asked just before the memo is overwritten with `memo` and `flag`; false: do not write, the entry is left pending
   * (the person was already told it is queued, and the outbox reads the memo again before it writes).
   */
  beforeWrite?: (memo: string, flag: number) => boolean;
}

const describe = (err: unknown) =>
  err instanceof AppError ? `${err.code}: ${err.message}` : String((err as Error)?.message ?? err);

export async function landOnPlatform(
  platform: ShopPlatform,
  entry: { tid: string; text: string; flag: number | null },
  opts: LandingOptions = {},
): Promise<Landing> {
  const call = { patienceMs: opts.patienceMs };
  let order: Order;
  try {
    order = await platform.getOrder(entry.tid, call);
  } catch (err) {
    if (!isTransient(err)) throw err;
    return { outcome: 'unreachable', error: describe(err) };
  }
  const plan = planAppend(order.sellerMemo, entry.text);
  if (plan.status === 'too_long')
    return { outcome: 'too_long', message: plan.message, bytes: plan.bytes, limit: plan.limit };
  if (plan.status === 'already_present')
    return { outcome: 'already_present', memo: order.sellerMemo, flag: order.sellerFlag, order };
  const flag = mergeFlag(order.sellerFlag, entry.flag);
  if (opts.dryRun) return { outcome: 'written', memo: plan.memo, flag, order };
  if (opts.beforeWrite && !opts.beforeWrite(plan.memo, flag))
    return { outcome: 'unreachable', error: 'not written: the person stopped waiting' };
  try {
    const { modifiedAt } = await platform.updateMemo(entry.tid, plan.memo, flag, call);
    return {
      outcome: 'written',
      memo: plan.memo,
      flag,
      order: { ...order, sellerMemo: plan.memo, sellerFlag: flag, modifiedAt },
    };
  } catch (err) {
    if (!isTransient(err)) throw err;
    return { outcome: 'unreachable', error: describe(err) };
  }
}
