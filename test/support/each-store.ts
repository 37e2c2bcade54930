/**
 * Runs a contract suite once per store kind (issue 20: "the repository contract tests run against both stores"):
 * lowdb in a temp folder, laid out and migrated as the service opens it, and PostgreSQL on a real cluster
 * (test/support/postgres.ts, one per test file) with a fresh database per test. Each test gets a fresh store,
 * closed after it; on PostgreSQL a test may open a second instance on the same database, as a second machine
 * running the service would.
 *
 * The service's own layout and migrations are used on both (not a bare store), so a contract test sees the store
 * the domain sees. Instances poll rarely (60 s): what a cross-instance test sees arrives by `catchUp()` (or the
 * notification), never by a timer racing the assertion.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { MIGRATIONS } from '../../src/service/migrations.js';
import { STORE_COLLECTIONS } from '../../src/service/store-layout.js';
import { openLowdbStore, type Store } from '../../src/storage/index.js';
import { openPostgresStore, type PostgresStore } from '../../src/storage/postgres/index.js';
import { startPostgres, type TestPostgres } from './postgres.js';

export type StoreKind = 'lowdb' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['lowdb', 'postgres'];

export interface StoreUnderTest {
  readonly kind: StoreKind;
  /** Where this test's store is: its folder (lowdb) or its database's URL (PostgreSQL). */
  readonly place: string;
  /** This test's store (fresh and empty but for the migrations' own records). */
  readonly store: Store;
  /** Closes the store and opens it again on the same folder or database: what a restart reads back. */
  reopen(): Promise<Store>;
  /**
   * PostgreSQL only (throws on lowdb, which has one writer): this test's store and a second instance on the same
   * database, opened now and closed after the test.
   */
  instances(): Promise<[PostgresStore, PostgresStore]>;
}

/** A template database migrated once per cluster; each test's database is a copy (a fraction of a second). */
const TEMPLATE = 'contract_template';

let cluster: Promise<TestPostgres> | undefined;
/** The next test's database, made while the current test runs (a copy takes half a second on a loaded machine). */
let spare: Promise<string> | undefined;
let clusterStopRegistered = false;
let databases = 0;
let opened = 0;

function postgresCluster(): Promise<TestPostgres> {
  cluster ??= (async () => {
    const pg = await startPostgres();
    const url = await pg.createDatabase(TEMPLATE);
    // The database's tables and the store's document migrations, once; nobody may stay connected to a template.
    const s = await openPostgres(url);
    await s.close();
    return pg;
  })();
  return cluster;
}

function openPostgres(url: string): Promise<PostgresStore> {
  return openPostgresStore({ url, instanceId: `contract-${++opened}`, migrations: MIGRATIONS, pollMs: 60_000 });
}

async function freshDatabase(): Promise<string> {
  const pg = await postgresCluster();
  const make = () => {
    const made = pg.createDatabase(`contract_${++databases}`, { template: TEMPLATE });
    made.catch(() => undefined); // answered to the test that takes it
    return made;
  };
  const url = await (spare ?? make());
  spare = make();
  return url;
}

const openLowdb = (dir: string) => openLowdbStore({ dir, collections: STORE_COLLECTIONS, migrations: MIGRATIONS });

/**
 * `describe(name [kind], body)` for each store kind. `body` registers tests as usual and reads `s.store` inside
 * them; tests that need two instances are registered only `if (s.kind === 'postgres')`.
 */
export function describeEachStore(
  name: string,
  body: (s: StoreUnderTest) => void,
  kinds: readonly StoreKind[] = STORE_KINDS,
): void {
  if (kinds.includes('postgres') && !clusterStopRegistered) {
    // Registered where the first suite is declared (the file, as a rule): the cluster outlives every suite in it.
    clusterStopRegistered = true;
    afterAll(async () => {
      const running = cluster;
      await spare?.catch(() => undefined);
      [cluster, spare] = [undefined, undefined];
      clusterStopRegistered = false;
      await (await running?.catch(() => undefined))?.stop();
    });
  }
  for (const kind of kinds) describe(`${name} [${kind}]`, () => body(storeFor(kind)));
}

function storeFor(kind: StoreKind): StoreUnderTest {
  let current: Store | undefined;
  let place = '';
  /** Every store this test opened (a reopen, the second instance), closed after it. */
  const open: Store[] = [];
  let root = '';

  const openAt = async (at: string): Promise<Store> => {
    const s = kind === 'lowdb' ? await openLowdb(at) : await openPostgres(at);
    open.push(s);
    return s;
  };

  if (kind === 'lowdb') {
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'xiaoer-contract-'));
    });
    afterAll(() => rm(root, { recursive: true, force: true }));
  } else {
    beforeAll(() => postgresCluster(), 120_000);
  }

  beforeEach(async () => {
    place = kind === 'lowdb' ? join(root, `store-${++databases}`) : await freshDatabase();
    current = await openAt(place);
  });
  afterEach(async () => {
    current = undefined;
    await Promise.all(open.splice(0).map((s) => s.close().catch(() => undefined)));
  });

  return {
    kind,
    get place() {
      return place;
    },
    get store(): Store {
      if (!current) throw new Error('the store under test is opened per test: read it inside a test');
      return current;
    },
    async reopen() {
      const before = current!;
      await before.close();
      open.splice(open.indexOf(before), 1);
      current = await openAt(place);
      return current;
    },
    async instances() {
      if (kind !== 'postgres') throw new Error('a second instance needs PostgreSQL: lowdb has one writer');
      const second = (await openAt(place)) as PostgresStore;
      return [current as PostgresStore, second];
    },
  };
}
