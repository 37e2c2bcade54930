import { Command } from 'commander';
import { type CliContext, withCommandApi } from '../with-service.js';

/** `xiaoer summary --week 2026-W48`: the Monday meeting's weekly summary as Markdown, read through the service. */
export function summaryCommand(cli: CliContext): Command {
  return new Command('summary')
    .description('周报：打印一周的汇总（Markdown），供周一例会使用')
    .option('--week <YYYY-Www>', '哪一周，如 2026-W48（第 48 周，北京时间周一到周日）；不填为上周')
    .action(async (opts: { week?: string }) => {
      // The service checks the week and answers in Chinese; a mistyped week is refused there, in one place.
      const md = await withCommandApi(cli, (api) => api.summaryMarkdown(opts.week));
      process.stdout.write(md.endsWith('\n') ? md : md + '\n');
    });
}
