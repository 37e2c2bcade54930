import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { Config } from '../../config/index.js';
import { shanghaiDate, systemClock } from '../../shared/time.js';
import { withService } from '../with-service.js';

export function refundsCommand(loadConfig: () => Config): Command {
  const refunds = new Command('refunds').description('退款登记 (refund register)');
  refunds
    .command('export')
    .description('导出某天的退款登记表 (export a day of the refund register)')
    .option('--date <YYYY-MM-DD>', 'shop date (Asia/Shanghai)', shanghaiDate(systemClock.now()))
    .option('--format <csv|xlsx>', 'file format', 'csv')
    .option('--out <file>', 'output file (default refunds-<date>.<format>)')
    .action(async (opts: { date: string; format: string; out?: string }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new Error(`--date takes YYYY-MM-DD, got "${opts.date}"`);
      if (opts.format !== 'csv' && opts.format !== 'xlsx') throw new Error(`--format is csv or xlsx, got "${opts.format}"`);
      const format = opts.format;
      const config = loadConfig();
      const bytes = await withService<Buffer>(
        config,
        async (api) => Buffer.from((await api.get(`/refunds/export`, { params: { date: opts.date, format }, responseType: 'arraybuffer' })).data as ArrayBuffer),
        async (svc) => svc.remarks.exportRefunds(opts.date, format),
      );
      const out = opts.out ?? `refunds-${opts.date}.${format}`;
      await writeFile(out, bytes);
      process.stdout.write(`已导出 exported ${out} (${bytes.length} bytes)\n`);
    });
  return refunds;
}
