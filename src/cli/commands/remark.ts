import { Command } from 'commander';
import { type CliContext, collectFields, withCommandApi } from '../with-service.js';

/** A code's name from the labels the service serves (as the console reads them); an unnamed code as it is. */
const named = (names: Record<string, string> | undefined, code: string | number) =>
  names && Object.hasOwn(names, String(code)) ? names[String(code)]! : String(code);

export function remarkCommand(cli: CliContext): Command {
  return new Command('remark')
    .description('按备注规范写订单备注')
    .argument('<tid>', '订单号')
    .argument('<kind>', '备注类型，如 oos.notify、price.review_reward')
    .option('--field <key=value>', '备注类型的一个字段，可重复', collectFields, {})
    .option('--dry-run', '只预览备注和旗帜，不写入')
    .option('--json', '输出 JSON')
    .action(
      async (tid: string, kind: string, opts: { field: Record<string, string>; dryRun?: boolean; json?: boolean }) => {
        const [result, labels] = await withCommandApi(cli, (api) =>
          Promise.all([api.writeRemark(tid, { kind, fields: opts.field, dryRun: !!opts.dryRun }), api.labels()]),
        );
        if (opts.json) {
          process.stdout.write(JSON.stringify(result, null, 2) + '\n');
          return;
        }
        const outcome = opts.dryRun ? '预览（未写入）' : named(labels.remarkWriteOutcomes, result.status);
        const flag = named(labels.flags, result.flag);
        process.stdout.write(`${outcome}：${result.entry}\n备注：${result.memo}\n旗帜：${flag}\n`);
        const t = result.task;
        if (t) {
          const title = named(labels.taskTypes, t.type);
          const told =
            t.state === 'closed' && 'openedByName' in t ? `任务「${title}」已关闭，已通知 ${t.openedByName}` : '';
          process.stdout.write(`任务：${told || `已交给 ${t.assigneeName} 处理：${title}`}\n`);
        }
        // 拍下后不要 / 拍下后无货 on an unpaid order also close the trade: say whether it was (a dry run: that it will be).
        const c = result.close;
        if (c) {
          const state = opts.dryRun ? `写入后关闭交易` : named(labels.tradeCloseStates, c.state);
          const why = c.state === 'failed' ? c.error : `关闭原因：${c.reason}`;
          process.stdout.write(`交易：${state}（${why}）\n`);
        }
      },
    );
}
