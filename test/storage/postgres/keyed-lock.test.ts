/**
 * The order lock across instances: the platform's memo is overwritten whole, so two instances appending to one
 * order's memo must take turns, or one entry is lost (as the second test shows with per-process locks).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyedLock, type KeyedLock } from '../../../src/shared/keyed-lock.js';
import { createPostgresKeyedLock, type PostgresKeyedLock } from '../../../src/storage/postgres/index.js';
import { startPostgres, type TestPostgres } from '../../support/postgres.js';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(async () => {
  await pg?.stop();
});

/** A platform memo read and written with a pause between, as the real calls have. */
function memoPlatform() {
  let memo = '';
  return {
    memo: () => memo,
    async append(entry: string) {
      const read = memo;
      await new Promise((r) => setTimeout(r, 5));
      memo = read ? `${read}；${entry}` : entry;
    },
  };
}

async function appendFromTwo(a: KeyedLock, b: KeyedLock) {
  const platform = memoPlatform();
  const writes: Promise<void>[] = [];
  for (let i = 0; i < 10; i++) {
    writes.push(a.run('order:T1', () => platform.append(`A${i}`)));
    writes.push(b.run('order:T1', () => platform.append(`B${i}`)));
  }
  await Promise.all(writes);
  return platform.memo().split('；');
}

describe('the order lock on PostgreSQL', () => {
  it('makes two instances take turns on one order: every entry lands once, each instance’s in its order', async () => {
    const url = await pg.createDatabase('locks_shared');
    let caughtUp = 0;
    const catchUp = async () => void caughtUp++;
    const locks: PostgresKeyedLock[] = [
      createPostgresKeyedLock({ url, catchUp }),
      createPostgresKeyedLock({ url, catchUp }),
    ];
    try {
      const entries = await appendFromTwo(locks[0]!, locks[1]!);
      expect(entries).toHaveLength(20);
      expect(new Set(entries).size).toBe(20);
      expect(entries.filter((e) => e.startsWith('A'))).toEqual(Array.from({ length: 10 }, (_, i) => `A${i}`));
      // Each holder first takes in what the previous holder wrote.
      expect(caughtUp).toBe(20);
    } finally {
      await Promise.all(locks.map((l) => l.close()));
    }
  });

  it('is what keeps the entries: two per-process locks lose some', async () => {
    const entries = await appendFromTwo(createKeyedLock(), createKeyedLock());
    expect(entries.length).toBeLessThan(20);
  });

  it('lets other orders go on while one is held', async () => {
    const url = await pg.createDatabase('locks_keys');
    const lock = createPostgresKeyedLock({ url, catchUp: async () => undefined });
    const other = createPostgresKeyedLock({ url, catchUp: async () => undefined });
    try {
      let release!: () => void;
      let started!: () => void;
      const running = new Promise<void>((r) => (started = r));
      const held = lock.run('order:T1', () => {
        started();
        return new Promise<void>((r) => (release = r));
      });
      await running;
      await expect(other.run('order:T2', async () => 'done')).resolves.toBe('done');
      release();
      await held;
    } finally {
      await Promise.all([lock.close(), other.close()]);
    }
  });
});
