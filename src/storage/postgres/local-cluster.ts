/**
 * A PostgreSQL cluster on this machine, from the machine's own binaries: `npm run start:pg` keeps one in
 * data/postgres/ for anyone to try the service on PostgreSQL, and the tests (test/support/postgres.ts) start
 * throwaway ones. Nothing here is used by the service itself, which only ever gets a URL.
 *
 * Binaries: XIAOER_PG_BIN, else /usr/local/bin, else Debian's /usr/lib/postgresql/<newest>/bin (the `postgresql`
 * package, which .ci/run installs). PostgreSQL refuses to run as root, so as root every tool runs as `nobody`
 * (through runuser) and the cluster's folder is handed to that user.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
export const LOCAL_TOOLS = ['initdb', 'postgres', 'pg_ctl'] as const;
export type LocalTool = (typeof LOCAL_TOOLS)[number];
/** The user a root process runs the cluster as. */
export const CLUSTER_OS_USER = 'nobody';
/** The database superuser every local cluster is made with (trust authentication, 127.0.0.1 only, no password). */
export const LOCAL_SUPERUSER = 'xiaoer';

const hasTools = (dir: string) => LOCAL_TOOLS.every((t) => existsSync(join(dir, t)));
export const runsAsRoot = () => process.getuid?.() === 0;

/** Where the binaries are looked for after XIAOER_PG_BIN, in this order. */
export function postgresBinaryFolders(): string[] {
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return ['/usr/local/bin', ...versions.map((v) => join(debian, v, 'bin')), '/usr/local/pgsql/bin'];
}

/** The folder holding initdb, postgres and pg_ctl (null when none does), and every folder looked in. */
export function locatePostgresBinaries(
  env: NodeJS.ProcessEnv = process.env,
  folders = postgresBinaryFolders(),
): { found: string | null; candidates: string[] } {
  const candidates = [...(env.XIAOER_PG_BIN ? [env.XIAOER_PG_BIN] : []), ...folders];
  return { found: candidates.find(hasTools) ?? null, candidates };
}

/** A tool's failure, with what it printed (initdb and pg_ctl say why on stdout or stderr). */
export class ClusterToolError extends Error {
  constructor(
    readonly tool: LocalTool,
    readonly output: string,
    cause: unknown,
  ) {
    super(`${tool} failed: ${(cause as Error).message}\n${output}`, { cause });
  }
}

/** Runs a PostgreSQL tool, as `nobody` when we are root. `detached`: in a session of its own (see startCluster). */
export async function runTool(bin: string, name: LocalTool, args: string[], options: { detached?: boolean } = {}) {
  const file = join(bin, name);
  const spawnOptions = { timeout: 120_000, detached: options.detached ?? false };
  try {
    return runsAsRoot()
      ? await run('runuser', ['-u', CLUSTER_OS_USER, '--', file, ...args], spawnOptions)
      : await run(file, args, spawnOptions);
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new ClusterToolError(name, `${e.stdout ?? ''}${e.stderr ?? ''}`, err);
  }
}

/** Makes a folder the cluster's user may own and write (mode 0700, as PostgreSQL insists for its data folder). */
export async function ownByCluster(dir: string, mode = 0o700): Promise<void> {
  await chmod(dir, mode);
  if (!runsAsRoot()) return;
  const { stdout: uid } = await run('id', ['-u', CLUSTER_OS_USER]);
  const { stdout: gid } = await run('id', ['-g', CLUSTER_OS_USER]);
  await chown(dir, Number(uid.trim()), Number(gid.trim()));
}

/**
 * Whether the cluster's user can reach and write `dir` (as root: `nobody` needs every parent folder open to others;
 * a home folder of mode 0700 is not). Not root: the folder is our own.
 */
export async function clusterUserCanWrite(dir: string): Promise<boolean> {
  if (!runsAsRoot()) return true;
  return run('runuser', ['-u', CLUSTER_OS_USER, '--', 'test', '-w', dir]).then(
    () => true,
    () => false,
  );
}

/** initdb into `data` (absent or empty, writable by the cluster's user): UTF8, C locale, trust for LOCAL_SUPERUSER. */
export async function initCluster(bin: string, data: string, options: { sync?: boolean } = {}): Promise<void> {
  const args = ['-D', data, '-U', LOCAL_SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C'];
  await runTool(bin, 'initdb', options.sync === false ? [...args, '--no-sync'] : args);
}

/** A port free right now on 127.0.0.1: `preferred` when it is free, else any. */
export function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) =>
      preferred && err.code === 'EADDRINUSE' ? freePort(0).then(resolve, reject) : reject(err),
    );
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ClusterStart {
  bin: string;
  data: string;
  port: number;
  /** pg_ctl's log of the server (its start-up failures are read from it). */
  logFile: string;
  /** The Unix socket's folder; absent: TCP on 127.0.0.1 only (a long path would exceed the socket name's limit). */
  socketDir?: string;
  /** More `-c name=value` settings. */
  settings?: string[];
  /**
   * The server in a session of its own, so the Ctrl-C a terminal sends to its foreground group does not reach it
   * and the service can finish its writes before the server is stopped.
   */
  detached?: boolean;
}

/** Why a start failed: the port was taken between our look and the server's bind (try another), or anything else. */
export class ClusterStartError extends Error {
  constructor(
    message: string,
    readonly log: string,
    readonly portTaken: boolean,
    cause: unknown,
  ) {
    super(`${message}\n${log}`, { cause });
  }
}

/** pg_ctl start, waiting until the server accepts connections. */
export async function startCluster(o: ClusterStart): Promise<void> {
  const options = [
    `-p ${o.port}`,
    o.socketDir ? `-k ${o.socketDir}` : `-k ''`,
    '-c listen_addresses=127.0.0.1',
    ...(o.settings ?? []).map((s) => `-c ${s}`),
  ].join(' ');
  try {
    await runTool(o.bin, 'pg_ctl', ['-D', o.data, '-o', options, '-l', o.logFile, '-w', '-t', '60', 'start'], {
      detached: o.detached,
    });
  } catch (err) {
    const log = await readFile(o.logFile, 'utf8').catch(() => '');
    const taken = /could not (bind|create listen)|address already in use/i.test(log);
    throw new ClusterStartError((err as Error).message, log, taken, err);
  }
}

/** pg_ctl stop: `fast` ends sessions and shuts down cleanly; `immediate` for a throwaway cluster. */
export async function stopCluster(binFolder: string, data: string, mode: 'fast' | 'immediate'): Promise<void> {
  await runTool(binFolder, 'pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
}

/** The port of the server running on `data`, or null when none runs there (pg_ctl status checks the pid file). */
export async function runningClusterPort(binFolder: string, data: string): Promise<number | null> {
  if (!existsSync(join(data, 'postmaster.pid'))) return null;
  try {
    await runTool(binFolder, 'pg_ctl', ['-D', data, 'status']);
  } catch {
    return null;
  }
  // postmaster.pid: pid, data folder, start time, port, … (one per line).
  const lines = (await readFile(join(data, 'postmaster.pid'), 'utf8')).split('\n');
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
}

/** postgres://xiaoer@127.0.0.1:<port>/<database> */
export const localClusterUrl = (port: number, database: string) =>
  `postgres://${LOCAL_SUPERUSER}@127.0.0.1:${port}/${database}`;

const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * CREATE DATABASE `name` (optionally a copy of `template`, to which nobody may be connected). `ifMissing`: leave
 * an existing one as it is. Returns whether it was created.
 */
export async function createLocalDatabase(
  port: number,
  name: string,
  options: { template?: string; ifMissing?: boolean } = {},
): Promise<boolean> {
  if (!PLAIN_NAME.test(name) || (options.template && !PLAIN_NAME.test(options.template)))
    throw new Error(`not a plain database name: ${name} ${options.template ?? ''}`);
  const client = new pg.Client({ connectionString: localClusterUrl(port, 'postgres') });
  await client.connect();
  try {
    if (options.ifMissing) {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return false;
    }
    await client.query(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`);
    return true;
  } finally {
    await client.end();
  }
}
