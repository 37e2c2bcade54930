/**
 * `xiaoer remark` tells the admin what happened in the words the console uses, read from GET /api/labels: the
 * write's outcome, the flag's name and the task handed on, never a code or JSON (the built CLI, through a
 * running service).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_STATE_LABELS, FLAG_LABELS, WRITE_OUTCOME_TEXT } from '../../src/remarks/index.js';
import { TASK_TITLES } from '../../src/tasks/index.js';
import { ensureBuiltCli, xiaoer } from '../support/cli.js';
import { quietJobs, startServiceProcess, type ServiceProcess } from './service-process.js';

let dir: string;
let svc: ServiceProcess | null = null;
beforeAll(async () => {
  await ensureBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-cli-remark-'));
  await quietJobs(dir);
  svc = await startServiceProcess(dir);
}, 120_000);
afterAll(async () => {
  await svc?.kill();
  await rm(dir, { recursive: true, force: true });
});

describe('xiaoer remark', () => {
  it('when the admin writes a remark, writes it again and hands a task on, then each answer reads in Chinese', async () => {
    const { orders } = await svc!.api<{ orders: { tid: string }[] }>('get', '/orders?status=WAIT_SELLER_SEND_GOODS');
    let tid = '';
    for (const o of orders) {
      if ((await svc!.api<{ state: string }>('get', `/orders/${o.tid}/remark-kinds`)).state === 'paid_not_printed') {
        tid = o.tid;
        break;
      }
    }
    expect(tid).not.toBe('');

    const first = (await xiaoer(['remark', tid, 'print.printed'], dir)).stdout;
    expect(first).toMatch(new RegExp(`^${WRITE_OUTCOME_TEXT.written}：`));
    const again = (await xiaoer(['remark', tid, 'print.printed'], dir)).stdout;
    expect(again).toMatch(new RegExp(`^${WRITE_OUTCOME_TEXT.already_present}：`));

    const change = ['--field', 'field=phone', '--field', 'value=13900001111', '--field', 'assistant=阿张'];
    const handed = (await xiaoer(['remark', tid, 'address.change', ...change], dir)).stdout;
    expect(handed).toContain(`\n旗帜：${FLAG_LABELS[1]}\n`);
    expect(handed).toContain(`\n任务：已交给 阿张 处理：${TASK_TITLES.fix_label}\n`);
    // Codes and JSON stay inside: the answer is words, the order number and the memo's own text.
    for (const out of [first, again, handed]) expect(out).not.toMatch(/[{}"]|written|already_present|fix_label/);
  }, 120_000);

  it('when the admin writes 拍下后无货 on an unpaid order, then the CLI says the trade was closed and why, in words', async () => {
    const { orders } = await svc!.api<{ orders: { tid: string }[] }>('get', '/orders?status=WAIT_BUYER_PAY');
    expect(orders.length).toBeGreaterThan(0);
    const out = (await xiaoer(['remark', orders[0]!.tid, 'oos.notify', '--field', 'via=旺旺'], dir)).stdout;
    expect(out).toContain(`\n交易：${CLOSE_STATE_LABELS.closed}（关闭原因：缺货）\n`);
    expect(out).not.toMatch(/[{}"]|closed|TRADE_/);
  }, 120_000);
});
