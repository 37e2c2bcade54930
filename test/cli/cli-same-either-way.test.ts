import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, xiaoer } from '../support/cli.js';
import { quietJobs, startServiceProcess, type ServiceProcess } from './service-process.js';

/**
 * One data folder, the same commands run twice: once while the service holds it (the CLI goes through
 * its HTTP API) and once with no service (the CLI starts the same service in-process). Each command
 * is written once against the API, so both runs must print the same thing. The service is the built
 * one (dist/main.js), as the CLI is, so the two modes run the same code.
 */
let dir: string;
let svc: ServiceProcess | null = null;
let tidA: string;
let tidB: string;
let today: string;

beforeAll(async () => {
  await ensureBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-either-'));
  await quietJobs(dir);
  svc = await startServiceProcess(dir);
  const { orders } = await svc.api<{ orders: { tid: string; sellerMemo: string }[] }>(
    'get',
    '/orders?status=WAIT_SELLER_SEND_GOODS&pageSize=200',
  );
  const blank = orders.filter((o) => !o.sellerMemo).map((o) => o.tid);
  expect(blank.length).toBeGreaterThanOrEqual(2);
  [tidA, tidB] = [blank[0]!, blank[1]!];
  today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}, 120_000);
afterAll(async () => {
  await svc?.kill();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Every command that only reads, with what it printed and the file it wrote. A running service takes
 * them at once; without one, each CLI holds the folder in turn, so they run one after another.
 */
async function reads(tag: string, together: boolean): Promise<Record<string, string>> {
  const register = join(dir, `register-${tag}.csv`);
  const refunds = join(dir, `refunds-${tag}.csv`);
  const commands = {
    dryRun: ['remark', tidA, 'oos.notify', '--field', 'via=电话', '--dry-run', '--json'],
    reply: ['reply', '/cfh', '--tid', tidA],
    jobs: ['jobs', 'list', '--json'],
    handover: ['handover', '--shift', 'day', '--date', today],
    registerOut: ['transfers', 'register', '--date', today, '--out', register],
    refundsOut: ['refunds', 'export', '--date', today, '--out', refunds],
  };
  const out: Record<string, string> = {};
  const run = async ([name, args]: [string, string[]]) => (out[name] = (await xiaoer(args, dir)).stdout);
  if (together) await Promise.all(Object.entries(commands).map(run));
  else for (const entry of Object.entries(commands)) await run(entry);

  const jobs = JSON.parse(out.jobs!) as { schedule: string; nextRun: string | null; lastRun: unknown }[];
  for (const j of jobs) expect(j.nextRun).toMatch(/\+08:00$/);
  // An every-minute job (the outboxes, always on) runs whenever a minute turns during either run, and
  // every next run moves with the clock; the rest must be the same.
  const everyMinute = (j: { schedule: string }) => j.schedule === '* * * * *';
  out.jobs = JSON.stringify(jobs.map((j) => ({ ...j, nextRun: null, lastRun: everyMinute(j) ? null : j.lastRun })));
  out.registerOut = out.registerOut!.replace(register, 'FILE');
  out.refundsOut = out.refundsOut!.replace(refunds, 'FILE');
  out.register = await readFile(register, 'utf8');
  out.refunds = await readFile(refunds, 'utf8');
  return out;
}

describe('a CLI command with and without a running service', () => {
  it('when the same commands run through a running service and then with none, then they print the same results', async () => {
    const viaService = await reads('service', true);
    await svc!.stop();
    const inProcess = await reads('local', false);
    expect(inProcess).toEqual(viaService);
    expect(JSON.parse(viaService.dryRun!).memo).toContain('管理员');
    expect(viaService.handover).toContain('白班交接班');

    // Writes: one order in each mode, by the same account, then each mode sees the other's write.
    const remark = (tid: string) => ['remark', tid, 'oos.notify', '--field', 'via=电话', '--json'];
    const localB = JSON.parse((await xiaoer(remark(tidB), dir)).stdout);
    const localSync = JSON.parse((await xiaoer(['sync', '--json'], dir)).stdout);
    const localJob = (await xiaoer(['jobs', 'run', 'transfer-checks'], dir)).stdout;
    svc = await startServiceProcess(dir);
    const serviceA = JSON.parse((await xiaoer(remark(tidA), dir)).stdout);
    const serviceB = JSON.parse((await xiaoer(remark(tidB), dir)).stdout);
    const serviceSync = JSON.parse((await xiaoer(['sync', '--json'], dir)).stdout);
    const serviceJob = (await xiaoer(['jobs', 'run', 'transfer-checks'], dir)).stdout;

    expect([localB.status, serviceA.status, serviceB.status]).toEqual(['written', 'written', 'already_present']);
    expect(serviceA.entry).toBe(localB.entry);
    expect(localB.entry).toMatch(/^此款无货\+不要打单,已电话通知买家申请退款\+管理员\/\d{2}\.\d{2}$/);
    // The same answer either way; its counts are the living shop's changes since the last sync (and those TMC
    // already brought), which differ from one moment to the next, so only their kind is compared.
    const shape = (r: { ok: boolean; ordersNew: unknown; ordersChanged: unknown; errors: string[] }) => [
      r.ok,
      Number.isInteger(r.ordersNew),
      Number.isInteger(r.ordersChanged),
      r.errors,
    ];
    expect(shape(serviceSync)).toEqual(shape(localSync));
    expect(shape(localSync)).toEqual([true, true, true, []]);
    // The route answers { run }: the CLI reads the run from it in both modes.
    expect(serviceJob).toBe(localJob);
    expect(localJob).toMatch(/^汇款核对（transfer-checks）：成功，/);
  }, 400_000);
});
