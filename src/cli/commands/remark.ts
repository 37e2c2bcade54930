import { Command } from 'commander';
import type { Config } from '../../config/index.js';
import { collectFields, withApi } from '../with-service.js';

const STATUS: Record<string, string> = {
  written: '已写入',
  pending: '已排队，等平台确认',
  already_present: '已有这条备注，未重写',
};

export function remarkCommand(loadConfig: () => Config): Command {
  return new Command('remark')
    .description('按备注规范写订单备注 (write a standard remark on an order)')
    .argument('<tid>', 'order number')
    .argument('<kind>', 'remark kind, e.g. oos.notify, price.review_reward')
    .option('--field <key=value>', 'a field of the kind (repeatable)', collectFields, {})
    .option('--dry-run', 'show the memo and flag without writing')
    .option('--json', 'print JSON')
    .action(
      async (tid: string, kind: string, opts: { field: Record<string, string>; dryRun?: boolean; json?: boolean }) => {
        const result = await withApi(loadConfig(), (api) =>
          api.writeRemark(tid, { kind, fields: opts.field, dryRun: !!opts.dryRun }),
        );
        if (opts.json) {
          process.stdout.write(JSON.stringify(result, null, 2) + '\n');
          return;
        }
        process.stdout.write(
          `${opts.dryRun ? '预览（未写入）' : (STATUS[result.status] ?? result.status)}：${result.entry}\n备注：${result.memo}\n旗帜：${result.flag}\n`,
        );
        if (result.task) process.stdout.write(`任务：${JSON.stringify(result.task)}\n`);
      },
    );
}
