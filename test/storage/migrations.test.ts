import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStore, type Migration } from '../../src/storage/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-mig-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const v1: Migration = { version: 1, description: 'first', up: () => undefined };
const v2: Migration = {
  version: 2,
  description: 'orders get a printed mark (lowdb does not merge defaults into existing files)',
  up(tx, store) {
    for (const o of store.all<{ tid: string; printed?: boolean }>('orders')) {
      if (o.printed === undefined) tx.put('orders', o.tid, { ...o, printed: false });
    }
  },
};

describe('migrations', () => {
  it('when a store written at version 1 opens with a version 2 migration, then existing documents are upgraded once and the version is recorded', async () => {
    const s1 = await openLowdbStore({ dir, migrations: [v1] });
    await s1.transact((tx) => tx.put('orders', 'a', { tid: 'a' }));
    await s1.close();
    expect(JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')).schemaVersion).toBe(1);

    let runs = 0;
    const counted: Migration = {
      ...v2,
      up: (tx, st) => {
        runs++;
        v2.up(tx, st);
      },
    };
    const s2 = await openLowdbStore({ dir, migrations: [v1, counted] });
    expect(s2.get('orders', 'a')).toEqual({ tid: 'a', printed: false });
    await s2.close();
    expect(JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')).schemaVersion).toBe(2);

    const s3 = await openLowdbStore({ dir, migrations: [v1, counted] });
    await s3.close();
    expect(runs).toBe(1);
  });

  it('when the data was written by a newer schema, then opening is refused', async () => {
    const s = await openLowdbStore({ dir, migrations: [v1, v2] });
    await s.close();
    await expect(openLowdbStore({ dir, migrations: [v1] })).rejects.toThrow(/newer/);
  });
});
