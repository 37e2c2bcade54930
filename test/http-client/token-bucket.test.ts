import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '../../src/http-client/index.js';

function setup(perMinute: number) {
  let t = 1_000_000;
  const sleeps: number[] = [];
  const bucket = createTokenBucket({
    perMinute,
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return {
    bucket,
    sleeps,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('createTokenBucket', () => {
  it('when the burst is not spent, then takes do not wait', async () => {
    const { bucket, sleeps } = setup(600); // 50 calls: five seconds' worth
    for (let i = 0; i < 50; i++) await bucket.take();
    expect(sleeps).toEqual([]);
    await bucket.take();
    expect(sleeps).toEqual([100]);
  });

  it('when callers arrive together past the budget, then each waits one refill interval longer than the one before', async () => {
    const { bucket, sleeps } = setup(2); // holds one token
    await Promise.all([bucket.take(), bucket.take(), bucket.take(), bucket.take()]);
    expect(sleeps).toEqual([30_000, 60_000, 90_000]);
  });

  it('when calls go on for minutes, then no 60 seconds see more than the budget plus the burst', async () => {
    let t = 0;
    // A caller that always sends as soon as it may (its sleep moves the clock).
    const bucket = createTokenBucket({
      perMinute: 60,
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
    });
    const starts: number[] = [];
    for (let i = 0; i < 400; i++) {
      await bucket.take();
      starts.push(t);
    }
    for (const from of starts)
      expect(starts.filter((s) => s >= from && s < from + 60_000).length).toBeLessThanOrEqual(60 + 5);
  });

  it('when time passes, then tokens come back at the per-minute rate but never above the burst', async () => {
    const { bucket, sleeps, advance } = setup(24); // holds two tokens
    await bucket.take();
    await bucket.take();
    advance(5_000);
    await bucket.take();
    expect(sleeps).toEqual([]);
    advance(10 * 60_000);
    await bucket.take();
    await bucket.take();
    await bucket.take();
    expect(sleeps).toEqual([2_500]);
  });

  it('when the clock steps back and forward again, then the same stretch of time is not refilled twice', async () => {
    const { bucket, sleeps, advance } = setup(12); // one token, one every 5 s
    await bucket.take();
    advance(-30_000);
    await bucket.take(); // nothing refilled: waits for the next token
    advance(35_000);
    await bucket.take(); // 5 s later than the first take: one token came back, and the second had reserved it
    expect(sleeps).toEqual([5_000, 5_000]);
  });

  it('when the budget is not positive, then it is refused', () => {
    expect(() => createTokenBucket({ perMinute: 0, now: () => 0, sleep: async () => {} })).toThrow(RangeError);
  });
});
