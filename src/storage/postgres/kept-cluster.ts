/**
 * The PostgreSQL cluster `npm run start:pg` keeps in one folder (data/postgres/ by default), so what a person
 * tries survives from one run to the next: made by initdb the first time, started when it is not running, used as
 * it is when it is. Unlike the tests' throwaway clusters it keeps PostgreSQL's durable defaults (fsync on) and
 * runs in a session of its own, so the Ctrl-C that stops the service reaches the server only when we stop it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CLUSTER_OS_USER,
  clusterUserCanWrite,
  ClusterStartError,
  freePort,
  initCluster,
  localClusterUrl,
  ownByCluster,
  runningClusterPort,
  startCluster,
  stopCluster,
} from './local-cluster.js';

/** Not 5432: a machine may already run its own PostgreSQL there. Any free port when this one is taken. */
export const KEPT_CLUSTER_PORT = 54320;
/** The port last used, so the address stays the same from run to run. */
const PORT_FILE = 'xiaoer-port';

export interface KeptCluster {
  readonly dir: string;
  readonly port: number;
  /** pg_ctl's log of the server, inside the cluster's folder. */
  readonly logFile: string;
  /** True when initdb made the cluster in this call. */
  readonly created: boolean;
  /** True when this call started the server; false when it was running already (and stop() is the caller's choice). */
  readonly startedHere: boolean;
  url(database: string): string;
  /** Shuts the server down cleanly (pg_ctl stop -m fast: sessions are ended, everything committed is kept). */
  stop(): Promise<void>;
}

export interface KeptClusterOptions {
  /** The cluster's data folder (PGDATA). */
  dir: string;
  /** The folder holding initdb, postgres and pg_ctl (locatePostgresBinaries). */
  bin: string;
  port?: number;
  /** Told before the slow steps, so a person knows what is happening. */
  onStep?: (step: 'initdb' | 'start') => void;
}

/** As root the server runs as `nobody`, who cannot get into the folder: a parent folder is closed to others. */
export class ClusterFolderClosedError extends Error {
  constructor(readonly dir: string) {
    super(`${CLUSTER_OS_USER} cannot write ${dir}: a parent folder is closed to other users`);
  }
}

async function savedPort(dir: string): Promise<number | null> {
  const text = await readFile(join(dir, PORT_FILE), 'utf8').catch(() => '');
  const port = Number(text.trim());
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
}

/** Makes the cluster if there is none, starts it if it is not running, and says where it listens. */
export async function openKeptCluster(o: KeptClusterOptions): Promise<KeptCluster> {
  const logFile = join(o.dir, 'server.log');
  let created = false;
  if (!existsSync(join(o.dir, 'PG_VERSION'))) {
    o.onStep?.('initdb');
    await mkdir(o.dir, { recursive: true });
    await ownByCluster(o.dir);
    if (!(await clusterUserCanWrite(o.dir))) throw new ClusterFolderClosedError(o.dir);
    await initCluster(o.bin, o.dir);
    created = true;
  }
  let port = await runningClusterPort(o.bin, o.dir);
  const startedHere = port === null;
  if (port === null) {
    o.onStep?.('start');
    port = await freePort((await savedPort(o.dir)) ?? o.port ?? KEPT_CLUSTER_PORT);
    for (let attempt = 0; ; attempt++) {
      try {
        // Several instances on one database each hold a pool, a LISTEN connection and the work owners' locks.
        await startCluster({
          bin: o.bin,
          data: o.dir,
          port,
          logFile,
          settings: ['max_connections=200'],
          detached: true,
        });
        break;
      } catch (err) {
        if (attempt >= 2 || !(err instanceof ClusterStartError && err.portTaken)) throw err;
        port = await freePort();
      }
    }
    await writeFile(join(o.dir, PORT_FILE), `${port}\n`);
  }
  const listening = port;
  return {
    dir: o.dir,
    port: listening,
    logFile,
    created,
    startedHere,
    url: (database) => localClusterUrl(listening, database),
    stop: () => stopCluster(o.bin, o.dir, 'fast'),
  };
}
