import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from '../../src/orders/order.js';
import type { OrderRepository } from '../../src/orders/order-repository.js';
import type { ShopPlatform } from '../../src/platform/platform-port.js';
import { type TimeWindow, DAY } from '../../src/shared/time.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { syncOrders } from '../../src/sync/order-sync.js';
import { createSyncState } from '../../src/sync/sync-state.js';

const NOW = Date.parse('2026-11-01T00:00:00+08:00');
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  unhandled.length = 0;
});

/** A platform with one order a day, and a repository whose writes fail from the `failFrom`-th on. */
function rig(failFrom: number, slowSaves = false) {
  const platform = {
    async *createdOrders(w: TimeWindow) {
      yield [{ tid: String(w.start), modifiedAt: new Date(w.start).toISOString() } as Order];
    },
    async *changedOrders() {},
  } as unknown as ShopPlatform;
  // Every write and cursor save the sync starts, so a test can wait until none is left running.
  const started: Promise<unknown>[] = [];
  const track = <T>(p: Promise<T>): Promise<T> => {
    started.push(p);
    return p;
  };
  let writes = 0;
  const orders = {
    upsertMany: () =>
      track(
        (async () => {
          if (++writes >= failFrom) throw new Error(`disk said no (write ${writes})`);
          return { created: 1, changed: 0, unchanged: 0 };
        })(),
      ),
  } as unknown as OrderRepository;
  const state = createSyncState(createMemoryStore());
  const save = state.save.bind(state);
  const slowly = () => new Promise((resolve) => setTimeout(resolve, 30));
  state.save = (patch) => track(slowSaves ? slowly().then(() => save(patch)) : save(patch));
  const run = () =>
    syncOrders({
      platform,
      orders,
      state,
      clock: { now: () => NOW },
      logger: silentLogger(),
      overlapMinutes: 10,
      backfillDays: 5,
    });
  /**
   * Resolves once everything the sync started has settled, including work it chained on after
   * returning. Each round ends with a turn of the event loop: Node reports a rejection nobody
   * handled when the microtasks of a turn are done, and work chained on a settled save starts then.
   */
  const quiet = async () => {
    for (let seen = -1; seen !== started.length;) {
      seen = started.length;
      await Promise.allSettled(started);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { run, state, quiet };
}

describe('backfill when the disk fails', () => {
  it('when the backfill fails, then the days fetched ahead stop asking the platform for pages', async () => {
    let pagesServed = 0;
    let open = 0;
    // Each day's fetch settles here when it ends: given up by the sync, or its 20 pages all served.
    const ended: Promise<void>[] = [];
    const platform = {
      createdOrders(w: TimeWindow) {
        let end!: () => void;
        ended.push(
          new Promise<void>((resolve) => {
            end = resolve;
          }),
        );
        return (async function* () {
          open++;
          try {
            for (let p = 0; p < 20; p++) {
              // A page takes a little time to come, so days fetched ahead are in flight when the write fails.
              await new Promise((resolve) => setTimeout(resolve, 5));
              pagesServed++;
              yield [{ tid: `${w.start}-${p}`, modifiedAt: new Date(w.start).toISOString() } as Order];
            }
          } finally {
            open--;
            end();
          }
        })();
      },
      async *changedOrders() {},
    } as unknown as ShopPlatform;
    const orders = {
      upsertMany: async () => {
        throw new Error('disk said no');
      },
    } as unknown as OrderRepository;
    const state = createSyncState(createMemoryStore());
    await expect(
      syncOrders({
        platform,
        orders,
        state,
        clock: { now: () => NOW },
        logger: silentLogger(),
        overlapMinutes: 10,
        backfillDays: 30,
      }),
    ).rejects.toThrow(/disk said no/);
    const atFailure = pagesServed;
    expect(open).toBeGreaterThan(0); // else the test proves nothing
    await Promise.all(ended);
    // At most the page each fetch ahead was waiting for; not the rest of their days.
    expect(pagesServed - atFailure).toBeLessThanOrEqual(2);
  });

  it.each([
    ['every write fails (a failing disk fails the ones after too)', 1, false],
    ['a later day fails while an earlier cursor save is still slow', 2, true],
  ])(
    'when %s, then the sync rejects with the write error, nothing goes unhandled and the cursor holds',
    async (_what, failFrom, slowSaves) => {
      process.on('unhandledRejection', onUnhandled);
      const { run, state, quiet } = rig(failFrom, slowSaves);
      await expect(run()).rejects.toThrow(/disk said no/);
      await quiet();
      expect(unhandled).toEqual([]);
      // The cursor never passes a day that was not written.
      const cursor = state.checkpoint().backfillCursor!;
      expect(cursor).toBeLessThanOrEqual(NOW - 5 * DAY + (failFrom - 1) * DAY);
    },
  );
});
