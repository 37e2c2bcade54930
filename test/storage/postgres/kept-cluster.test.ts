/**
 * The cluster `npm run start:pg` keeps in a folder (data/postgres/): made once, started when it is not running,
 * used as it is when it is, and what was written survives a stop and a start. A real PostgreSQL, from the same
 * binaries the tests use.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKeptCluster, type KeptCluster } from '../../../src/storage/postgres/kept-cluster.js';
import { createLocalDatabase, freePort, stopCluster } from '../../../src/storage/postgres/local-cluster.js';
import { findPostgresBinaries } from '../../support/postgres.js';

async function query(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

describe('the kept local cluster of npm run start:pg', () => {
  const bin = findPostgresBinaries();
  let root: string;
  let dir: string;
  let first: KeptCluster;
  const steps: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'xiaoer-kept-'));
    // As a repository's data/ is: open to others, so that as root the server's user (nobody) can get in.
    await chmod(root, 0o755);
    dir = join(root, 'data', 'postgres');
    first = await openKeptCluster({ dir, bin, port: await freePort(), onStep: (s) => steps.push(s) });
  }, 120_000);

  afterAll(async () => {
    await stopCluster(bin, dir, 'immediate').catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  });

  it('when the folder is empty, then it is made and started, and a database made there takes writes', async () => {
    expect(steps).toEqual(['initdb', 'start']);
    expect(first).toMatchObject({ created: true, startedHere: true });
    expect(await createLocalDatabase(first.port, 'xiaoer', { ifMissing: true })).toBe(true);
    expect(await createLocalDatabase(first.port, 'xiaoer', { ifMissing: true })).toBe(false);
    await query(first.url('xiaoer'), 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$留着$$)');
  });

  it('when it is opened while running, then the running server is used as it is', async () => {
    steps.length = 0;
    const again = await openKeptCluster({ dir, bin, onStep: (s) => steps.push(s) });
    expect(steps).toEqual([]);
    expect(again).toMatchObject({ created: false, startedHere: false, port: first.port });
    expect(await query(again.url('xiaoer'), 'SELECT note FROM kept')).toEqual([{ note: '留着' }]);
  });

  it('when it was stopped, then it starts again on the same port with what was written', async () => {
    await first.stop();
    await expect(query(first.url('xiaoer'), 'SELECT 1')).rejects.toThrow();
    steps.length = 0;
    const restarted = await openKeptCluster({ dir, bin, onStep: (s) => steps.push(s) });
    expect(steps).toEqual(['start']);
    expect(restarted).toMatchObject({ created: false, startedHere: true, port: first.port });
    expect(await query(restarted.url('xiaoer'), 'SELECT note FROM kept')).toEqual([{ note: '留着' }]);
  });
});
