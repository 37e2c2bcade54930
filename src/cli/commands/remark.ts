import { Command } from 'commander';
import type { Config } from '../../config/index.js';
import { collectFields, withService } from '../with-service.js';

interface RemarkOutput {
  status: string;
  entry: string;
  memo: string;
  flag: number;
  task: unknown;
}

export function remarkCommand(loadConfig: () => Config): Command {
  return new Command('remark')
    .description('按备注规范写订单备注 (write a standard remark on an order)')
    .argument('<tid>', 'order number')
    .argument('<kind>', 'remark kind, e.g. oos.notify, price.review_reward')
    .option('--field <key=value>', 'a field of the kind (repeatable)', collectFields, {})
    .option('--dry-run', 'show the memo and flag without writing')
    .option('--json', 'print JSON')
    .action(async (tid: string, kind: string, opts: { field: Record<string, string>; dryRun?: boolean; json?: boolean }) => {
      const config = loadConfig();
      const result = await withService<RemarkOutput>(
        config,
        async (api) => (await api.post(`/orders/${encodeURIComponent(tid)}/remarks${opts.dryRun ? '?dryRun=1' : ''}`, { kind, fields: opts.field })).data,
        async (svc, user) => (await svc.remarks.write({ tid, kind, fields: opts.field, user, dryRun: !!opts.dryRun })) as unknown as RemarkOutput,
      );
      if (opts.json) {
        process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        return;
      }
      process.stdout.write(`${opts.dryRun ? '预览 dry run' : result.status}: ${result.entry}\n备注 memo: ${result.memo}\n旗帜 flag: ${result.flag}\n`);
      if (result.task) process.stdout.write(`任务 task: ${JSON.stringify(result.task)}\n`);
    });
}
