import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createKeyedLock } from '../../src/shared/keyed-lock.js';

describe('createKeyedLock', () => {
  it('when work for one key overlaps, then it runs one at a time in arrival order, and other keys do not wait', async () => {
    const lock = createKeyedLock();
    const events: string[] = [];
    const job = (key: string, name: string) =>
      lock.run(key, async () => {
        events.push(`${name}+`);
        await tick();
        await tick();
        events.push(`${name}-`);
      });
    await Promise.all([job('a', 'a1'), job('a', 'a2'), job('b', 'b1')]);
    expect(events.indexOf('a1-')).toBeLessThan(events.indexOf('a2+'));
    expect(events.indexOf('b1+')).toBeLessThan(events.indexOf('a1-'));
    expect(lock.busyKeys()).toEqual([]);
  });

  it('when one piece of work fails, then the next for the same key still runs', async () => {
    const lock = createKeyedLock();
    const failed = lock.run('a', async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(lock.run('a', async () => 42)).resolves.toBe(42);
  });
});
