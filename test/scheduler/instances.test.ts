/**
 * The local instance registry (one process, lowdb): only this start is alive, so a claim an earlier start left is a
 * crash's leftover after a restart of the same process on the same machine.
 */
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createLocalInstances } from '../../src/scheduler/index.js';

describe('local instance registry', () => {
  it('when the service starts twice in one process, then each start has its own id and sees only itself alive', async () => {
    const first = createLocalInstances();
    const second = createLocalInstances();
    expect(first.self).not.toBe(second.self);
    expect(first.self.startsWith(`${hostname()}:${process.pid}:`)).toBe(true);
    await second.start();
    expect(await second.alive(second.self)).toBe(true);
    expect(await second.alive(first.self)).toBe(false);
    await second.stop();
  });
});
