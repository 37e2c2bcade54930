import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '../../src/http-client/index.js';

function setup(perMinute: number) {
  let t = 1_000_000;
  const sleeps: number[] = [];
  const bucket = createTokenBucket({ perMinute, now: () => t, sleep: async (ms) => { sleeps.push(ms); } });
  return { bucket, sleeps, advance: (ms: number) => { t += ms; } };
}

describe('createTokenBucket', () => {
  it('when the budget is not spent, then takes do not wait', async () => {
    const { bucket, sleeps } = setup(3);
    await bucket.take(); await bucket.take(); await bucket.take();
    expect(sleeps).toEqual([]);
  });

  it('when callers arrive together past the budget, then each waits one refill interval longer than the one before', async () => {
    const { bucket, sleeps } = setup(2);
    await Promise.all([bucket.take(), bucket.take(), bucket.take(), bucket.take()]);
    expect(sleeps).toEqual([30_000, 60_000]);
  });

  it('when time passes, then tokens come back at the per-minute rate but never above the budget', async () => {
    const { bucket, sleeps, advance } = setup(2);
    await bucket.take(); await bucket.take();
    advance(30_000);
    await bucket.take();
    expect(sleeps).toEqual([]);
    advance(10 * 60_000);
    await bucket.take(); await bucket.take(); await bucket.take();
    expect(sleeps).toEqual([30_000]);
  });

  it('when the budget is not positive, then it is refused', () => {
    expect(() => createTokenBucket({ perMinute: 0, now: () => 0, sleep: async () => {} })).toThrow(RangeError);
  });
});
