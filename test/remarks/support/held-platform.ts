/**
 * Holds the fake platform's calls on demand, as a platform that takes its time would, and logs what happens in order
 * (calls sent and settled, the order lock taken and released) so a test can assert the sequence without timing it.
 */
import { createKeyedLock, type KeyedLock } from '../../../src/remarks/index.js';
import type { FakePlatform } from './fake-platform.js';

type Method = 'getOrder' | 'updateMemo';

export interface Hold {
  /** Resolves when the held call has arrived at the platform. */
  arrived: Promise<void>;
  /** Lets the call go on to the platform (which then does it, or fails as failNext says). */
  release(): void;
}

/** Makes the next call of `method` on `fake` wait until released; every call is logged as `method>` and `method<`. */
export function holdable(fake: FakePlatform, log: string[]) {
  const holds: Record<Method, { gate: Promise<void>; arrive(): void }[]> = { getOrder: [], updateMemo: [] };
  type Call<A extends unknown[], R> = (...args: A) => Promise<R>;
  const wrap =
    <A extends unknown[], R>(method: Method, call: Call<A, R>): Call<A, R> =>
    async (...args) => {
      log.push(`${method}>`);
      const held = holds[method].shift();
      if (held) {
        held.arrive();
        await held.gate;
      }
      try {
        return await call(...args);
      } finally {
        log.push(`${method}<`);
      }
    };
  fake.getOrder = wrap('getOrder', fake.getOrder.bind(fake));
  fake.updateMemo = wrap('updateMemo', fake.updateMemo.bind(fake));
  return {
    hold(method: Method): Hold {
      let release!: () => void;
      let arrive!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const arrived = new Promise<void>((r) => (arrive = r));
      holds[method].push({ gate, arrive });
      return { arrived, release };
    },
  };
}

/** A keyed lock that logs `+key` when a holder starts and `-key` when it lets go. */
export function loggingLock(log: string[]): KeyedLock {
  const inner = createKeyedLock();
  return {
    run: (key, fn) =>
      inner.run(key, async () => {
        log.push(`+${key}`);
        try {
          return await fn();
        } finally {
          log.push(`-${key}`);
        }
      }),
    busyKeys: () => inner.busyKeys(),
  };
}
