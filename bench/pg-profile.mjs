// Where a PostgreSQL store's writes spend their time (diagnostics, BENCH_PG_PROFILE=1): every statement through the
// store's pool is timed by kind (the write lock, the catch-up read, the batch insert, the commit, …), and the server
// processes behind those connections are weighed by their own processor time (/proc, same machine only).
import { readFileSync } from 'node:fs';

const KINDS = [
  ['begin', /^begin/i],
  ['write lock', /pg_advisory_xact_lock/],
  ['catch-up read (changesSince)', /from \(select '/],
  ['insert documents', /^insert into documents/],
  ['insert orders', /^insert into orders/],
  ['insert other tables', /^insert into/],
  ['notify', /pg_notify/],
  ['commit', /^commit/i],
  ['backend pid', /pg_backend_pid/],
];

const kindOf = (text) => KINDS.find(([, re]) => re.test(text))?.[0] ?? text.replace(/\s+/g, ' ').slice(0, 60);
const ticks = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(f[11]) + Number(f[12]); // utime + stime, in clock ticks (100 a second on Linux)
  } catch {
    return null;
  }
};

export function profilePool(pool) {
  const byKind = new Map();
  const backends = new Map();
  const wrapped = new WeakSet();
  const connect = pool.connect.bind(pool);
  pool.connect = async (...args) => {
    if (args.length) return connect(...args);
    const client = await connect();
    if (!wrapped.has(client)) {
      wrapped.add(client);
      const query = client.query.bind(client);
      client.query = async (q, ...rest) => {
        const text = typeof q === 'string' ? q : (q?.text ?? '');
        const t0 = performance.now();
        try {
          return await query(q, ...rest);
        } finally {
          const k = kindOf(text.trim());
          const e = byKind.get(k) ?? { n: 0, ms: 0 };
          e.n++;
          e.ms += performance.now() - t0;
          byKind.set(k, e);
        }
      };
      const { rows } = await client.query('select pg_backend_pid() as pid');
      backends.set(rows[0].pid, ticks(rows[0].pid));
    }
    return client;
  };
  return {
    /** Milliseconds and counts per statement kind; the server's processor seconds for this store's connections. */
    async report() {
      let serverTicks = 0;
      for (const [pid, before] of backends) {
        const now = ticks(pid);
        if (now !== null && before !== null) serverTicks += now - before;
      }
      return {
        statements: Object.fromEntries([...byKind].map(([k, v]) => [k, { n: v.n, ms: Math.round(v.ms) }])),
        serverCpuSeconds: serverTicks / 100,
        connections: backends.size,
      };
    },
  };
}
