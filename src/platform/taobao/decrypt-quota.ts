import { shanghaiDate, startOfShanghaiDay, toInstant, type Clock } from '../../shared/time.js';
import { DecryptQuotaError, type DecryptQuota } from '../platform-port.js';

/**
 * Today's decrypt use, the adapter's own count, for the admin: `used` counts orders (each tid once a day, however
 * often or for whichever scene: what the platform's quota counts), `items` every receiver decrypted, `calls` the
 * calls sent (20 receivers at most each).
 */
export interface DecryptQuotaCount extends DecryptQuota {
  calls: number;
  items: number;
}

export interface DecryptQuotaCounter {
  /** Throws DecryptQuotaError, without a call, once the platform refused for the quota today. */
  checkOpen(): void;
  /** A call answered with the receivers of these orders. */
  record(tids: readonly string[]): void;
  /** The platform refused for the quota: nothing more today. */
  exhaust(cause: unknown): DecryptQuotaError;
  snapshot(): DecryptQuotaCount;
}

/** 00:00 of the next Shanghai day as a +08:00 instant: when the platform grants the new day's quota. */
export function nextShanghaiMidnight(epochMs: number): string {
  const today = startOfShanghaiDay(shanghaiDate(epochMs));
  // 36 h on lands inside tomorrow whatever the hour today; its day's start is tomorrow's midnight.
  return toInstant(startOfShanghaiDay(shanghaiDate(today + 36 * 3_600_000)));
}

/**
 * Counts decrypts per Asia/Shanghai day (the platform's quota day), in memory: a restart forgets today's count and
 * the refusal, which costs one refused call at most. `limit` is the daily quota the platform granted the shop, when
 * the configuration says it (the platform does not report it); the count never refuses on its own, the platform does.
 */
export function createDecryptQuotaCounter(clock: Clock, limit: number | null): DecryptQuotaCounter {
  let day = shanghaiDate(clock.now());
  let orders = new Set<string>();
  let items = 0;
  let calls = 0;
  let exhausted = false;
  const roll = () => {
    const today = shanghaiDate(clock.now());
    if (today === day) return;
    day = today;
    orders = new Set();
    items = 0;
    calls = 0;
    exhausted = false;
  };
  const error = (cause?: unknown) =>
    new DecryptQuotaError(nextShanghaiMidnight(clock.now()), cause === undefined ? undefined : { cause });
  return {
    checkOpen() {
      roll();
      if (exhausted) throw error();
    },
    record(tids) {
      roll();
      calls += 1;
      items += tids.length;
      for (const tid of tids) orders.add(tid);
    },
    exhaust(cause) {
      roll();
      calls += 1;
      exhausted = true;
      return error(cause);
    },
    snapshot() {
      roll();
      return { day, used: orders.size, limit, exhausted, calls, items };
    },
  };
}
