import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, serviceRig } from '../support/service-rig.js';

const run = promisify(execFile);
const cli = join(ROOT, 'dist/cli/index.js');
let rig: Awaited<ReturnType<typeof serviceRig>>;

beforeAll(async () => {
  if (!existsSync(cli)) await run('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT });
  rig = await serviceRig();
}, 120_000);
afterAll(async () => rig.close());

const env = () => ({ ...process.env, XIAOER_DATA_DIR: rig.dir, XIAOER_SANDBOX_ORDERS: '250', XIAOER_SANDBOX_TICK_MS: '0', XIAOER_LOG_LEVEL: 'silent' });

describe('CLI while the service is running', () => {
  it('when `xiaoer sync` runs, then it goes through the service API (one writer) and prints the summary', async () => {
    const before = (await rig.svc.outside.platform.stats()).calls;
    const { stdout } = await run(process.execPath, [cli, 'sync', '--json'], { env: env(), cwd: ROOT });
    const summary = JSON.parse(stdout.slice(stdout.indexOf('{')));
    expect(summary.ok).toBe(true);
    expect(summary.ordersNew).toBe(0);
    // The platform calls were made by the service process, not by a second opener of the store.
    expect(rig.svc.outside.platform.stats().calls).toBeGreaterThan(before);
  });

  it('when `xiaoer remark` writes through the service, then the memo carries the CLI user name and a second run is a no-op', async () => {
    const order = [...rig.svc.store.all<{ tid: string; status: string; sellerMemo: string }>('orders')].find((o) => o.status === 'WAIT_SELLER_SEND_GOODS' && !o.sellerMemo)!;
    const args = [cli, 'remark', order.tid, 'oos.notify', '--field', 'via=电话', '--json'];
    const first = JSON.parse((await run(process.execPath, args, { env: env(), cwd: ROOT })).stdout);
    expect(first.status).toBe('written');
    expect(first.entry).toMatch(/^此款无货\+不要打单,已电话通知买家申请退款\+管理员\/\d{2}\.\d{2}$/);
    const second = JSON.parse((await run(process.execPath, args, { env: env(), cwd: ROOT })).stdout);
    expect(second.status).toBe('already_present');
  });

  it('when a remark field is wrong, then the CLI exits non-zero naming the field and writes nothing', async () => {
    const order = [...rig.svc.store.all<{ tid: string; status: string }>('orders')].find((o) => o.status === 'WAIT_BUYER_PAY')!;
    const err = await run(process.execPath, [cli, 'remark', order.tid, 'price.review_reward', '--field', 'amount=abc'], { env: env(), cwd: ROOT }).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/amount/);
  });
});
