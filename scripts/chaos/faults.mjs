// Each fault switch of the sandbox platform while a sync and concurrent remark writes run. The service must neither
// crash nor leave a rejection unhandled, and once the faults are lifted every acknowledged remark must land exactly
// once on the platform (the outbox's promise).
import { createSandboxPlatform } from '../../dist/platform/sandbox/index.js';
import { client, startService } from './service.mjs';

const CLEAR = { errorRate: 0, latencyMs: 0, rateLimitBanSeconds: 0, malformedRate: 0, http5xxRate: 0 };
const FAULTS = [
  { errorRate: 0.3 },
  { http5xxRate: 0.3 },
  { malformedRate: 0.3 },
  { latencyMs: 4000 },
  { rateLimitBanSeconds: 20 },
  { errorRate: 0.2, http5xxRate: 0.2, malformedRate: 0.2, latencyMs: 500 },
];

async function setFaults(url, settings) {
  const res = await fetch(`${url}/sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (!res.ok) throw new Error(`setting faults ${JSON.stringify(settings)}: ${res.status} ${await res.text()}`);
}

export async function faultRounds({ dataDir, port, writes, log }) {
  const svc = await startService({ dataDir, port });
  const api = client(svc.url);
  let crashed = false;
  void svc.exit.then(() => {
    crashed = true;
  });
  let tids = [];
  for (let i = 0; i < 240 && tids.length < 50; i++) {
    const res = await api.get('/orders?status=WAIT_SELLER_SEND_GOODS&pageSize=200', { user: 'xiaoli' });
    tids = res.body?.orders?.map((o) => o.tid) ?? [];
    if (tids.length < 50) await new Promise((r) => setTimeout(r, 500));
  }
  const acked = [];
  let serial = 0;
  let crashes = 0;
  for (const fault of FAULTS) {
    if (crashed) break;
    await setFaults(svc.url, fault);
    const sync = api.post('/sync', undefined, { user: 'xiaozhou', timeoutMs: 180_000 }).catch(() => null);
    const results = await Promise.all(
      Array.from({ length: writes }, () => {
        const n = ++serial;
        const tid = tids[n % tids.length];
        return api
          .post(
            `/orders/${tid}/remarks`,
            { kind: 'price.review_reward', fields: { amount: String(1000 + n) } },
            { user: 'xiaoli', timeoutMs: 180_000 },
          )
          .then((res) => (res.status === 201 && res.body?.entry ? { tid, entry: res.body.entry } : null))
          .catch(() => null);
      }),
    );
    acked.push(...results.filter(Boolean));
    await sync;
    if (crashed) {
      crashes++;
      log(`  the service died under ${JSON.stringify(fault)}: ${svc.stderr().slice(-500)}`);
      break;
    }
    await setFaults(svc.url, CLEAR);
  }
  let notLandedOnce = 0;
  if (!crashed) {
    for (let i = 0; i < 20; i++) {
      const run = await api.post('/jobs/remark-outbox/run', undefined, { user: 'admin', timeoutMs: 180_000 });
      if (run.status !== 200 || !(run.body?.run?.counts?.stillPending > 0)) break;
    }
    const platform = createSandboxPlatform({ baseUrl: svc.url });
    const memos = new Map();
    for (const a of acked) {
      if (!memos.has(a.tid)) memos.set(a.tid, (await platform.getOrder(a.tid)).sellerMemo);
      const times = memos
        .get(a.tid)
        .split('；')
        .filter((e) => e === a.entry).length;
      if (times === 1) continue;
      notLandedOnce++;
      const history = (await api.get(`/orders/${a.tid}/remarks`, { user: 'xiaoli' })).body?.history ?? [];
      const local = history.find((e) => e.text === a.entry);
      log(
        `  ${a.tid} ${a.entry}: on the platform ${times}×, here ${local?.status ?? 'missing'} (${local?.platform?.lastError ?? ''})`,
      );
    }
    await svc.stop();
  }
  const unhandled = /unhandled/i.test(svc.stderr()) ? 1 : 0;
  return { faults: FAULTS.length, acked: acked.length, crashes, unhandled, notLandedOnce };
}
