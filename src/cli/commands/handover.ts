import { Command } from 'commander';
import { shanghaiDate, systemClock } from '../../shared/time.js';
import { type CliContext, withCommandApi } from '../with-service.js';

export function handoverCommand(cli: CliContext): Command {
  return new Command('handover')
    .description('交接班报告：打印一个班次的交接内容（Markdown）')
    .option('--shift <day|night>', '班次：day 白班，night 夜班', 'day')
    .option('--date <YYYY-MM-DD>', '日期（北京时间）', shanghaiDate(systemClock.now()))
    .action(async (opts: { shift: string; date: string }) => {
      if (opts.shift !== 'day' && opts.shift !== 'night')
        throw new Error(`--shift 只能是 day（白班）或 night（夜班），收到的是 "${opts.shift}"`);
      const shift = opts.shift;
      const md = await withCommandApi(cli, (api) => api.handoverMarkdown(shift, opts.date));
      process.stdout.write(md.endsWith('\n') ? md : md + '\n');
    });
}
