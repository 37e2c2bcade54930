// One full sync of the bench shop in a fresh process, into the store the service would open for this config
// (openStorage: lowdb in the data folder, or PostgreSQL at XIAOER_DATABASE_URL), so lowdb and PostgreSQL are timed
// and weighed the same way. Answers over IPC with the time, the processor time and the process's peak RSS.
// BENCH_PG_PROFILE=1: where a PostgreSQL sync's time goes, statement by statement (bench/pg-profile.mjs).
import { loadConfig } from '../dist/config/load-config.js';
import { createParcelRepository } from '../dist/logistics/parcel-repository.js';
import { createOrderRepository } from '../dist/orders/order-repository.js';
import { createSandboxPlatform } from '../dist/platform/sandbox/index.js';
import { openStorage } from '../dist/service/open-storage.js';
import { silentLogger } from '../dist/shared/logger.js';
import { createSyncService, createSyncState } from '../dist/sync/index.js';

const { env, shopUrl, now } = JSON.parse(process.argv[2]);
const clock = { now: () => now };
const config = loadConfig(env, new URL('..', import.meta.url).pathname);
const o0 = performance.now();
const storage = await openStorage(config, silentLogger());
const openMs = performance.now() - o0;
const store = storage.store;
const profile =
  process.env.BENCH_PG_PROFILE && store.pool ? (await import('./pg-profile.mjs')).profilePool(store.pool) : null;
const orders = createOrderRepository(store);
const sync = createSyncService({
  platform: createSandboxPlatform({ baseUrl: shopUrl, clock, signMethod: 'hmac-sha256' }),
  tracker: {
    kind: 'sandbox',
    track: async () => {
      throw new Error('not benchmarked');
    },
  },
  orders,
  parcels: createParcelRepository(store),
  state: createSyncState(store),
  clock,
  logger: silentLogger(),
  overlapMinutes: 10,
  backfillDays: 90,
  parcelIntervalMinutes: 30,
});
const t0 = performance.now();
const cpu0 = process.cpuUsage();
await sync.syncOrders();
await store.flush();
const seconds = (performance.now() - t0) / 1000;
const used = process.cpuUsage(cpu0);
const count = store.count('orders');
// What the database holds, not only what this process believes it wrote.
const inDatabase = store.pool ? Number((await store.pool.query('select count(*) as n from orders')).rows[0].n) : null;
const profiled = profile ? await profile.report() : null;
const stats = store.stats();
await storage.close();
process.send(
  {
    orders: count,
    inDatabase,
    seconds,
    openMs,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    commits: stats.flushes,
    transactions: stats.transactions,
    profiled,
  },
  () => process.exit(0),
);
