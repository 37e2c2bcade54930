// One full sync in a fresh process and a fresh on-disk store: a trial for the sync/raw ratio,
// so every trial starts from the same empty heap, as the raw transport's trials do.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParcelRepository } from '../dist/logistics/parcel-repository.js';
import { createOrderRepository, ORDER_COLLECTION, ORDERS } from '../dist/orders/order-repository.js';
import { createSandboxPlatform } from '../dist/platform/sandbox/index.js';
import { silentLogger } from '../dist/shared/logger.js';
import { openLowdbStore } from '../dist/storage/index.js';
import { createSyncService, createSyncState } from '../dist/sync/index.js';

const [baseUrl, nowText] = process.argv.slice(2);
const now = Number(nowText);
const clock = { now: () => now };
const dir = await mkdtemp(join(tmpdir(), 'xiaoer-trial-'));
const store = await openLowdbStore({ dir, collections: { [ORDERS]: ORDER_COLLECTION, parcels: { shards: 16 } } });
const sync = createSyncService({
  platform: createSandboxPlatform({ baseUrl, clock, signMethod: 'hmac-sha256' }),
  tracker: {
    kind: 'sandbox',
    track: async () => {
      throw new Error('not benchmarked');
    },
  },
  orders: createOrderRepository(store),
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
// Every thread of the process (GC helpers and the file-system pool too): on two shared cores that is what competes with
// the shop.
const used = process.cpuUsage(cpu0);
const cpuSeconds = (used.user + used.system) / 1e6;
const orders = store.count(ORDERS);
await store.close();
await rm(dir, { recursive: true, force: true });
process.send({ orders, seconds, cpuSeconds }, () => process.exit(0));
