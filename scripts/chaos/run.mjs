// npm run chaos: the attack on xiaoer as a repeatable suite that prints figures. Defaults finish in a few minutes on
// two cores; CHAOS_ROUNDS, CHAOS_WRITES and CHAOS_STATEMENTS scale it. Exits 1 when a failure count is not 0.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_STATEMENT_BYTES } from '../../dist/reconciliation/statement/index.js';
import { faultRounds } from './faults.mjs';
import { killRounds } from './kill-rounds.mjs';
import { roleRounds } from './roles.mjs';
import { freePort } from './service.mjs';
import { statementRounds } from './statements.mjs';

const num = (name, fallback) => Math.max(1, Number(process.env[name] ?? fallback));
const ROUNDS = num('CHAOS_ROUNDS', 8);
const WRITES = num('CHAOS_WRITES', 40);
const STATEMENTS = num('CHAOS_STATEMENTS', 300);
// CHAOS_ONLY=kill,faults,statements,roles runs some sections only.
const only = new Set((process.env.CHAOS_ONLY ?? 'kill,faults,statements,roles').split(','));
const log = (line) => process.stdout.write(`${line}\n`);
const failures = [];
const row = (what, value, isFailure = false) => {
  log(`  ${what}: ${value}`);
  if (isFailure && value !== 0) failures.push(what);
};

const root = await mkdtemp(join(tmpdir(), 'xiaoer-chaos-'));
try {
  log(`xiaoer chaos — node ${process.version}`);
  if (only.has('kill')) {
    const t0 = performance.now();
    const k = await killRounds({
      dataDir: join(root, 'kill'),
      port: await freePort(),
      rounds: ROUNDS,
      writes: WRITES,
      log,
    });
    log(`\nkill -9 during sync and concurrent remark writes (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    row('kill rounds', k.rounds);
    row('acknowledged writes', k.acked);
    row('lost (history)', k.lost, true);
    row('duplicated (history)', k.duplicated, true);
    row('lost (platform memo)', k.lostOnPlatform, true);
    row('duplicated (platform memo)', k.duplicatedOnPlatform, true);
    row('corrupt files', k.corrupt, true);
    row('restarts that failed', k.restartsFailed, true);
  }

  if (only.has('faults')) {
    const t1 = performance.now();
    const f = await faultRounds({ dataDir: join(root, 'faults'), port: await freePort(), writes: WRITES, log });
    log(`\nsandbox fault switches during sync and remark writes (${((performance.now() - t1) / 1000).toFixed(0)} s)`);
    row('faults tried', f.faults);
    row('acknowledged writes', f.acked);
    row('crashes', f.crashes, true);
    row('unhandled rejections', f.unhandled, true);
    row('pending remarks not landed once', f.notLandedOnce, true);
  }

  if (only.has('statements')) {
    const t2 = performance.now();
    const st = await statementRounds({
      dataDir: join(root, 'statements'),
      port: await freePort(),
      count: STATEMENTS,
      log,
    });
    log(`\nmalformed bank statements (${((performance.now() - t2) / 1000).toFixed(0)} s)`);
    row('statements tried', st.tried);
    row('accepted wrongly', st.acceptedWrongly, true);
    row('rows left behind', st.rowsLeftBehind, true);
    row(
      'slowest answer',
      `${(st.slowestMs / 1000).toFixed(2)} s (files of 5 MB or more: ${(st.slowestBigMs / 1000).toFixed(2)} s; target < 2 s for 10 MB)`,
    );
    // Not a failure count: what bounds it is written in docs/chaos.md.
    row(
      `valid ${(MAX_STATEMENT_BYTES / 1024 / 1024).toFixed(0)} MB statement (${st.validBigCredits} credits)`,
      `${(st.validBigMs / 1000).toFixed(2)} s to import whole${st.validBigMs >= 2000 ? ' (target < 2 s: not met)' : ''}`,
    );
    row('slowest /healthz during the uploads', `${st.healthMs.toFixed(0)} ms (target < 200 ms)`);
    if (st.slowestBigMs >= 2000) failures.push('slowest answer for a big file');
    if (st.healthMs >= 200) failures.push('/healthz during uploads');
  }

  if (only.has('roles')) {
    const r = await roleRounds({ dataDir: join(root, 'roles'), port: await freePort(), log });
    log('\nroutes × roles against the role table (src/accounts/permissions.ts)');
    row('routes × roles', `${r.routes} × ${r.roles} = ${r.calls} calls`);
    row('mismatches', r.mismatches, true);
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
log(failures.length ? `\nFAILED: ${failures.join(', ')}` : '\nall failure counts are 0');
process.exitCode = failures.length ? 1 : 0;
