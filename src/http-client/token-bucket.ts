export interface TokenBucket {
  /** Resolves when the caller may send one request. */
  take(): Promise<void>;
}

/** Seconds' worth of calls the bucket holds: the burst allowed on top of the steady rate. */
const BURST_SECONDS = 5;

/**
 * A token bucket refilled continuously at `perMinute`, holding five seconds' worth of tokens (at
 * least one). A bucket holding a whole minute's worth would let twice the budget through in the
 * first minute; this one lets at most the budget plus the burst through in any 60 seconds. A caller
 * that finds it empty reserves the next token (the balance goes negative) and sleeps until that
 * token is due, so callers that arrive together queue up one refill interval apart.
 */
export function createTokenBucket(opts: {
  perMinute: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}): TokenBucket {
  if (!(opts.perMinute > 0)) throw new RangeError(`perMinute must be positive, got ${opts.perMinute}`);
  const capacity = Math.max(1, Math.floor((opts.perMinute * BURST_SECONDS) / 60));
  const perMs = opts.perMinute / 60_000;
  let tokens = capacity;
  let last = opts.now();

  return {
    take(): Promise<void> {
      const t = opts.now();
      tokens = Math.min(capacity, tokens + Math.max(0, t - last) * perMs);
      // A clock stepped back must not refill the same stretch of time twice.
      last = Math.max(last, t);
      tokens -= 1;
      if (tokens >= 0) return Promise.resolve();
      return opts.sleep(Math.ceil(-tokens / perMs));
    },
  };
}
