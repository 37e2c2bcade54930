// The sync/raw ratio over several trials, raw transport and full sync alternating, each in its own
// process against the same shop. One run of each is at the mercy of whatever else the machine does
// (single runs here spread from 0.67 to 0.92); the median of each side is the figure.
import { fork } from 'node:child_process';

function child(script, args) {
  const p = fork(new URL(script, import.meta.url), args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  return new Promise((resolve, reject) => {
    p.once('message', resolve);
    p.once('exit', (code) => code && reject(new Error(`${script} exited with ${code}`)));
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** `trials` rounds of (raw, sync) against the shop at baseUrl; seconds per side and the ratio of medians. */
export async function ratioTrials(baseUrl, now, trials) {
  const raw = [];
  const sync = [];
  const rawCpu = [];
  const syncCpu = [];
  let orders = 0;
  for (let k = 0; k < trials; k++) {
    const r = await child('./raw-transport.mjs', [baseUrl, String(now)]);
    raw.push(r.seconds);
    rawCpu.push(r.cpuSeconds);
    const s = await child('./sync-trial.mjs', [baseUrl, String(now)]);
    sync.push(s.seconds);
    syncCpu.push(s.cpuSeconds);
    orders = s.orders;
  }
  const rawMedian = median(raw);
  const syncMedian = median(sync);
  const perTrial = raw.map((r, k) => r / sync[k]);
  return {
    raw,
    sync,
    orders,
    rawMedian,
    syncMedian,
    rawCpu: median(rawCpu),
    syncCpu: median(syncCpu),
    ratio: rawMedian / syncMedian,
    ratioMin: Math.min(...perTrial),
    ratioMax: Math.max(...perTrial),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Standalone: `node bench/ratio-trials.mjs [orders] [trials]` starts its own shop.
  const n = process.argv[2] ?? '100000';
  const trials = Number(process.argv[3] ?? 5);
  const NOW = '2026-11-23T10:00:00+08:00';
  const shop = fork(new URL('./sandbox-server.mjs', import.meta.url), [n, NOW], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise((r) => shop.on('message', (m) => m.type === 'ready' && r(m)));
  const r = await ratioTrials(`http://127.0.0.1:${ready.port}`, Date.parse(NOW), trials);
  console.log(
    `raw ${r.raw.map((x) => x.toFixed(2)).join(' ')} | sync ${r.sync.map((x) => x.toFixed(2)).join(' ')} | ratio of medians ${r.ratio.toFixed(3)} (per trial ${r.ratioMin.toFixed(2)}–${r.ratioMax.toFixed(2)}) | processor time raw ${r.rawCpu.toFixed(2)} s, sync ${r.syncCpu.toFixed(2)} s`,
  );
  shop.send({ type: 'stop' });
}
