/**
 * One async queue per key: work for the same key runs one at a time, in arrival order; other keys
 * run freely. The platform's memo API overwrites the whole memo, so two writes on one order must
 * never interleave their read → append → write, or one staff member's entry is lost.
 */
export interface KeyedLock {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Keys with work queued or running (for tests and the health page). */
  busyKeys(): string[];
}

export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<void>>();
  return {
    async run(key, fn) {
      const previous = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      const tail = previous.then(() => mine);
      tails.set(key, tail);
      await previous;
      try {
        return await fn();
      } finally {
        release();
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
    busyKeys: () => [...tails.keys()],
  };
}
