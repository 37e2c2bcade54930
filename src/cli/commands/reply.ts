import { Command } from 'commander';
import { type CliContext, collectFields, withCommandApi } from '../with-service.js';

export function replyCommand(cli: CliContext): Command {
  return new Command('reply')
    .description('渲染快捷短语（给了订单号就用订单的内容填写）')
    .argument('<shortcut|id>', '快捷短语的缩写或编号，如 /fh、ship-time')
    .option('--tid <tid>', '用这个订单的内容填写')
    .option('--set <key=value>', '填写一个需要填的内容，可重复', collectFields, {})
    .action(async (ref: string, opts: { tid?: string; set: Record<string, string> }) => {
      const r = await withCommandApi(cli, (api) => api.renderQuickReply(ref, { tid: opts.tid, values: opts.set }));
      process.stdout.write(r.text + '\n');
      if (r.missingPrompts.length)
        process.stderr.write(`未填写：${r.missingPrompts.map((p) => `${p.name}（${p.label}）`).join('，')}\n`);
    });
}
