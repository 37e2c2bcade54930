// The PostgreSQL section of `npm run bench` (bench/postgres-bench.mjs measures it): lowdb beside PostgreSQL, line by
// line, with the issue's targets; what was not measured says why.
const fmt = (n, d = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : '—';

function writes(w) {
  const refused = Object.entries(w.refused)
    .map(([status, n]) => `${n}× ${status}`)
    .join(', ');
  return (
    `${fmt(w.perSecond)} writes/s, p50 ${fmt(w.p50)} ms, p99 ${fmt(w.p99)} ms, slowest ${fmt(w.max)} ms ` +
    `(${fmt(w.writes.length)} in ${fmt(w.seconds, 1)} s${w.pending ? `, ${w.pending} answered pending` : ''}` +
    `${refused ? `; refused: ${refused}` : ''})`
  );
}

function landed(l) {
  const memo = `${fmt(l.memoOnce)} of ${fmt(l.acknowledged)} once on the platform memo`;
  const history =
    l.historyOnce === null ? '' : `, ${fmt(l.historyOnce)} of ${fmt(l.acknowledged)} once in the stored history`;
  const wrong = l.memoOther + (l.historyOther ?? 0);
  return `${memo}${history} (${fmt(l.orders)} orders${wrong ? `; ${wrong} MISSING OR DOUBLED` : ''})`;
}

/** BENCH_PG_PROFILE=1: milliseconds/count per statement kind, and the server's processor time for them. */
function statements(p) {
  const parts = Object.entries(p.statements).map(([k, v]) => `${k} ${fmt(v.ms)} ms/${fmt(v.n)}`);
  return `${parts.join(', ')}; server processor ${fmt(p.serverCpuSeconds, 2)} s`;
}

export function printPostgres(r, row) {
  console.log('\nPostgreSQL, several instances on one database (issue 20)');
  if (!r.measured) {
    row('PostgreSQL figures', `not measured: ${r.why}`);
    return;
  }
  const s = r.settings;
  console.log(
    `  (${r.origin}; PostgreSQL ${s.server_version}, fsync ${s.fsync}, synchronous_commit ${s.synchronous_commit}, ` +
      `shared_buffers ${s.shared_buffers} × 8 kB; a ${fmt(r.orders)}-order sandbox shop of its own; ` +
      `${fmt(r.totalSeconds)} s in all, load average ${fmt(r.load, 1)})`,
  );
  if (r.sync) {
    const line = (x) =>
      `${fmt(x.seconds, 2)} s, ${fmt(x.orders / x.seconds)} orders/s (processor ${fmt(x.cpuSeconds, 2)} s; ` +
      `${fmt(x.orders)} orders${x.inDatabase === null ? '' : `, ${fmt(x.inDatabase)} rows in the database`}, ` +
      `${fmt(x.commits)} commits of ${fmt(x.transactions)} transactions; store opened in ${fmt(x.openMs)} ms)`;
    console.log(
      '\nfull sync into PostgreSQL and into lowdb (one run each, a fresh process each, the store the service opens)',
    );
    row('into lowdb', line(r.sync.lowdb));
    row('into PostgreSQL', line(r.sync.postgres));
    row('PostgreSQL / lowdb time', `${fmt(r.sync.postgres.seconds / r.sync.lowdb.seconds, 1)}×`);
    const p = r.sync.postgres.profiled;
    if (p) row('where the PostgreSQL sync waits (statements)', statements(p));
  }
  if (r.remarks) {
    const w = r.remarks;
    console.log(
      `\nremark writes over the HTTP API (POST /api/orders/:tid/remarks as two staff, ${r.writers} writers, ${r.seconds} s each; ` +
        'two writes in a row append to one order — from two instances when there are two; the platform call budget lifted)',
    );
    row('PostgreSQL, one instance', writes(w.one));
    row('PostgreSQL, two instances on one database', writes(w.two));
    if (w.lowdb) row('lowdb, one instance (for comparison)', writes(w.lowdb));
    row('landed once, one instance', landed(w.one.landed));
    row('landed once, two instances', landed(w.two.landed));
    if (w.lowdb) row('landed once, lowdb', landed(w.lowdb.landed));
  }
  if (r.instances) {
    const i = r.instances;
    console.log(
      `\npeak RSS of an instance at ${fmt(r.orders)} orders (the whole service: its store, HTTP API, the writes above)`,
    );
    row(
      'instance on PostgreSQL',
      `${fmt(i.postgres.peakRssMb)} MB (opened with ${fmt(i.postgres.orders)} orders in ${fmt(i.postgres.openMs)} ms; the second instance ${fmt(i.second.peakRssMb)} MB, opened in ${fmt(i.second.openMs)} ms)`,
      "well under lowdb's — NOT MET by this engine: every instance holds every document in memory, as lowdb does",
    );
    for (const [name, x] of [
      ['first', i.postgres],
      ['second', i.second],
    ])
      if (x.profiled) row(`where the ${name} instance waits (statements)`, statements(x.profiled));
    if (i.lowdb) row('instance on lowdb', `${fmt(i.lowdb.peakRssMb)} MB (opened in ${fmt(i.lowdb.openMs)} ms)`);
    if (r.sync)
      row(
        'the sync processes above, PostgreSQL / lowdb',
        `${fmt(r.sync.postgres.peakRssMb)} MB / ${fmt(r.sync.lowdb.peakRssMb)} MB`,
      );
  }
  if (r.handover) {
    const h = r.handover;
    console.log(`\nhandover report at ${fmt(r.orders)} orders`);
    row('PostgreSQL: report', `${fmt(h.postgres.again)} ms (first ${fmt(h.postgres.first)} ms)`, '< 300 ms');
    row('PostgreSQL: Markdown', `${fmt(h.postgres.markdown)} ms`, '< 300 ms');
    if (h.lowdb) row('lowdb: report (for comparison)', `${fmt(h.lowdb.again)} ms (first ${fmt(h.lowdb.first)} ms)`);
  }
  if (r.failed) row('PostgreSQL figures', `stopped part-way (the figures above are what was measured): ${r.failed}`);
}
