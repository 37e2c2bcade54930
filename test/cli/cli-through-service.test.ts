import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, xiaoer } from '../support/cli.js';
import { serviceRig } from '../support/service-rig.js';

let rig: Awaited<ReturnType<typeof serviceRig>>;
// Each `xiaoer` is a fresh Node process that loads the whole app: seconds each on a busy 2-core machine.
const CLI_TIMEOUT = 120_000;

beforeAll(async () => {
  await ensureBuiltCli();
  rig = await serviceRig();
}, 120_000);
afterAll(async () => rig.close());

describe('CLI while the service is running', () => {
  it(
    'when `xiaoer sync` runs, then it goes through the service API (one writer) and prints the summary',
    async () => {
      const before = (await rig.svc.outside.platform.stats()).calls;
      const { stdout } = await xiaoer(['sync', '--json'], rig.dir);
      const summary = JSON.parse(stdout.slice(stdout.indexOf('{')));
      expect(summary.ok).toBe(true);
      expect(summary.ordersNew).toBe(0);
      // The platform calls were made by the service process, not by a second opener of the store.
      expect(rig.svc.outside.platform.stats().calls).toBeGreaterThan(before);
    },
    CLI_TIMEOUT,
  );

  it(
    'when `xiaoer remark` writes through the service, then the memo carries the CLI user name and a second run is a no-op',
    async () => {
      const order = [...rig.svc.store.all<{ tid: string; status: string; sellerMemo: string }>('orders')].find(
        (o) => o.status === 'WAIT_SELLER_SEND_GOODS' && !o.sellerMemo,
      )!;
      const args = ['remark', order.tid, 'oos.notify', '--field', 'via=电话', '--json'];
      const first = JSON.parse((await xiaoer(args, rig.dir)).stdout);
      expect(first.status).toBe('written');
      expect(first.entry).toMatch(/^此款无货\+不要打单,已电话通知买家申请退款\+管理员\/\d{2}\.\d{2}$/);
      const second = JSON.parse((await xiaoer(args, rig.dir)).stdout);
      expect(second.status).toBe('already_present');
    },
    CLI_TIMEOUT,
  );

  it(
    'when this CLI is configured as another account than the service acts as for the CLI, then it refuses and writes nothing under either name',
    async () => {
      const order = [...rig.svc.store.all<{ tid: string; status: string; sellerMemo: string }>('orders')].find(
        (o) => o.status === 'WAIT_SELLER_SEND_GOODS' && !o.sellerMemo,
      )!;
      const err = await xiaoer(['remark', order.tid, 'oos.notify', '--field', 'via=电话'], rig.dir, {
        XIAOER_CLI_USER: 'xiaoli',
      }).catch((e) => e);
      expect(err.code).toBe(1);
      expect(err.stderr).toMatch(/"admin".*"xiaoli"/s);
      expect(rig.svc.store.get<{ sellerMemo: string }>('orders', order.tid)!.sellerMemo).toBe('');
    },
    CLI_TIMEOUT,
  );

  it(
    "when a remark field is wrong, then the CLI exits non-zero with the console's Chinese sentence naming the field, and writes nothing",
    async () => {
      const order = [...rig.svc.store.all<{ tid: string; status: string }>('orders')].find(
        (o) => o.status === 'WAIT_BUYER_PAY',
      )!;
      const err = await xiaoer(['remark', order.tid, 'price.review_reward', '--field', 'amount=abc'], rig.dir).catch(
        (e) => e,
      );
      expect(err.code).toBe(1);
      // The same message the API answers (and the console shows): no internal field name, no English.
      expect(err.stderr.trim()).toBe('xiaoer: 金额必须是大于0、最多两位小数的元数，如 5 或 8.5，收到“abc”');
    },
    CLI_TIMEOUT,
  );
});
