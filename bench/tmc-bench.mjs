// The Taobao Message Channel's figures (issue 19 §5), on a living sandbox shop in a real service:
//  - change on the platform → visible in xiaoer, p50/p99, at a busy pace (10 changes a second: the living shop's new
//    orders, payments, shipments, deliveries, reviews and refunds, plus memos written in the seller's back office);
//  - platform API calls per hour: TMC (its own reads, the deferred details reads, the 30-minute safety net's count
//    check, measured over the run's window) against
//    polling every 5 minutes, each poll re-reading the sync's overlap (sync.overlapMinutes) as the order sync does;
//  - messages per second the consumer sustains (a burst of memo changes, all applied).
// Run alone: `node bench/tmc-bench.mjs` after `npm run build`; `npm run bench` runs it beside the other figures.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../dist/config/load-config.js';
import { startService } from '../dist/service/start-service.js';
import { silentLogger } from '../dist/shared/logger.js';

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

// `seconds` spans two reads of the deferred details and hand-offs at the default sync.tmcDetailsSeconds (60): a run
// shorter than that interval would count each such read once per run, more often than the service makes it.
export async function benchTmc({ orders = 3000, seconds = 120, rate = 10, burst = 2000, detailsSeconds } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'xiaoer-tmc-bench-'));
  const root = new URL('..', import.meta.url).pathname;
  const config = loadConfig(
    {
      XIAOER_DATA_DIR: dir,
      PORT: '0',
      XIAOER_SANDBOX_ORDERS: String(orders),
      XIAOER_SANDBOX_TICK_MS: '0',
      ...(detailsSeconds ? { XIAOER_TMC_DETAILS_SECONDS: String(detailsSeconds) } : {}),
    },
    root,
  );
  const svc = await startService(config, { jobs: false, initialSync: false, logger: silentLogger() });
  try {
    await svc.sync.syncAll();
    // As the running service's returns job would have: a refund message then reads the refunds since that run only.
    if (svc.scheduler.has('returns-sync')) await svc.scheduler.runNow('returns-sync');
    const shop = svc.outside.shop;
    const platform = svc.outside.platform;
    const open = shop
      .tradesByCreated(
        0,
        Date.now(),
        { statuses: new Set(['WAIT_SELLER_SEND_GOODS', 'WAIT_BUYER_PAY']) },
        { pageNo: 1, pageSize: 5000 },
      )
      .items.map((t) => t.tid);
    // Every change of a trade, whoever made it, waits until xiaoer holds a copy at least that new.
    const waiting = new Map();
    const latencies = [];
    const changed = new Set();
    let applied = 0;
    let measuring = false;
    shop.observe({
      trade: (_before, t) => {
        if (!measuring) return;
        changed.add(t.tid);
        if (!waiting.has(t.tid)) waiting.set(t.tid, { at: performance.now(), modified: t.modified });
        else waiting.get(t.tid).modified = t.modified;
      },
      rate: () => undefined,
    });
    const topics = {};
    svc.tmc.onApplied((a) => {
      applied++;
      if (measuring) topics[a.topic] = (topics[a.topic] ?? 0) + 1;
      const w = waiting.get(a.tid);
      if (!w || !a.order || Date.parse(a.order.modifiedAt) < w.modified) return;
      latencies.push(performance.now() - w.at);
      waiting.delete(a.tid);
    });

    // 1. Latency at a busy pace: the living shop moves on (new orders, payments, shipments, deliveries, reviews,
    // refunds) and the seller's back office writes memos, together about `rate` changes a second.
    const callsBefore = platform.stats().calls;
    const started = performance.now();
    let changes = 0;
    measuring = true;
    await new Promise((resolve) => {
      let n = 0;
      const timer = setInterval(
        () => {
          const due = ((performance.now() - started) / 1000) * rate;
          if (n % 3 === 0 && changes < due)
            changes += Object.values(shop.tick(Date.now()))
              .filter(Number.isFinite)
              .reduce((a, b) => a + b, 0);
          else if (changes < due) {
            void shop.updateMemo(open[n % open.length], { memo: `压测备注 ${n}` });
            changes++;
          }
          n++;
          if (performance.now() - started >= seconds * 1000) {
            clearInterval(timer);
            resolve();
          }
        },
        1000 / rate / 2,
      );
    });
    const deadline = performance.now() + 15_000;
    while (waiting.size && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    measuring = false;
    const elapsedS = (performance.now() - started) / 1000;
    const tmcCalls = platform.stats().calls - callsBefore;
    const perSecond = latencies.length / seconds;
    // The details the messages left out (new orders' lines, what a TradeChanged changed) are read every
    // sync.tmcDetailsSeconds, during the run too; what is still waiting at its end is read now and counted with it.
    const pendingBefore = svc.tmc.health().detailsPending;
    const detailCallsBefore = platform.stats().calls;
    await svc.tmc.consumer.flushDetails();
    const detailCalls = platform.stats().calls - detailCallsBefore;
    // The safety net as the scheduled run makes it while the channel is connected: one count over its window (here
    // the whole run and the overlap before it) and pages only where the stored orders differ from that count.
    const check = await svc.sync.syncOrders(undefined, { check: true });
    const checkCalls = check.platformCalls;
    const checkMissed = check.ordersNew + check.ordersChanged;

    // 2. Calls per hour. A poll reads each order changed since the last one, plus the overlap it re-reads
    // (sync.overlapMinutes), 100 a page: polling every 5 minutes, 12 polls of 5 + overlap minutes; with TMC, the calls
    // measured here scaled to an hour, plus the safety net's polls (sync.connectedIntervalMinutes + overlap).
    const overlap = config.sync.overlapMinutes;
    const safetyEvery = config.sync.connectedIntervalMinutes;
    const distinctPerSecond = changed.size / seconds;
    const pages = (minutes) => Math.max(1, Math.ceil((distinctPerSecond * minutes * 60) / 100));
    const pagesPer5 = pages(5 + overlap);
    const pagesPerSafety = pages(safetyEvery + overlap);
    // A full read of the safety net's window, as before the count check: what the check saves.
    const fullSafetyPerHour = Math.round((60 / safetyEvery) * pagesPerSafety);
    const safetyPerHour = Math.round((60 / safetyEvery) * checkCalls);
    const pollingPerHour = 12 * pagesPer5;
    const ownPerHour = Math.round(((tmcCalls + detailCalls) / elapsedS) * 3600);
    const tmcPerHour = ownPerHour + safetyPerHour;

    // 3. Messages per second the consumer sustains: a burst of memo changes, timed until all are applied.
    const burstStart = performance.now();
    const appliedBefore = applied;
    for (let i = 0; i < burst; i++) void shop.updateMemo(open[i % open.length], { memo: `突发 ${i}` });
    const burstDeadline = performance.now() + 60_000;
    while (applied - appliedBefore < burst && performance.now() < burstDeadline)
      await new Promise((r) => setTimeout(r, 10));
    const burstS = (performance.now() - burstStart) / 1000;

    return {
      changes: latencies.length + waiting.size,
      perSecond,
      shown: latencies.length,
      missing: waiting.size,
      p50: pct(latencies, 50),
      p99: pct(latencies, 99),
      tmcCalls,
      detailCalls,
      pendingBefore,
      elapsedS,
      pollingPerHour,
      tmcPerHour,
      ownPerHour,
      safetyPerHour,
      fullSafetyPerHour,
      checkCalls,
      checkMissed,
      overlap,
      safetyEvery,
      detailsSeconds: config.sync.tmcDetailsSeconds,
      pagesPer5,
      pagesPerSafety,
      burst,
      burstApplied: applied - appliedBefore,
      messagesPerSecond: (applied - appliedBefore) / burstS,
      topics,
      consumer: svc.tmc.health(),
    };
  } finally {
    await svc.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function printTmc(r, row) {
  row(
    'TMC: change on the platform → visible in xiaoer, p50 / p99',
    `${r.p50.toFixed(0)} ms / ${r.p99.toFixed(0)} ms (${r.shown} of ${r.changes} trade changes, ${r.perSecond.toFixed(1)}/s; polling every 5 min: about 150 s / 297 s)`,
    'p99 < 2 s',
  );
  row(
    'TMC: platform API calls per hour at that pace',
    `${r.tmcPerHour.toLocaleString('en-US')} with TMC (${r.tmcCalls + r.detailCalls} calls in ${r.elapsedS.toFixed(0)} s for the messages, their details read every ${r.detailsSeconds} s and hand-offs → ${r.ownPerHour}, safety net ${60 / r.safetyEvery} × ${r.checkCalls} calls (count check; ${r.checkMissed} orders it found missed) → ${r.safetyPerHour}, where reading ${r.safetyEvery}+${r.overlap} min in full would be ${r.fullSafetyPerHour}) vs ${r.pollingPerHour.toLocaleString('en-US')} polling every 5 min (12 × ${r.pagesPer5} pages of 5+${r.overlap} min)`,
    'fewer with TMC',
  );
  row(
    'TMC: messages per second the consumer applies (burst of memo changes)',
    `${r.messagesPerSecond.toFixed(0)} /s (${r.burstApplied} of ${r.burst})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // XIAOER_TMC_DETAILS_SECONDS=300 BENCH_TMC_SECONDS=300: the same figures with a longer details interval.
  const d = process.env.XIAOER_TMC_DETAILS_SECONDS;
  const secs = process.env.BENCH_TMC_SECONDS;
  const r = await benchTmc({
    ...(d ? { detailsSeconds: Number(d) } : {}),
    ...(secs ? { seconds: Number(secs) } : {}),
  });
  printTmc(r, (what, value, target) => console.log(`  ${what}: ${value}${target ? `   (target ${target})` : ''}`));
  console.log(JSON.stringify({ ...r, consumer: undefined }, null, 1));
}
