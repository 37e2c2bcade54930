export interface TokenBucket {
  /** Resolves when the caller may send one request. */
  take(): Promise<void>;
}

/**
 * A token bucket holding `perMinute` tokens, refilled continuously. A caller that finds it empty
 * reserves the next token (the balance goes negative) and sleeps until that token is due, so callers
 * that arrive together queue up one refill interval apart instead of all waking at once.
 */
export function createTokenBucket(opts: { perMinute: number; now: () => number; sleep: (ms: number) => Promise<void> }): TokenBucket {
  if (!(opts.perMinute > 0)) throw new RangeError(`perMinute must be positive, got ${opts.perMinute}`);
  const capacity = opts.perMinute;
  const perMs = opts.perMinute / 60_000;
  let tokens = capacity;
  let last = opts.now();

  return {
    take(): Promise<void> {
      const t = opts.now();
      tokens = Math.min(capacity, tokens + Math.max(0, t - last) * perMs);
      last = t;
      tokens -= 1;
      if (tokens >= 0) return Promise.resolve();
      return opts.sleep(Math.ceil(-tokens / perMs));
    },
  };
}
