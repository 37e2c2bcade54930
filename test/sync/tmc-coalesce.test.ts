import { describe, expect, it, vi } from 'vitest';
import { coalesce } from '../../src/service/wire-tmc.js';
import { silentLogger } from '../../src/shared/logger.js';

describe('work handed on from messages', () => {
  it('when many messages trigger it, then it runs once per burst, never twice at once, and once more for triggers during a run', async () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      let finish: () => void = () => undefined;
      const work = () =>
        new Promise<void>((r) => {
          runs++;
          finish = r;
        });
      const trigger = coalesce(work, 2000, silentLogger(), 'test');
      for (let i = 0; i < 10; i++) trigger();
      expect(runs).toBe(0);
      await vi.advanceTimersByTimeAsync(2000);
      expect(runs).toBe(1);
      trigger(); // during the run
      await vi.advanceTimersByTimeAsync(5000);
      expect(runs).toBe(1);
      finish();
      await vi.advanceTimersByTimeAsync(2000);
      expect(runs).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
