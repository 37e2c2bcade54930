import { Command } from 'commander';
import type { Config } from '../../config/index.js';
import { collectFields, withApi } from '../with-service.js';

export function replyCommand(loadConfig: () => Config): Command {
  return new Command('reply')
    .description('渲染快捷短语 (render a quick reply, for an order if given)')
    .argument('<shortcut|id>', 'e.g. /fh or ship-time')
    .option('--tid <tid>', 'order to fill the reply from')
    .option('--set <key=value>', 'fill a prompt (repeatable)', collectFields, {})
    .action(async (ref: string, opts: { tid?: string; set: Record<string, string> }) => {
      const r = await withApi(loadConfig(), (api) => api.renderQuickReply(ref, { tid: opts.tid, values: opts.set }));
      process.stdout.write(r.text + '\n');
      if (r.missingPrompts.length)
        process.stderr.write(`未填写：${r.missingPrompts.map((p) => `${p.name}（${p.label}）`).join('，')}\n`);
    });
}
