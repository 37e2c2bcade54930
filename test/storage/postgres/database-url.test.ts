import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/index.js';
import { databaseUrlOf } from '../../../src/storage/postgres/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-dburl-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('databaseUrl', () => {
  it('when XIAOER_DATABASE_URL is set, then the config carries it and selects PostgreSQL; without it, lowdb', () => {
    const url = 'postgres://xiaoer:secret@db.local:5432/shop';
    expect(databaseUrlOf(loadConfig({ XIAOER_DATA_DIR: dir, XIAOER_DATABASE_URL: url }, dir))).toBe(url);
    expect(databaseUrlOf(loadConfig({ XIAOER_DATA_DIR: dir }, dir))).toBeNull();
    // a blank variable is no setting (as for every variable)
    expect(databaseUrlOf(loadConfig({ XIAOER_DATA_DIR: dir, XIAOER_DATABASE_URL: '  ' }, dir))).toBeNull();
  });

  it('when the address is not a postgres:// one, then the config is refused with the reason', () => {
    let problems: string[] = [];
    try {
      loadConfig({ XIAOER_DATA_DIR: dir, XIAOER_DATABASE_URL: 'mysql://db.local/shop' }, dir);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems = err.problems;
    }
    expect(problems.join('\n')).toMatch(/databaseUrl.*postgres:\/\/ or postgresql:\/\//);
  });
});
