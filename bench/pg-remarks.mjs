// Remark writes as staff make them, over the HTTP API of one or two instances (POST /api/orders/:tid/remarks, each
// writer logged in on its instance), and the check that every acknowledged write landed once: on the platform's
// memo (read back from the shop) and in the order's remark history (read from the database itself).
import pg from 'pg';
import { createSandboxPlatform } from '../dist/platform/sandbox/index.js';
import { BENCH_PASSWORD } from './pg-config.mjs';

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

export async function login(url, username) {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 201) throw new Error(`login ${username} on ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()).token;
}

/** Orders the trials may append to: open or finished trades whose memo leaves room for a few dozen entries. */
export async function writableTids(databaseUrl, n) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select tid from orders where status not like 'TRADE_CLOSED%' and length(coalesce(doc->>'sellerMemo', '')) < 200
       order by tid limit $1`,
      [n],
    );
    return rows.map((r) => r.tid);
  } finally {
    await client.end();
  }
}

/**
 * `writers` concurrent staff for `seconds`. Write k goes to instance k mod (number of targets) and to order
 * tids[⌊k/2⌋]: two writes in a row append to one order, from two instances when there are two.
 */
export async function writeRemarks({ targets, tids, seconds, writers = 16, tag }) {
  const done = [];
  const refused = {};
  let k = 0;
  const max = tids.length * 2 * 8; // at most 16 entries per memo (each ~30 bytes, the memo holds 1,000)
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < end && k < max) {
        const i = k++;
        const tid = tids[Math.floor(i / 2) % tids.length];
        const target = targets[i % targets.length];
        const waybill = `${tag}${String(i).padStart(7, '0')}`;
        const s = performance.now();
        let status;
        let body = null;
        try {
          const res = await fetch(`${target.url}/api/orders/${tid}/remarks`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
            body: JSON.stringify({ kind: 'copy.transfer', fields: { waybill } }),
          });
          status = res.status;
          body = await res.json().catch(() => null);
        } catch (err) {
          status = `network: ${err.message}`;
        }
        const ms = performance.now() - s;
        if (status === 201) done.push({ tid, waybill, id: body.id, status: body.status, ms });
        else refused[status] = (refused[status] ?? 0) + 1;
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  const ms = done.map((d) => d.ms);
  return {
    writes: done,
    refused,
    seconds: secs,
    perSecond: done.length / secs,
    p50: pct(ms, 50),
    p99: pct(ms, 99),
    max: Math.max(...ms),
    pending: done.filter((d) => d.status !== 'written').length,
  };
}

const occurrences = (text, needle) => text.split(needle).length - 1;

/** How many acknowledged writes are on the platform's memo once, and in the stored remark history once. */
export async function landedOnce({ writes, shopUrl, now, databaseUrl }) {
  const platform = createSandboxPlatform({ baseUrl: shopUrl, clock: { now: () => now }, signMethod: 'hmac-sha256' });
  const tids = [...new Set(writes.map((w) => w.tid))];
  const memos = new Map();
  for (let i = 0; i < tids.length; i += 16)
    await Promise.all(
      tids.slice(i, i + 16).map(async (tid) => memos.set(tid, (await platform.getOrder(tid)).sellerMemo ?? '')),
    );
  // On lowdb (no databaseUrl) the history lives in the instance's folder: only the memo is checked.
  let rows = [];
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      ({ rows } = await client.query('select tid, doc from remark_entries where tid = any($1)', [tids]));
    } finally {
      await client.end();
    }
  }
  const history = new Map(rows.map((r) => [r.tid, r.doc?.entries ?? []]));
  const count = { memoOnce: 0, memoOther: 0, historyOnce: 0, historyOther: 0 };
  for (const w of writes) {
    const onMemo = occurrences(memos.get(w.tid), `单号:${w.waybill}+`);
    count[onMemo === 1 ? 'memoOnce' : 'memoOther']++;
    const inHistory = (history.get(w.tid) ?? []).filter((e) => e.id === w.id).length;
    count[inHistory === 1 ? 'historyOnce' : 'historyOther']++;
  }
  if (!databaseUrl) count.historyOnce = count.historyOther = null;
  return { ...count, acknowledged: writes.length, orders: tids.length };
}
