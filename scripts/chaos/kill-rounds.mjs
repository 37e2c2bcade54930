// kill -9 during syncs and concurrent remark writes. Every write the service acknowledged (201) must be in the
// order's history exactly once, and, once the outbox has drained, in the platform's memo exactly once; every data
// file must parse after each kill, and every restart must come up.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandboxPlatform } from '../../dist/platform/sandbox/index.js';
import { client, startService } from './service.mjs';

async function corruptFiles(dataDir) {
  let bad = 0;
  async function walk(dir) {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.json') && !e.name.includes('.tmp')) {
        try {
          JSON.parse(await readFile(p, 'utf8'));
        } catch {
          bad++;
        }
      }
    }
  }
  await walk(dataDir);
  return bad;
}

async function eligibleOrders(api) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const tids = [];
    for (const status of ['WAIT_SELLER_SEND_GOODS', 'WAIT_BUYER_PAY']) {
      const res = await api.get(`/orders?status=${status}&pageSize=200`, { user: 'xiaoli' });
      if (res.status === 200) tids.push(...res.body.orders.map((o) => o.tid));
    }
    if (tids.length >= 50 || Date.now() > deadline) return tids;
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function killRounds({ dataDir, port, rounds, writes, log }) {
  const acked = [];
  let corrupt = 0;
  let restartsFailed = 0;
  let pool = null;
  let serial = 0;
  for (let round = 0; round < rounds; round++) {
    let svc;
    try {
      svc = await startService({ dataDir, port });
    } catch (err) {
      restartsFailed++;
      log(`  round ${round + 1}: restart failed: ${err.message.slice(0, 300)}`);
      continue;
    }
    const api = client(svc.url);
    pool ??= await eligibleOrders(api);
    void api.post('/sync', undefined, { user: 'xiaozhou', timeoutMs: 120_000 }).catch(() => {});
    const inFlight = [];
    const answers = {};
    // Kill at a random moment once some writes have answered: others in flight, the sync somewhere in the middle.
    const killAfter = 1 + Math.floor(Math.random() * writes * 0.8);
    let answered = 0;
    let reached;
    const enough = new Promise((r) => {
      reached = r;
    });
    for (let i = 0; i < writes; i++) {
      const n = ++serial;
      const tid = pool[n % pool.length];
      inFlight.push(
        api
          .post(
            `/orders/${tid}/remarks`,
            { kind: 'price.review_reward', fields: { amount: String(n) } },
            { user: 'xiaoli' },
          )
          .then((res) => {
            answers[res.status] = (answers[res.status] ?? 0) + 1;
            if (res.status === 201 && res.body?.entry)
              acked.push({ tid, entry: res.body.entry, status: res.body.status });
            else if (res.status >= 400) log(`    ${res.status} ${res.text.slice(0, 200)}`);
            if (++answered >= killAfter) reached();
          })
          .catch(() => {
            /* cut off by the kill: not acknowledged */
          }),
      );
    }
    await Promise.race([enough, new Promise((r) => setTimeout(r, 20_000))]);
    await new Promise((r) => setTimeout(r, Math.random() * 300));
    await svc.kill();
    log(`  round ${round + 1}: killed after ${answered} of ${writes} answers ${JSON.stringify(answers)}`);
    await Promise.allSettled(inFlight);
    corrupt += await corruptFiles(dataDir);
  }

  // Recovery: the last start drains the remark outbox, then every acknowledged write is checked locally and on the
  // platform (the sandbox's TOP gateway, read like any third-party client would).
  const svc = await startService({ dataDir, port });
  const api = client(svc.url);
  for (let i = 0; i < 20; i++) {
    const run = await api.post('/jobs/remark-outbox/run', undefined, { user: 'admin', timeoutMs: 120_000 });
    if (run.status !== 200 || !(run.body?.run?.counts?.stillPending > 0)) break;
  }
  const platform = createSandboxPlatform({ baseUrl: svc.url });
  let lost = 0;
  let duplicated = 0;
  let lostOnPlatform = 0;
  let duplicatedOnPlatform = 0;
  const byTid = new Map();
  for (const a of acked) byTid.set(a.tid, [...(byTid.get(a.tid) ?? []), a]);
  for (const [tid, writesOfOrder] of byTid) {
    const history = (await api.get(`/orders/${tid}/remarks`, { user: 'xiaoli' })).body?.history ?? [];
    const memo = (await platform.getOrder(tid)).sellerMemo;
    for (const a of writesOfOrder) {
      const local = history.filter((e) => e.text === a.entry).length;
      const remote = memo.split('；').filter((e) => e === a.entry).length;
      if (local === 0) lost++;
      if (local > 1) duplicated++;
      if (remote === 0) lostOnPlatform++;
      if (remote > 1) duplicatedOnPlatform++;
    }
  }
  await svc.stop();
  return {
    rounds,
    acked: acked.length,
    lost,
    duplicated,
    lostOnPlatform,
    duplicatedOnPlatform,
    corrupt,
    restartsFailed,
  };
}
