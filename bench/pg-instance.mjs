// One xiaoer instance in its own process, as a shop runs it (startService: HTTP API, sessions, remark service), over
// the store the config names, pointed at the bench shop. No jobs and no initial sync: the store was synced before.
// Talks to the bench over IPC: ready (its URL, how long it took to open), handover (the report timed), stop.
import { loadConfig } from '../dist/config/load-config.js';
import { startService } from '../dist/service/start-service.js';
import { silentLogger } from '../dist/shared/logger.js';
import { shanghaiDate } from '../dist/shared/time.js';

const { env, now, origin } = JSON.parse(process.argv[2]);
// The shop checks each call's timestamp against its own clock, which stands at the bench's `now`; every instance
// counts from the same origin, so their clocks agree as a shop's machines would (the login throttle compares them).
const clock = { now: () => now + (Date.now() - origin) };
const config = loadConfig(env, new URL('..', import.meta.url).pathname);
const t0 = performance.now();
const svc = await startService(config, {
  clock,
  jobs: false,
  initialSync: false,
  advertise: false,
  logger: silentLogger(),
});
const openMs = performance.now() - t0;
// BENCH_PG_PROFILE=1: the statements of the remark writes, by kind (bench/pg-profile.mjs).
const profile =
  process.env.BENCH_PG_PROFILE && svc.store.pool
    ? (await import('./pg-profile.mjs')).profilePool(svc.store.pool)
    : null;
const rssMb = () => process.memoryUsage().rss / 1048576;
process.send({ type: 'ready', url: svc.url, openMs, orders: svc.store.count('orders'), rssMb: rssMb() });

const time = async (fn) => {
  const s = performance.now();
  await fn();
  return performance.now() - s;
};

process.on('message', async (m) => {
  if (m.type === 'handover') {
    await svc.store.catchUp?.();
    const date = shanghaiDate(clock.now());
    const ops = svc.operations;
    const first = await time(() => ops.handoverReport('day', date));
    const again = await time(() => ops.handoverReport('day', date));
    const markdown = await time(() => ops.handoverMarkdown('night', date));
    process.send({ type: 'handover', first, again, markdown });
  } else if (m.type === 'stats') {
    const profiled = profile ? await profile.report() : null;
    process.send({ type: 'stats', rssMb: rssMb(), peakRssMb: process.resourceUsage().maxRSS / 1024, profiled });
  } else if (m.type === 'stop') {
    await svc.close();
    process.send({ type: 'stopped' }, () => process.exit(0));
  }
});
