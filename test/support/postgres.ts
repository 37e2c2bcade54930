/**
 * A throwaway PostgreSQL for tests, from the machine's own binaries (never a mock: pg-mem and the like lack
 * SKIP LOCKED, advisory locks and NOTIFY). One cluster per test file, in a temp folder on a free port, stopped
 * and removed after. initdb is the slow part (seconds on a loaded machine), so it runs once per machine and
 * PostgreSQL version into a template folder that every cluster copies (a fraction of a second).
 *
 * Binaries: XIAOER_PG_BIN, else /usr/local/bin, else Debian's /usr/lib/postgresql/<newest>/bin (`.ci/run`
 * installs the `postgresql` package when none are found). No binaries is a failure with a clear message, never
 * a skip. PostgreSQL refuses to run as root, so as root the cluster runs as `nobody` (through runuser).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const TOOLS = ['initdb', 'postgres', 'pg_ctl'] as const;
const RUN_AS = 'nobody';
const TEMPLATE_MARK = 'xiaoer-template-ready';
/** The user every cluster is made with (trust authentication: local, throwaway, no password). */
const SUPERUSER = 'xiaoer';

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

const hasTools = (dir: string) => TOOLS.every((t) => existsSync(join(dir, t)));

/** Where the binaries are looked for after XIAOER_PG_BIN, in this order. */
function machineFolders(): string[] {
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return ['/usr/local/bin', ...versions.map((v) => join(debian, v, 'bin')), '/usr/local/pgsql/bin'];
}

/** The folder holding initdb, postgres and pg_ctl, or an error that says where we looked and what to do. */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env, folders = machineFolders()): string {
  const candidates = [...(env.XIAOER_PG_BIN ? [env.XIAOER_PG_BIN] : []), ...folders];
  const found = candidates.find(hasTools);
  if (found) return found;
  throw new Error(
    `PostgreSQL binaries (${TOOLS.join(', ')}) not found in ${candidates.join(', ')}. ` +
      "Install Debian's `postgresql` package (.ci/run does so) or set XIAOER_PG_BIN to the folder holding them.",
  );
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL tool, as `nobody` when we are root (PostgreSQL refuses root). */
async function tool(bin: string, name: (typeof TOOLS)[number], args: string[]) {
  const file = join(bin, name);
  try {
    return asRoot()
      ? await run('runuser', ['-u', RUN_AS, '--', file, ...args], { timeout: 120_000 })
      : await run(file, args, { timeout: 120_000 });
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new Error(`${name} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`, {
      cause: err,
    });
  }
}

/** A folder the cluster's user may own and write. */
async function ownable(dir: string) {
  await chmod(dir, 0o700);
  if (asRoot()) {
    const { stdout } = await run('id', ['-u', RUN_AS]);
    const { stdout: gid } = await run('id', ['-g', RUN_AS]);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
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
  await ownable(data);
  const args = ['-D', data, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'];
  await tool(bin, 'initdb', args);
  await writeFile(join(data, TEMPLATE_MARK), version);
  // Two workers may both build one; the first rename wins and the other's copy is thrown away.
  await rename(data, dir).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
  if (!existsSync(join(dir, TEMPLATE_MARK))) throw new Error(`PostgreSQL template ${dir} is incomplete`);
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
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
    `if [ -d ${q(root)} ]; then ${asRoot() ? `runuser -u ${RUN_AS} -- ` : ''}${stop} >/dev/null 2>&1; rm -rf ${q(root)}; fi`;
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
  await ownable(root);
  let port = 0;
  let started = false;
  // A free port can be taken between our look and the server's bind: try a few.
  for (let attempt = 0; attempt < 3 && !started; attempt++) {
    port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${root}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c shared_buffers=16MB',
      '-c max_connections=50',
    ].join(' ');
    try {
      await tool(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(root, 'log'), '-w', '-t', '60', 'start']);
      started = true;
    } catch (err) {
      const log = await readFile(join(root, 'log'), 'utf8').catch(() => '');
      if (attempt === 2 || !/could not (bind|create listen)/i.test(log)) {
        await rm(root, { recursive: true, force: true });
        throw new Error(`${(err as Error).message}\n${log}`, { cause: err });
      }
    }
  }
  const url = (db: string) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${db}`;
  watch(bin, root, data);
  return {
    url: url('postgres'),
    port,
    async createDatabase(name, options = {}) {
      const plain = /^[a-z_][a-z0-9_]*$/;
      if (!plain.test(name) || (options.template && !plain.test(options.template)))
        throw new Error(`not a plain database name: ${name} ${options.template ?? ''}`);
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      await tool(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
