/**
 * Where the service keeps its data, chosen by the config: lowdb under `dataDir` (one process, the default), or
 * PostgreSQL at `databaseUrl` for several instances on one database — then the run coordinator, the instance
 * registry and the single-owner locks come from the same database (docs/postgres.md).
 */
import type { Config } from '../config/index.js';
import { newInstanceId, type Instances } from '../scheduler/index.js';
import type { RunCoordinator, WorkOwnerFactory } from '../scheduler/index.js';
import type { KeyedLock } from '../shared/keyed-lock.js';
import type { Logger } from '../shared/logger.js';
import { openLowdbStore, type LowdbStore, type Store } from '../storage/index.js';
import { MIGRATIONS } from './migrations.js';
import { STORE_COLLECTIONS } from './store-layout.js';

export interface OpenedStorage {
  store: Store;
  /** The lowdb store when that is what runs (its lock file advertises the port to the CLI). */
  lowdb: LowdbStore | null;
  /** What wireDomains needs to share the scheduler and the owned work with other instances. */
  wiring: {
    runCoordinator?: RunCoordinator;
    instanceId?: string;
    instances?: Instances;
    workOwners?: WorkOwnerFactory;
    orderLock?: KeyedLock;
  };
  /** Before each request (PostgreSQL: take in what other instances wrote, so a write there is read here). */
  beforeRequest: (() => Promise<void>) | null;
  close(): Promise<void>;
}

export async function openStorage(config: Config, logger: Logger): Promise<OpenedStorage> {
  const url = config.databaseUrl?.trim();
  if (!url) {
    const lowdb = await openLowdbStore({
      dir: config.dataDir,
      collections: STORE_COLLECTIONS,
      migrations: MIGRATIONS,
      logger,
    });
    return { store: lowdb, lowdb, wiring: {}, beforeRequest: null, close: () => lowdb.close() };
  }
  // Loaded only here: a shop on lowdb never loads pg.
  const pg = await import('../storage/postgres/index.js');
  const instanceId = newInstanceId();
  const store = await pg.openPostgresStore({ url, instanceId, logger, migrations: MIGRATIONS });
  const instances = pg.createPostgresInstances(store.db, {
    id: instanceId,
    onError: (err) => logger.warn({ err }, 'the instance heartbeat did not reach PostgreSQL; the next one tries again'),
  });
  try {
    await instances.start();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  const orderLock = pg.createPostgresKeyedLock({ url, catchUp: () => store.catchUp() });
  logger.info({ instance: instanceId }, 'storage: PostgreSQL, several instances may share it');
  return {
    store,
    lowdb: null,
    wiring: {
      runCoordinator: pg.createPostgresRunCoordinator(store.db),
      instanceId,
      instances,
      workOwners: pg.postgresWorkOwners({ url, logger, instanceId }),
      orderLock,
    },
    beforeRequest: () => store.catchUp(),
    async close() {
      await instances.stop().catch(() => undefined);
      await orderLock.close().catch(() => undefined);
      await store.close();
    },
  };
}
