import { Command } from 'commander';
import type { Config } from '../../config/index.js';
import { shanghaiDate, systemClock } from '../../shared/time.js';
import { withService } from '../with-service.js';

export function handoverCommand(loadConfig: () => Config): Command {
  return new Command('handover')
    .description('交接班报告 (print a shift handover report as Markdown)')
    .option('--shift <day|night>', 'shift', 'day')
    .option('--date <YYYY-MM-DD>', 'shop date (Asia/Shanghai)', shanghaiDate(systemClock.now()))
    .action(async (opts: { shift: string; date: string }) => {
      if (opts.shift !== 'day' && opts.shift !== 'night') throw new Error(`--shift is day or night, got "${opts.shift}"`);
      const shift = opts.shift;
      const md = await withService<string>(
        loadConfig(),
        async (api) => (await api.get('/handover', { params: { shift, date: opts.date, format: 'markdown' }, responseType: 'text' })).data as string,
        async (svc) => svc.operations.handoverMarkdown(shift, opts.date),
      );
      process.stdout.write(md.endsWith('\n') ? md : md + '\n');
    });
}
