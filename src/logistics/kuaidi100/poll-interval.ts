import { type Clock, MINUTE } from '../../shared/time.js';
import type { TrackingResult } from '../logistics-port.js';

/**
 * kuaidi100 locks a waybill queried more often than every half hour (请控制每一单查询频率至少在半小时以上,
 * 否则会造成锁单 — 实时快递查询 document), so the last answer per company+waybill is kept in memory and
 * handed back, `checkedAt` unchanged, until the interval has passed. Concurrent asks for one waybill
 * share the query in flight. Failures are not kept: the next ask may query again.
 */
export const MIN_QUERY_INTERVAL_MS = 30 * MINUTE;

export interface PollGate {
  /**
   * The remembered result if it is still fresh, else runs `query` (once for concurrent callers) and remembers its
   * result.
   */
  through(key: string, query: () => Promise<TrackingResult>): Promise<TrackingResult>;
}

/** Swept when this many results are held, so a long-running process does not keep every parcel ever tracked. */
const SWEEP_AT = 5_000;

export function createPollGate(clock: Clock, intervalMs = MIN_QUERY_INTERVAL_MS): PollGate {
  const last = new Map<string, { at: number; result: TrackingResult }>();
  const inFlight = new Map<string, Promise<TrackingResult>>();

  const sweep = (now: number) => {
    for (const [key, entry] of last) if (now - entry.at >= intervalMs) last.delete(key);
  };

  return {
    through(key, query) {
      const now = clock.now();
      const kept = last.get(key);
      if (kept && now - kept.at < intervalMs) return Promise.resolve(structuredClone(kept.result));
      const running = inFlight.get(key);
      if (running) return running;
      const pending = query()
        .then((result) => {
          if (last.size >= SWEEP_AT) sweep(clock.now());
          last.set(key, { at: now, result: structuredClone(result) });
          return result;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
      return pending;
    },
  };
}
