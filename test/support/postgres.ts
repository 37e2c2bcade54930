/**
 * A throwaway PostgreSQL for tests, from the machine's own binaries (never a mock: pg-mem and the like lack
 * SKIP LOCKED, advisory locks and NOTIFY). One cluster per test file, in a temp folder on a free port, stopped
 * and removed after. initdb is the slow part (seconds on a loaded machine), so it runs once per machine and
 * PostgreSQL version into a template folder that every cluster copies (a fraction of a second).
 *
 * Finding the binaries, running them (as `nobody` when root), initdb, start and stop live in
 * src/storage/postgres/local-cluster.ts, which `npm run start:pg` shares; this file adds what only tests want:
 * the template, temp folders, settings that trade durability for speed, and the watchdog. No binaries is a
 * failure with a clear message, never a skip.
 */
import { connectPostgres, migrateToLatest } from '../../src/storage/postgres/index.js';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  ClusterStartError,
  CLUSTER_OS_USER,
  createLocalDatabase,
  freePort,
  initCluster,
  LOCAL_TOOLS,
  localClusterUrl,
  locatePostgresBinaries,
  ownByCluster,
  postgresBinaryFolders,
  runsAsRoot,
  startCluster,
  stopCluster,
} from '../../src/storage/postgres/local-cluster.js';

const run = promisify(execFile);
const TEMPLATE_MARK = 'xiaoer-template-ready';

export interface TestPostgres {
  /** postgres://… of the cluster's `postgres` database. */
  readonly url: string;
  readonly port: number;
  /**
   * Creates a database and gives its address: one per test that needs a clean slate. `template`: a copy of that
   * database (one migrated once, copied per test, instead of migrating each); nobody may be connected to it.
   */
  createDatabase(name: string, options?: { template?: string }): Promise<string>;
  /** Stops the cluster (immediately: nothing in it is kept) and removes its folder. */
  stop(): Promise<void>;
}

/** The folder holding initdb, postgres and pg_ctl, or an error that says where we looked and what to do. */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env, folders = postgresBinaryFolders()): string {
  const { found, candidates } = locatePostgresBinaries(env, folders);
  if (found) return found;
  throw new Error(
    `PostgreSQL binaries (${LOCAL_TOOLS.join(', ')}) not found in ${candidates.join(', ')}. ` +
      "Install Debian's `postgresql` package (.ci/run does so) or set XIAOER_PG_BIN to the folder holding them.",
  );
}

/** initdb once per machine, binaries and user; later calls (from any worker) reuse the finished template. */
async function template(bin: string): Promise<string> {
  const { stdout } = await run(join(bin, 'postgres'), ['--version']);
  const version = stdout.trim().replace(/[^\w.]+/g, '-');
  const dir = join(tmpdir(), `xiaoer-pg-template-${version}-${process.getuid?.() ?? 'u'}`);
  if (existsSync(join(dir, TEMPLATE_MARK))) return dir;
  const work = await mkdtemp(join(tmpdir(), 'xiaoer-pg-initdb-'));
  await chmod(work, 0o755);
  const data = join(work, 'data');
  await mkdir(data);
  await ownByCluster(data);
  await initCluster(bin, data, { sync: false });
  await writeFile(join(data, TEMPLATE_MARK), version);
  // Two workers may both build one; the first rename wins and the other's copy is thrown away.
  await rename(data, dir).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
  if (!existsSync(join(dir, TEMPLATE_MARK))) throw new Error(`PostgreSQL template ${dir} is incomplete`);
  return dir;
}

/**
 * A worker killed before its afterAll (vitest ends timed-out workers with a signal, so no exit handler runs) must
 * not leave a server behind on a shared machine: a detached shell waits for this process to go, then stops the
 * cluster and removes its folder. After a normal stop() the folder is gone and the shell ends by itself.
 */
function watch(bin: string, root: string, data: string) {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const stop = [join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'].map(q).join(' ');
  const script =
    `while kill -0 ${process.pid} 2>/dev/null && [ -d ${q(root)} ]; do sleep 2; done; ` +
    `if [ -d ${q(root)} ]; then ${runsAsRoot() ? `runuser -u ${CLUSTER_OS_USER} -- ` : ''}${stop} >/dev/null 2>&1; rm -rf ${q(root)}; fi`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

/** Starts a cluster for one test file; call stop() in afterAll. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBinaries();
  const source = await template(bin);
  const root = await mkdtemp(join(tmpdir(), 'xiaoer-pg-'));
  await chmod(root, 0o755);
  const data = join(root, 'data');
  // cp -a keeps the owner and the 0700 mode PostgreSQL insists on.
  await run('cp', ['-a', source, data]);
  await ownByCluster(root);
  let port = 0;
  // Throwaway: nothing needs to survive a crash, so durability is traded for speed.
  const settings = [
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
    'shared_buffers=16MB',
    'max_connections=50',
  ];
  // A free port can be taken between our look and the server's bind: try a few.
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await startCluster({ bin, data, port, logFile: join(root, 'log'), socketDir: root, settings });
      break;
    } catch (err) {
      if (attempt < 2 && err instanceof ClusterStartError && err.portTaken) continue;
      await rm(root, { recursive: true, force: true });
      throw err;
    }
  }
  watch(bin, root, data);
  return {
    url: localClusterUrl(port, 'postgres'),
    port,
    async createDatabase(name, options = {}) {
      await createLocalDatabase(port, name, { template: options.template });
      return localClusterUrl(port, name);
    },
    async stop() {
      await stopCluster(bin, data, 'immediate').catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * A cluster with a database `migrated` holding the latest schema, to copy per test
 * (`createDatabase(name, { template: 'migrated' })`) instead of migrating each.
 */
export async function startMigratedPostgres(): Promise<TestPostgres> {
  const pg = await startPostgres();
  const db = connectPostgres({ url: await pg.createDatabase('migrated'), poolSize: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  return pg;
}

/**
 * A cluster for the whole test file, a fresh database per call of `database()`, and whatever a test hands to
 * `closeAfter` closed once it ends: the hooks every file that opens stores on PostgreSQL needs.
 */
export function postgresPerTest(prefix: string) {
  let pg: TestPostgres | undefined;
  let n = 0;
  const opened: { close(): Promise<unknown> }[] = [];
  beforeAll(async () => {
    pg = await startPostgres();
  }, 120_000);
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await pg?.stop();
  });
  return {
    get cluster(): TestPostgres {
      if (!pg) throw new Error('the test PostgreSQL is not started yet (use it inside a test)');
      return pg;
    },
    database: () => pg!.createDatabase(`${prefix}_${++n}`),
    closeAfter<T extends { close(): Promise<unknown> }>(c: T): T {
      opened.push(c);
      return c;
    },
  };
}
